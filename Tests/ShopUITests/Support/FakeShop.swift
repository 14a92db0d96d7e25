import Foundation
import ShopKit
import ShopUI

/// Orders sort keys the way a store orders its lists: value by value, shorter key first on a tie.
func sortKeyPrecedes(_ lhs: SortKey, _ rhs: SortKey) -> Bool {
    for (a, b) in zip(lhs.values, rhs.values) where a != b { return a < b }
    return lhs.values.count < rhs.values.count
}

/// An in-memory store for the console: five lists held in list order, keyset paging with the
/// exact `PageRequest` semantics, a case-insensitive substring filter, counts and details.
/// It also counts what was read, so tests can tell a jump from a walk.
final class FakeShop: ShopReading, @unchecked Sendable {
    let shopOverview: ShopOverview
    private(set) var products: [ProductListItem]
    /// The pricing rows as they are now; the fake's write path changes them (see FakeShop+Writing).
    var prices: [VariantPriceItem] { lock.withLock { storedPrices } }
    private var storedPrices: [VariantPriceItem]
    let promotions: [PromotionListItem]
    let stock: [StockListItem]
    let complaints: [ComplaintListItem]

    /// Codes, overlaps and usage of the fake's promotions (see FakeShop+Promotions).
    let promotionData = FakePromotionData()
    let lock = NSLock()
    /// What the fake's write path did: every command it was asked for, and the batches it saved.
    let writeLog = FakeWriteLog()
    private var fetched = 0
    private var requests: [PageRequest] = []
    private var counted: [String] = []
    private var exports: [String] = []

    init(
        overview: ShopOverview = FakeShop.defaultOverview,
        products: [ProductListItem] = [], prices: [VariantPriceItem] = [], promotions: [PromotionListItem] = [],
        stock: [StockListItem] = [], complaints: [ComplaintListItem] = []
    ) {
        shopOverview = overview
        self.products = products.sorted { sortKeyPrecedes($0.sortKey, $1.sortKey) }
        self.storedPrices = prices.sorted { sortKeyPrecedes($0.sortKey, $1.sortKey) }
        self.promotions = promotions.sorted { sortKeyPrecedes($0.sortKey, $1.sortKey) }
        self.stock = stock.sorted { sortKeyPrecedes($0.sortKey, $1.sortKey) }
        self.complaints = complaints.sorted { sortKeyPrecedes($0.sortKey, $1.sortKey) }
    }

    static let defaultOverview = ShopOverview(
        name: "Harbour", currency: .eur,
        locations: [Location(id: 1, code: "WH", name: "Warehouse", kind: .warehouse),
                    Location(id: 2, code: "SHOP", name: "Shop floor", kind: .store)],
        marginFloorBasisPoints: 3000)

    // MARK: What was read

    /// Rows returned by all page reads so far.
    var rowsFetched: Int { lock.withLock { fetched } }
    var pageRequests: [PageRequest] { lock.withLock { requests } }
    /// The filters counts were asked for, in order.
    var countRequests: [String] { lock.withLock { counted } }

    func resetReadCounters() {
        lock.withLock {
            fetched = 0
            requests = []
            counted = []
        }
    }

    /// Another process adds a product.
    func insertProduct(_ item: ProductListItem) {
        lock.withLock {
            products.append(item)
            products.sort { sortKeyPrecedes($0.sortKey, $1.sortKey) }
        }
    }

    /// Replaces pricing rows (same ids, same list order), as a write would.
    func replacePrices(_ body: (inout [VariantPriceItem]) throws(WriteError) -> Void) throws(WriteError) {
        lock.lock()
        defer { lock.unlock() }
        var copy = storedPrices
        try body(&copy)
        storedPrices = copy
    }

    // MARK: Paging

    /// One window of `items` (already in list order) under `request`.
    func page<Item: ListItem>(_ items: [Item], _ request: PageRequest, text: (Item) -> [String]) -> [Item] {
        let matching = Self.filtered(items, request.filter, text: text)
        let limit = max(0, request.limit)
        let result: [Item]
        switch request.direction {
        case .after(nil):
            result = Array(matching.prefix(limit))
        case .after(let key?):
            let start = Self.firstIndex(in: matching) { sortKeyPrecedes(key, $0.sortKey) }
            result = Array(matching[start...].prefix(limit))
        case .before(nil):
            result = Array(matching.suffix(limit))
        case .before(let key?):
            let end = Self.firstIndex(in: matching) { !sortKeyPrecedes($0.sortKey, key) }
            result = Array(matching[..<end].suffix(limit))
        }
        lock.withLock {
            fetched += result.count
            requests.append(request)
        }
        return result
    }

    func count<Item: ListItem>(_ items: [Item], _ filter: String, text: (Item) -> [String]) -> Int {
        lock.withLock { counted.append(filter) }
        return Self.filtered(items, filter, text: text).count
    }

    static func filtered<Item>(_ items: [Item], _ filter: String, text: (Item) -> [String]) -> [Item] {
        let needle = filter.lowercased()
        guard !needle.isEmpty else { return items }
        return items.filter { item in text(item).contains { $0.lowercased().contains(needle) } }
    }

    /// The first index whose element satisfies `isPast` (which is false, then true, along the list).
    static func firstIndex<Item>(in items: [Item], where isPast: (Item) -> Bool) -> Int {
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(items[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    static let productText: @Sendable (ProductListItem) -> [String] = { [$0.title, $0.vendor, $0.productType] }
    static let priceText: @Sendable (VariantPriceItem) -> [String] = { [$0.sku, $0.productTitle, $0.optionSummary] }
    static let promotionText: @Sendable (PromotionListItem) -> [String] = { [$0.promotion.name, $0.promotion.code ?? ""] }
    static let stockText: @Sendable (StockListItem) -> [String] = { [$0.sku, $0.productTitle] }
    static let complaintText: @Sendable (ComplaintListItem) -> [String] = { [$0.customerName, $0.subject, $0.assignee] }

    private var productsNow: [ProductListItem] { lock.withLock { products } }

    // MARK: ShopReading

    func overview() throws -> ShopOverview { shopOverview }

    func productPage(_ request: PageRequest) throws -> [ProductListItem] { page(productsNow, request, text: Self.productText) }
    func productCount(filter: String) throws -> Int { count(productsNow, filter, text: Self.productText) }
    func productDetail(id: Int64) throws -> ProductDetail? {
        guard let item = productsNow.first(where: { $0.id == id }) else { return nil }
        let product = Product(
            id: item.id, handle: "product-\(item.id)", title: item.title,
            bodyHTML: "Made by \(item.vendor).\nHand finished.", vendor: item.vendor, productType: item.productType,
            tags: ["kitchen"], status: item.status, seoTitle: item.title, optionNames: ["Size"])
        let variant = Variant(
            id: item.id * 10, productID: item.id, sku: "SKU-\(item.id)", optionValues: ["Large"],
            price: Money(minorUnits: 1800, currency: .eur), cost: Money(minorUnits: 700, currency: .eur))
        return ProductDetail(
            product: product, variants: [variant], stockByVariant: [variant.id: item.totalStock],
            listings: Dictionary(uniqueKeysWithValues: item.channels.map { ($0, ListingState.listed) }), imageCount: 2)
    }

    func pricePage(_ request: PageRequest) throws -> [VariantPriceItem] { page(prices, request, text: Self.priceText) }
    func priceCount(filter: String) throws -> Int { count(prices, filter, text: Self.priceText) }
    func variantDetail(id: Int64) throws -> VariantDetail? {
        let title: String
        let sku: String
        if let price = prices.first(where: { $0.id == id }) {
            (title, sku) = (price.productTitle, price.sku)
        } else if let level = stock.first(where: { $0.id == id }) {
            (title, sku) = (level.productTitle, level.sku)
        } else {
            return nil
        }
        let product = Product(id: id, handle: "variant-\(id)", title: title)
        let variant = Variant(id: id, productID: id, sku: sku, price: Money(minorUnits: 1200, currency: .eur))
        return VariantDetail(
            product: product, variant: variant,
            levels: [(shopOverview.locations[0], StockLevel(onHand: 5, reserved: 1))], recentMovements: [])
    }

    func promotionPage(_ request: PageRequest) throws -> [PromotionListItem] {
        let (items, text) = promotions(matchingState: request.filter)
        return page(items, PageRequest(request.direction, filter: text, limit: request.limit, order: request.order),
                    text: Self.promotionText)
    }
    func promotionCount(filter: String) throws -> Int {
        let (items, text) = promotions(matchingState: filter)
        return count(items, text, text: Self.promotionText)
    }
    func promotionDetail(id: Int64) throws -> Promotion? { promotions.first { $0.id == id }?.promotion }

    func stockPage(_ request: PageRequest) throws -> [StockListItem] { page(stock, request, text: Self.stockText) }
    func priceItems(ids: [Int64]) throws -> [VariantPriceItem] { prices.filter { ids.contains($0.id) } }
    /// The fake keeps no ledger: every location was empty on every past day.
    func stockLevels(variantID: Int64, at moment: Timestamp) throws -> [(location: Location, onHand: Int64)] {
        shopOverview.locations.map { ($0, 0) }
    }
    func stockCount(filter: String) throws -> Int { count(stock, filter, text: Self.stockText) }
    func complaintQueueCounts() throws -> [ComplaintQueue: Int] {
        var counts: [ComplaintQueue: Int] = [:]
        for queue in ComplaintQueue.allCases {
            counts[queue] = complaints.filter { item in
                switch queue {
                case .new: item.status == .new
                case .mine: item.status.isOpen && item.assignee == "ana"
                case .overdue: DueState.of(status: item.status, dueAt: item.dueAt, now: fixedNow) == .overdue
                case .waiting: item.status == .waitingForCustomer
                case .open: item.status.isOpen
                case .resolved: !item.status.isOpen
                }
            }.count
        }
        return counts
    }
    func complaintSummary() throws -> ComplaintSummary {
        ComplaintSummary(
            open: complaints.filter(\.status.isOpen).count, overdue: 1, resolvedLast30Days: 1, medianSecondsToResolve: 26 * 3600,
            topKinds: [(.damaged, 3)], topProducts: [("Blue Enamel Mug", 2)])
    }
    /// Customers are the complaint rows' customer names; "A-1001" is an order of the first.
    func findCustomers(matching text: String, limit: Int) throws -> [CustomerMatch] {
        let names = Array(Set(complaints.map(\.customerName))).sorted()
        func customer(_ index: Int) -> Customer {
            Customer(id: Int64(index + 1), name: names[index], email: names[index].lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com",
                     phone: "+49 30 1234567", city: "Berlin", country: "DE", createdAt: fixedNow)
        }
        if text.uppercased() == "A-1001", !names.isEmpty {
            return [CustomerMatch(customer: customer(0), orderID: 1001, orderNumber: "A-1001", orderCount: 3)]
        }
        return names.indices.filter { names[$0].lowercased().hasPrefix(text.lowercased()) }.prefix(limit)
            .map { CustomerMatch(customer: customer($0), orderCount: 1) }
    }
    func variantID(sku: String) throws -> Int64? { stock.first { $0.sku == sku }?.id }
    func stockItems(ids: [Int64]) throws -> [StockListItem] { stock.filter { ids.contains($0.id) } }
    func stockItems(skus: [String]) throws -> [StockListItem] { stock.filter { skus.contains($0.sku) } }
    /// The same rule as the store, over the fake's rows (vendor: the product title's first word).
    func reorderList() throws -> [ReorderLine] {
        stock.filter { $0.suggestedReorder > 0 }
            .map { ReorderLine(vendor: String($0.productTitle.split(separator: " ").first ?? ""), item: $0) }
    }
    /// Where reorder lists were exported to, in order.
    var exportedReorderPaths: [String] { lock.withLock { exports } }
    func exportReorderList(to path: String) throws -> Int {
        if path.hasPrefix("/nonexistent/") { throw FakeExportError.cannotWrite(path) }
        lock.withLock { exports.append(path) }
        return try reorderList().count
    }

    func complaintPage(_ request: PageRequest) throws -> [ComplaintListItem] {
        page(complaints, request, text: Self.complaintText)
    }
    func complaintCount(filter: String) throws -> Int { count(complaints, filter, text: Self.complaintText) }
    func complaintDetail(id: Int64) throws -> ComplaintDetail? {
        guard let item = complaints.first(where: { $0.id == id }) else { return nil }
        let customer = Customer(
            id: 7, name: item.customerName, email: "jana.novak@example.com", phone: "+49 30 1234567", city: "Berlin",
            country: "DE", createdAt: fixedNow)
        return ComplaintDetail(
            item: item, channel: .email, customer: customer, orderNumber: "#1001", sku: "MUG-BLUE-L",
            description: "The parcel arrived open.", resolution: "", resolvedAt: nil,
            events: [ComplaintEvent(at: fixedNow.adding(days: -1), actor: "ana", kind: "note", detail: "called back")],
            version: 4, variantID: 11, orderID: 1001,
            orderLines: [OrderLineSummary(sku: "MUG-BLUE-L", title: "Blue Enamel Mug", quantity: 2,
                                          paid: Money(minorUnits: 5980, currency: .eur))],
            customerOrders: 3, customerSpent: Money(minorUnits: 18_450, currency: .eur), customerReturns: 1,
            storeCredit: Money(minorUnits: 0, currency: .eur), refunded: Money(minorUnits: 0, currency: .eur),
            refundable: Money(minorUnits: 5980, currency: .eur))
    }
}

enum FakeExportError: Error, CustomStringConvertible {
    case cannotWrite(String)
    var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write \(path): no such folder"
        }
    }
}
