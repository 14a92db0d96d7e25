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
    /// The promotion with its code count and the note of a margin-guard override.
    func promotionFullDetail(id: Int64) throws -> PromotionDetail?
    /// Which of these promotions (the rows on screen) meet another on a variant at some moment.
    func overlappingPromotionIDs(among ids: [Int64]) throws -> Set<Int64>
    /// The promotions on the same variants at the same time, and whether each combines.
    func promotionOverlaps(id: Int64) throws -> [PromotionOverlap]
    /// A window of a promotion's codes, by keyset (`filter` is a code prefix).
    func promotionCodePage(promotionID: Int64, _ request: PageRequest) throws -> [PromotionCodeItem]
    func promotionCodeCount(promotionID: Int64, filter: String) throws -> Int
    /// Writes every code of a promotion to a CSV file; returns the number of codes.
    func exportPromotionCodes(promotionID: Int64, to path: String) throws -> Int
    /// Uses, orders, revenue and discount, in all and per code (at most `codeLimit` codes).
    func promotionUsage(id: Int64, codeLimit: Int) throws -> PromotionUsageReport?
    /// SKUs of the first variants a promotion applies to.
    func promotionScopeSKUs(id: Int64, limit: Int) throws -> [String]
    /// Effective price now and the running promotions of these variants (the rows on screen).
    func variantPromotionSummaries(ids: [Int64]) throws -> [Int64: VariantPromotionSummary]
    /// One unit of a variant at a moment with the typed codes, explained step by step.
    func explainVariantPrice(id: Int64, at moment: Timestamp, codes: [String]) throws -> VariantPriceQuote?

    func stockPage(_ request: PageRequest) throws -> [StockListItem]
    /// On hand per location at the end of a moment (from the ledger).
    func stockLevels(variantID: Int64, at moment: Timestamp) throws -> [(location: Location, onHand: Int64)]
    func stockCount(filter: String) throws -> Int
    /// The stock rows of chosen variants (selected or marked), in list order.
    func stockItems(ids: [Int64]) throws -> [StockListItem]
    /// The stock rows of the variants with these SKUs; unknown SKUs are left out.
    func stockItems(skus: [String]) throws -> [StockListItem]
    /// What to order now, by vendor (see `ReorderAdvice`).
    func reorderList() throws -> [ReorderLine]
    /// Writes the reorder list to a CSV file; returns the number of lines.
    func exportReorderList(to path: String) throws -> Int

    func complaintPage(_ request: PageRequest) throws -> [ComplaintListItem]
    func complaintCount(filter: String) throws -> Int
    func complaintDetail(id: Int64) throws -> ComplaintDetail?
    /// How many complaints each queue holds now (for the pane header).
    func complaintQueueCounts() throws -> [ComplaintQueue: Int]
    /// Open, overdue, closed in 30 days with the median time to close, top kinds and products.
    func complaintSummary() throws -> ComplaintSummary
    /// Customers matching what is typed: an order number, an email, the start of a name or email.
    func findCustomers(matching text: String, limit: Int) throws -> [CustomerMatch]
    /// The variant with this SKU, if any.
    func variantID(sku: String) throws -> Int64?
}

