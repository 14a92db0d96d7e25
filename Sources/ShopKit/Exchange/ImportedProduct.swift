/// A product as a file describes it, mapped and validated, ready to be upserted by handle.
///
/// Optional fields mean "the file does not say": the stored value is kept. An empty string or
/// a nil inside a set value means "the file says it is empty".
public struct ImportedProduct: Sendable, Hashable {
    public var handle: String
    /// Nil for rows that only add variants to a product described elsewhere (a WooCommerce
    /// variation, or Shopify rows of a handle that reappears later in the file).
    public var fields: ImportedProductFields?
    public var variants: [ImportedVariant]
    /// Nil when the layout has no image columns; images are then left as they are.
    public var images: [ImportedImage]?
    /// Every line of the file this product came from, for the rejects file.
    public var lines: [Int]

    public init(
        handle: String, fields: ImportedProductFields?, variants: [ImportedVariant] = [], images: [ImportedImage]? = nil,
        lines: [Int]
    ) {
        self.handle = handle
        self.fields = fields
        self.variants = variants
        self.images = images
        self.lines = lines
    }
}

public struct ImportedProductFields: Sendable, Hashable {
    public var title: String
    public var bodyHTML: String?
    public var vendor: String?
    public var productType: String?
    /// A category name such as `Clothing > Tshirts`; "" clears it.
    public var category: String?
    public var tags: [String]?
    public var status: ProductStatus?
    public var seoTitle: String?
    public var seoDescription: String?
    /// Option names 1–3 (nil inside: no such option); nil: keep.
    public var optionNames: [String?]?

    public init(
        title: String, bodyHTML: String? = nil, vendor: String? = nil, productType: String? = nil, category: String? = nil,
        tags: [String]? = nil, status: ProductStatus? = nil, seoTitle: String? = nil, seoDescription: String? = nil,
        optionNames: [String?]? = nil
    ) {
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
    }
}

/// One variant row. Double optionals: nil = keep the stored value, `.some(nil)` = clear it.
public struct ImportedVariant: Sendable, Hashable {
    public var line: Int
    public var sku: String?
    public var barcode: String??
    /// Option values 1–3; nil inside means the variant has no value for that option.
    public var options: [String?]
    /// Nil: keep (a new variant gets 0).
    public var price: Money?
    public var compareAtPrice: Money??
    public var cost: Money??
    public var grams: Int64?
    /// A counted quantity for the shop's default location; nil leaves stock alone.
    public var stock: Int64?

    public init(
        line: Int, sku: String?, barcode: String?? = nil, options: [String?], price: Money?, compareAtPrice: Money?? = nil,
        cost: Money?? = nil, grams: Int64? = nil, stock: Int64? = nil
    ) {
        self.line = line
        self.sku = sku
        self.barcode = barcode
        self.options = options
        self.price = price
        self.compareAtPrice = compareAtPrice
        self.cost = cost
        self.grams = grams
        self.stock = stock
    }
}

public struct ImportedImage: Sendable, Hashable {
    public var src: String
    public var position: Int
    public var altText: String

    public init(src: String, position: Int, altText: String) {
        self.src = src
        self.position = position
        self.altText = altText
    }
}

/// A row the import could not take, with the line it starts on and why.
public struct ImportReject: Sendable, Hashable {
    public let line: Int
    public let reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}

/// What a mapper makes of the rows it was given so far: records ready to write, and rows refused.
public struct MappedRows<Record: Sendable>: Sendable {
    public var records: [Record] = []
    public var rejects: [ImportReject] = []

    public init(records: [Record] = [], rejects: [ImportReject] = []) {
        self.records = records
        self.rejects = rejects
    }

    public mutating func append(_ other: MappedRows<Record>) {
        records += other.records
        rejects += other.rejects
    }
}
