/// Rows of the five panes, as the store reads them. Text fields hold untrusted data: the UI
/// sanitises them before they reach the screen.
public protocol ListItem: Sendable {
    var id: Int64 { get }
    var sortKey: SortKey { get }
}

public struct ProductListItem: ListItem, Hashable {
    public let id: Int64
    public let sortKey: SortKey
    public let title: String
    public let vendor: String
    public let productType: String
    public let status: ProductStatus
    public let variantCount: Int
    public let totalStock: Int64
    public let channels: [String]
    /// The row version an edit must name (optimistic concurrency).
    public let version: Int64

    public init(
        id: Int64, sortKey: SortKey, title: String, vendor: String, productType: String, status: ProductStatus,
        variantCount: Int, totalStock: Int64, channels: [String], version: Int64 = 1
    ) {
        self.version = version
        self.id = id
        self.sortKey = sortKey
        self.title = title
        self.vendor = vendor
        self.productType = productType
        self.status = status
        self.variantCount = variantCount
        self.totalStock = totalStock
        self.channels = channels
    }
}

public struct VariantPriceItem: ListItem, Hashable {
    public let id: Int64
    public let sortKey: SortKey
    public let sku: String
    public let productTitle: String
    public let optionSummary: String
    public let price: Money
    public let compareAtPrice: Money?
    public let cost: Money?
    /// The row version an edit must name (optimistic concurrency).
    public let version: Int64

    public init(
        id: Int64, sortKey: SortKey, sku: String, productTitle: String, optionSummary: String, price: Money,
        compareAtPrice: Money?, cost: Money?, version: Int64 = 1
    ) {
        self.version = version
        self.id = id
        self.sortKey = sortKey
        self.sku = sku
        self.productTitle = productTitle
        self.optionSummary = optionSummary
        self.price = price
        self.compareAtPrice = compareAtPrice
        self.cost = cost
    }

    public var margin: Margin? { cost.map { Margin(price: price, cost: $0) } }
}

public struct PromotionListItem: ListItem, Hashable {
    public let id: Int64
    public let sortKey: SortKey
    public let promotion: Promotion

    public init(sortKey: SortKey, promotion: Promotion) {
        self.id = promotion.id
        self.sortKey = sortKey
        self.promotion = promotion
    }
}

public struct StockListItem: ListItem, Hashable {
    public let id: Int64
    public let sortKey: SortKey
    public let sku: String
    public let productTitle: String
    public let optionSummary: String
    /// On hand per location, in the order of `ShopOverview.locations`.
    public let onHandByLocation: [Int64]
    /// Whether each of those locations holds sellable goods (not damaged/quarantine).
    public let sellableByLocation: [Bool]
    public let reserved: Int64
    public let reorder: ReorderSettings?
    public let velocity: SalesVelocity
    public let unitCost: Money?

    public init(
        id: Int64, sortKey: SortKey, sku: String, productTitle: String, optionSummary: String,
        onHandByLocation: [Int64], sellableByLocation: [Bool]? = nil, reserved: Int64, reorder: ReorderSettings? = nil,
        velocity: SalesVelocity = SalesVelocity(unitsSold: 0), unitCost: Money? = nil
    ) {
        self.id = id
        self.sortKey = sortKey
        self.sku = sku
        self.productTitle = productTitle
        self.optionSummary = optionSummary
        self.onHandByLocation = onHandByLocation
        self.sellableByLocation = sellableByLocation ?? onHandByLocation.map { _ in true }
        self.reserved = reserved
        self.reorder = reorder
        self.velocity = velocity
        self.unitCost = unitCost
    }

    public var reorderPoint: Int64? { reorder?.reorderPoint }
    /// Everything on hand, damaged goods included.
    public var onHand: Int64 { onHandByLocation.reduce(0, +) }
    /// On hand at sellable locations.
    public var sellableOnHand: Int64 {
        zip(onHandByLocation, sellableByLocation).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
    }
    /// What can still be promised: sellable on hand less what open orders reserve.
    public var available: Int64 { sellableOnHand - reserved }
    public var isBelowReorderPoint: Bool { reorderPoint.map { available <= $0 } ?? false }
    public var daysOfCover: Int64? { velocity.daysOfCover(available: available) }
    /// Everything on hand valued at cost; nil without a cost.
    public var valueAtCost: Money? { unitCost.map { $0 * onHand } }
    public var suggestedReorder: Int64 {
        ReorderAdvice.suggestedQuantity(available: available, velocity: velocity, settings: reorder)
    }
}

public struct ComplaintListItem: ListItem, Hashable {
    public let id: Int64
    public let sortKey: SortKey
    public let openedAt: Timestamp
    public let customerName: String
    public let kind: ComplaintKind
    public let priority: ComplaintPriority
    public let status: ComplaintStatus
    public let dueAt: Timestamp?
    public let assignee: String
    public let subject: String
    /// When the clock stopped to wait for the customer, if it is stopped.
    public var pausedSince: Timestamp?

    public init(
        id: Int64, sortKey: SortKey, openedAt: Timestamp, customerName: String, kind: ComplaintKind,
        priority: ComplaintPriority, status: ComplaintStatus, dueAt: Timestamp?, assignee: String, subject: String,
        pausedSince: Timestamp? = nil
    ) {
        self.pausedSince = pausedSince
        self.id = id
        self.sortKey = sortKey
        self.openedAt = openedAt
        self.customerName = customerName
        self.kind = kind
        self.priority = priority
        self.status = status
        self.dueAt = dueAt
        self.assignee = assignee
        self.subject = subject
    }
}
