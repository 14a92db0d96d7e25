/// A validated value on its way to the database, and the text the audit log keeps of it.
public enum FieldValue: Hashable, Sendable {
    case text(String)
    case integer(Int64)
    case money(Money)
    case none

    public var auditText: String? {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .money(let money): money.decimalText
        case .none: nil
        }
    }
}

/// A field a person can edit: it turns typed text into a validated value, or says what is wrong.
public protocol EditableField: RawRepresentable, Hashable, Sendable, CaseIterable where RawValue == String {
    func validate(_ input: String, currency: Currency) throws(ValidationError) -> FieldValue
}

public enum ProductField: String, EditableField {
    case title, handle, vendor
    case productType = "product_type"
    case status
    case seoTitle = "seo_title"
    case seoDescription = "seo_description"
    case bodyHTML = "body_html"

    public func validate(_ input: String, currency: Currency) throws(ValidationError) -> FieldValue {
        switch self {
        case .title: return .text(try CatalogRules.validateTitle(input))
        case .handle: return .text(try CatalogRules.validateHandle(input))
        case .status: return .text(try ProductStatus(parsing: input).rawValue)
        case .vendor, .productType, .seoTitle, .seoDescription, .bodyHTML:
            return .text(self == .bodyHTML ? input : input.trimmingWhitespace())
        }
    }
}

public enum VariantField: String, EditableField {
    case sku, barcode, price
    case compareAtPrice = "compare_at_price"
    case cost, grams
    /// active or archived: an archived variant is no longer sold but keeps its history.
    case status

    public func validate(_ input: String, currency: Currency) throws(ValidationError) -> FieldValue {
        switch self {
        case .sku: return try CatalogRules.validateSKU(input).map(FieldValue.text) ?? .none
        case .barcode: return try CatalogRules.validateBarcode(input).map(FieldValue.text) ?? .none
        case .price: return .money(try MoneyParser.parse(input, currency: currency, field: "price"))
        case .compareAtPrice, .cost:
            if input.trimmingWhitespace().isEmpty { return .none }
            let label = self == .cost ? "cost" : "compare-at price"
            return .money(try MoneyParser.parse(input, currency: currency, field: label))
        case .grams:
            let trimmed = input.trimmingWhitespace()
            guard let grams = Int64(trimmed), grams >= 0 else {
                throw ValidationError(field: "grams", message: "weight \"\(input)\" is not a whole number of grams", hint: "e.g. 350")
            }
            return .integer(grams)
        case .status:
            let value = input.trimmingWhitespace().lowercased()
            guard value == "active" || value == "archived" else {
                throw ValidationError(field: "status", message: "variant status \"\(input)\" is not known", hint: "use active or archived")
            }
            return .text(value)
        }
    }
}
