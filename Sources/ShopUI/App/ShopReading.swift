import ShopKit

/// What the console needs from a store. Declared here, in the UI's own terms (domain values,
/// no database types), so any store — SQLite today, PostgreSQL tomorrow — can stand behind it.
public protocol ShopReading: Sendable {
    func overview() throws -> ShopOverview

    func productPage(_ request: PageRequest) throws -> [ProductListItem]
    func productCount(filter: String) throws -> Int
    func productDetail(id: Int64) throws -> ProductDetail?

    func pricePage(_ request: PageRequest) throws -> [VariantPriceItem]
    func priceCount(filter: String) throws -> Int
    func variantDetail(id: Int64) throws -> VariantDetail?
    /// The pricing rows of chosen variants (marked rows), in list order.
    func priceItems(ids: [Int64]) throws -> [VariantPriceItem]

    func promotionPage(_ request: PageRequest) throws -> [PromotionListItem]
    func promotionCount(filter: String) throws -> Int
    func promotionDetail(id: Int64) throws -> Promotion?

    func stockPage(_ request: PageRequest) throws -> [StockListItem]
    /// On hand per location at the end of a moment (from the ledger).
    func stockLevels(variantID: Int64, at moment: Timestamp) throws -> [(location: Location, onHand: Int64)]
    func stockCount(filter: String) throws -> Int

    func complaintPage(_ request: PageRequest) throws -> [ComplaintListItem]
    func complaintCount(filter: String) throws -> Int
    func complaintDetail(id: Int64) throws -> ComplaintDetail?
}

extension ShopReading {
    /// Without a ledger to read, a store knows no past levels.
    public func stockLevels(variantID: Int64, at moment: Timestamp) throws -> [(location: Location, onHand: Int64)] { [] }

    /// Pages through the whole list picking the ids: correct for any store, fast for none.
    /// Stores override it with a direct lookup.
    public func priceItems(ids: [Int64]) throws -> [VariantPriceItem] {
        let wanted = Set(ids)
        var found: [VariantPriceItem] = []
        var after: SortKey?
        while found.count < wanted.count {
            let page = try pricePage(PageRequest(.after(after), limit: 500))
            found += page.filter { wanted.contains($0.id) }
            guard let last = page.last, page.count == 500 else { break }
            after = last.sortKey
        }
        return found
    }
}
