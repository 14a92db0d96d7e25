/// Where a product stands in its life: drafts are being prepared, active ones are sold,
/// archived ones are kept for history and never deleted.
public enum ProductStatus: String, CaseIterable, Sendable, Codable {
    case draft, active, archived

    public init(parsing text: String) throws(ValidationError) {
        guard let status = ProductStatus(rawValue: text.trimmingWhitespace().lowercased()) else {
            throw ValidationError(
                field: "status", message: "status \"\(text)\" is not known",
                hint: "use draft, active or archived")
        }
        self = status
    }
}

/// A product as a shop manager edits it: the editorial content shared by its variants.
public struct Product: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var handle: String
    public var title: String
    public var bodyHTML: String
    public var vendor: String
    public var productType: String
    public var category: String
    public var tags: [String]
    public var status: ProductStatus
    public var seoTitle: String
    public var seoDescription: String
    public var optionNames: [String]
    public var version: Int64

    public init(
        id: Int64 = 0, handle: String, title: String, bodyHTML: String = "", vendor: String = "",
        productType: String = "", category: String = "", tags: [String] = [], status: ProductStatus = .draft,
        seoTitle: String = "", seoDescription: String = "", optionNames: [String] = [], version: Int64 = 1
    ) {
        self.id = id
        self.handle = handle
        self.title = title
        self.bodyHTML = bodyHTML
        self.vendor = vendor
        self.productType = productType
        self.category = category
        self.tags = tags
        self.status = status
        self.seoTitle = seoTitle
        self.seoDescription = seoDescription
        self.optionNames = optionNames
        self.version = version
    }
}

/// One sellable article of a product: a SKU with its own barcode, weight and prices.
public struct Variant: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var productID: Int64
    public var sku: String?
    public var barcode: String?
    public var optionValues: [String]
    public var price: Money
    public var compareAtPrice: Money?
    public var cost: Money?
    public var grams: Int64
    public var position: Int
    public var version: Int64

    public init(
        id: Int64 = 0, productID: Int64, sku: String?, barcode: String? = nil, optionValues: [String] = [],
        price: Money, compareAtPrice: Money? = nil, cost: Money? = nil, grams: Int64 = 0, position: Int = 1,
        version: Int64 = 1
    ) {
        self.id = id
        self.productID = productID
        self.sku = sku
        self.barcode = barcode
        self.optionValues = optionValues
        self.price = price
        self.compareAtPrice = compareAtPrice
        self.cost = cost
        self.grams = grams
        self.position = position
        self.version = version
    }

    /// "M / Black", or "Default" for a product without options.
    public var optionSummary: String {
        let values = optionValues.filter { !$0.isEmpty && $0 != "Default Title" }
        return values.isEmpty ? "Default" : values.joined(separator: " / ")
    }

    public var margin: Margin? { cost.map { Margin(price: price, cost: $0) } }
}

/// A sales channel (own web shop, a marketplace) and whether a product is listed there.
public struct SalesChannel: Hashable, Sendable, Identifiable {
    public let id: Int64
    public let code: String
    public let name: String

    public init(id: Int64, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}

public enum ListingState: String, CaseIterable, Sendable {
    case listed, unlisted
}
