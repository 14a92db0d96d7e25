/// What the read-only detail views show. Text fields are untrusted data.
public struct ProductDetail: Sendable, Hashable {
    public let product: Product
    public let variants: [Variant]
    public let stockByVariant: [Int64: Int64]
    public let listings: [String: ListingState]
    public let imageCount: Int
    /// Image references (URLs) in position order.
    public let images: [String]

    public init(
        product: Product, variants: [Variant], stockByVariant: [Int64: Int64], listings: [String: ListingState],
        imageCount: Int, images: [String] = []
    ) {
        self.product = product
        self.variants = variants
        self.stockByVariant = stockByVariant
        self.listings = listings
        self.imageCount = imageCount
        self.images = images
    }
}

public struct LedgerLine: Sendable, Hashable {
    public let at: Timestamp
    public let locationCode: String
    public let reason: StockReason
    public let quantity: Int64
    public let reference: String
    public let actor: String
    /// On hand at this location right after this movement.
    public let balance: Int64?

    public init(
        at: Timestamp, locationCode: String, reason: StockReason, quantity: Int64, reference: String, actor: String,
        balance: Int64? = nil
    ) {
        self.at = at
        self.locationCode = locationCode
        self.reason = reason
        self.quantity = quantity
        self.reference = reference
        self.actor = actor
        self.balance = balance
    }
}

public struct VariantDetail: Sendable, Hashable {
    public let product: Product
    public let variant: Variant
    public let levels: [(location: Location, level: StockLevel)]
    public let recentMovements: [LedgerLine]
    /// Price changes from the audit log, newest first.
    public let priceHistory: [PriceChangeRecord]

    public init(
        product: Product, variant: Variant, levels: [(location: Location, level: StockLevel)], recentMovements: [LedgerLine],
        priceHistory: [PriceChangeRecord] = []
    ) {
        self.product = product
        self.variant = variant
        self.levels = levels
        self.recentMovements = recentMovements
        self.priceHistory = priceHistory
    }

    public static func == (lhs: VariantDetail, rhs: VariantDetail) -> Bool {
        lhs.variant == rhs.variant && lhs.product == rhs.product && lhs.recentMovements == rhs.recentMovements
            && lhs.priceHistory == rhs.priceHistory
            && lhs.levels.map(\.location) == rhs.levels.map(\.location) && lhs.levels.map(\.level) == rhs.levels.map(\.level)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(variant) }
}

public struct ComplaintEvent: Sendable, Hashable {
    public let at: Timestamp
    public let actor: String
    public let kind: String
    public let detail: String

    public init(at: Timestamp, actor: String, kind: String, detail: String) {
        self.at = at
        self.actor = actor
        self.kind = kind
        self.detail = detail
    }
}

public struct ComplaintDetail: Sendable, Hashable {
    public let item: ComplaintListItem
    public let channel: ComplaintChannel
    public let customer: Customer?
    public let orderNumber: String?
    public let sku: String?
    public let description: String
    public let resolution: String
    public let resolvedAt: Timestamp?
    public let events: [ComplaintEvent]
    public var version: Int64
    public var variantID: Int64?
    public var orderID: Int64?
    /// The lines of the complaint's order.
    public var orderLines: [OrderLineSummary]
    /// The customer's history: orders, what they spent (not cancelled), how many came back.
    public var customerOrders: Int
    public var customerSpent: Money?
    public var customerReturns: Int
    public var storeCredit: Money?
    /// Refunded on the complaint's order so far, and the most that can still be refunded.
    public var refunded: Money?
    public var refundable: Money?

    public init(
        item: ComplaintListItem, channel: ComplaintChannel, customer: Customer?, orderNumber: String?, sku: String?,
        description: String, resolution: String, resolvedAt: Timestamp?, events: [ComplaintEvent], version: Int64 = 1,
        variantID: Int64? = nil, orderID: Int64? = nil, orderLines: [OrderLineSummary] = [], customerOrders: Int = 0,
        customerSpent: Money? = nil, customerReturns: Int = 0, storeCredit: Money? = nil, refunded: Money? = nil,
        refundable: Money? = nil
    ) {
        self.item = item
        self.channel = channel
        self.customer = customer
        self.orderNumber = orderNumber
        self.sku = sku
        self.description = description
        self.resolution = resolution
        self.resolvedAt = resolvedAt
        self.events = events
        self.version = version
        self.variantID = variantID
        self.orderID = orderID
        self.orderLines = orderLines
        self.customerOrders = customerOrders
        self.customerSpent = customerSpent
        self.customerReturns = customerReturns
        self.storeCredit = storeCredit
        self.refunded = refunded
        self.refundable = refundable
    }
}

/// One line of an order as a complaint shows it.
public struct OrderLineSummary: Sendable, Hashable {
    public let sku: String
    public let title: String
    public let quantity: Int64
    /// What the line was paid: quantity × unit price less its discount.
    public let paid: Money

    public init(sku: String, title: String, quantity: Int64, paid: Money) {
        self.sku = sku
        self.title = title
        self.quantity = quantity
        self.paid = paid
    }
}

/// Shop-wide facts the frame needs: name, currency, locations (column order of the stock pane).
public struct ShopOverview: Sendable, Hashable {
    public let name: String
    public let currency: Currency
    public let locations: [Location]
    public let marginFloorBasisPoints: Int64

    public init(name: String, currency: Currency, locations: [Location], marginFloorBasisPoints: Int64) {
        self.name = name
        self.currency = currency
        self.locations = locations
        self.marginFloorBasisPoints = marginFloorBasisPoints
    }
}
