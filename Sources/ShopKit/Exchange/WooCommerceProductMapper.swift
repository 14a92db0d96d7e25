/// Turns the rows of a WooCommerce product CSV into products. Simple and external products
/// become a product with one variant; a variable product becomes a product whose variants are
/// its variation rows, linked by `Parent` (`id:44` or the parent's SKU). Variations are written
/// as their own records (product fields nil), so rows stream through in any order after their
/// parent. Only the parents' handles and weights are remembered, never the rows.
public struct WooCommerceProductMapper: Sendable {
    let columns: ColumnIndex
    let currency: Currency
    let weightColumn: String?
    let weightUnit: WeightUnit?
    private var parentsByID: [String: Parent] = [:]
    private var parentsBySKU: [String: Parent] = [:]

    struct Parent: Sendable {
        let handle: String
        let grams: Int64?
    }

    public init(columns: ColumnIndex, currency: Currency) {
        self.columns = columns
        self.currency = currency
        // "Weight (lbs)", "Weight (kg)": the unit is in the header.
        let weight = columns.header.first { ColumnIndex.key($0).hasPrefix("weight (") }
        weightColumn = weight
        weightUnit = weight.flatMap { name in
            let inside = name.split(separator: "(").last.map { $0.split(separator: ")").first.map(String.init) ?? "" } ?? ""
            return WeightUnit(naming: inside)
        }
    }

    /// The handle a WooCommerce product gets: from its SKU when it has one (stable when the name
    /// changes), else from its name.
    public static func handle(sku: String, name: String) -> String {
        CatalogRules.handle(from: sku.trimmingWhitespace().isEmpty ? name : sku)
    }

    public mutating func add(_ row: SourceRow) -> MappedRows<ImportedProduct> {
        if ColumnIndex.isBlank(row) { return MappedRows() }
        do {
            return MappedRows(records: [try map(row)])
        } catch {
            return MappedRows(rejects: [ImportReject(line: row.line, reason: error.description)])
        }
    }

    mutating func map(_ row: SourceRow) throws(ValidationError) -> ImportedProduct {
        let type = Set(columns.raw("Type", in: row).lowercased().split(separator: ",").map { String($0).trimmingWhitespace() })
        let sku = columns.text("SKU", in: row).trimmingWhitespace()
        let name = columns.text("Name", in: row)
        let grams = try weight(row)
        if type.contains("variation") {
            let parent = try parentOf(row)
            return ImportedProduct(
                handle: parent.handle, fields: nil, variants: [try variant(row, sku: sku, options: attributeValues(row),
                                                                             grams: grams ?? parent.grams)],
                lines: [row.line])
        }
        if type.contains("grouped") {
            throw ValidationError(
                field: "Type", message: "a grouped product only lists other products and has no price or stock of its own",
                hint: "its products are imported from their own rows")
        }
        guard type.contains("simple") || type.contains("variable") || type.contains("external") else {
            throw ValidationError(field: "Type", message: "product type \"\(columns.raw("Type", in: row))\" is not known",
                                  hint: "simple, variable, variation and external products are imported")
        }
        let handle = Self.handle(sku: sku, name: name)
        let isVariable = type.contains("variable")
        var fields = ImportedProductFields(title: try CatalogRules.validateTitle(name))
        let description = columns.raw("Description", in: row)
        fields.bodyHTML = description.trimmingWhitespace().isEmpty ? columns.raw("Short description", in: row) : description
        fields.category = firstCategory(columns.text("Categories", in: row))
        fields.tags = columns.optionalText("Tags", in: row).map(ShopifyProductMapper.tags)
        fields.status = columns.raw("Published", in: row).trimmingWhitespace() == "1" ? .active : .draft
        if isVariable {
            fields.optionNames = (1...3).map { index in
                let name = columns.text("Attribute \(index) name", in: row).trimmingWhitespace()
                return name.isEmpty ? nil : name
            }
        } else {
            fields.optionNames = ["Title", nil, nil]
        }
        let images = columns.text("Images", in: row).split(separator: ",").map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }.enumerated().map { ImportedImage(src: $1, position: $0 + 1, altText: "") }
        let parent = Parent(handle: handle, grams: grams)
        let id = columns.raw("ID", in: row).trimmingWhitespace()
        if !id.isEmpty { parentsByID[id] = parent }
        if !sku.isEmpty { parentsBySKU[sku] = parent }
        let variants = isVariable ? [] : [try variant(row, sku: sku, options: ["Default Title", nil, nil], grams: grams)]
        return ImportedProduct(
            handle: handle, fields: fields, variants: variants, images: columns.has("Images") ? images : nil, lines: [row.line])
    }

    func parentOf(_ row: SourceRow) throws(ValidationError) -> Parent {
        let reference = columns.raw("Parent", in: row).trimmingWhitespace()
        if reference.lowercased().hasPrefix("id:") {
            let id = String(reference.dropFirst(3)).trimmingWhitespace()
            guard let parent = parentsByID[id] else {
                throw ValidationError(field: "Parent", message: "parent \(reference) is not in the file before this variation",
                                      hint: "put the variable product's row before its variations")
            }
            return parent
        }
        guard !reference.isEmpty else {
            throw ValidationError(field: "Parent", message: "the variation names no parent", hint: "fill Parent with id:NN or the parent's SKU")
        }
        // A parent SKU not seen in this file may belong to a product imported earlier.
        return parentsBySKU[reference] ?? Parent(handle: Self.handle(sku: reference, name: reference), grams: nil)
    }

    func attributeValues(_ row: SourceRow) -> [String?] {
        (1...3).map { index in
            // A variation with an empty attribute applies to "any" value of it.
            let value = columns.text("Attribute \(index) value(s)", in: row).trimmingWhitespace()
            return value.isEmpty ? nil : value
        }
    }

    /// WooCommerce escapes commas inside a category name as `\,`; categories are separated by
    /// commas. The first category path is kept (`Clothing > Tshirts`).
    func firstCategory(_ text: String) -> String {
        var current = ""
        var escaped = false
        for character in text {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "," { break }
            current.append(character)
        }
        return current.trimmingWhitespace()
    }

    func weight(_ row: SourceRow) throws(ValidationError) -> Int64? {
        guard let weightColumn else { return nil }
        let text = columns.raw(weightColumn, in: row)
        if text.trimmingWhitespace().isEmpty { return nil }
        guard let weightUnit else {
            throw ValidationError(field: weightColumn, message: "the weight unit in \"\(weightColumn)\" is not known",
                                  hint: "use g, kg, lbs or oz")
        }
        return try weightUnit.grams(text, field: "weight")
    }

    func variant(_ row: SourceRow, sku: String, options: [String?], grams: Int64?) throws(ValidationError) -> ImportedVariant {
        let sale = columns.raw("Sale price", in: row)
        let regular = columns.raw("Regular price", in: row)
        let regularPrice = regular.trimmingWhitespace().isEmpty ? nil
            : try MoneyParser.parse(regular, currency: currency, field: "regular price")
        var price = regularPrice
        var compareAt: Money?? = .some(nil)
        if !sale.trimmingWhitespace().isEmpty {
            // On sale: the sale price is what customers pay, the regular price is the "was" price.
            price = try MoneyParser.parse(sale, currency: currency, field: "sale price")
            compareAt = .some(regularPrice)
        }
        if let price { try CatalogRules.validatePrices(price: price, compareAt: compareAt ?? nil, cost: nil) }
        let stock = try ShopifyProductMapper.count(columns.raw("Stock", in: row), field: "stock")
        return ImportedVariant(
            line: row.line, sku: try CatalogRules.validateSKU(sku), options: options, price: price, compareAtPrice: compareAt,
            grams: grams, stock: stock)
    }
}
