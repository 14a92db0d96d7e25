/// Everything the promotion detail shows beyond the promotion itself.
public struct PromotionDetail: Hashable, Sendable {
    public let promotion: Promotion
    /// The state at the moment the detail was read.
    public let state: PromotionState
    public let codeCount: Int64
    /// Uses counted on the codes (each code's own counter, summed).
    public let codeUses: Int64
    public let createdAt: Timestamp?
    public let updatedAt: Timestamp?
    /// The audit note of the latest margin-guard override, when the promotion carries one.
    public let overrideNote: String?

    public init(
        promotion: Promotion, state: PromotionState, codeCount: Int64, codeUses: Int64, createdAt: Timestamp?,
        updatedAt: Timestamp?, overrideNote: String?
    ) {
        self.promotion = promotion
        self.state = state
        self.codeCount = codeCount
        self.codeUses = codeUses
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.overrideNote = overrideNote
    }
}

/// One code of a promotion, as the code list shows it.
public struct PromotionCodeItem: ListItem, Hashable {
    public let id: Int64
    public let sortKey: SortKey
    public let code: String
    /// The code's own use counter.
    public let uses: Int64
    /// Orders (not cancelled) that carry the code.
    public let orders: Int64

    public init(id: Int64, sortKey: SortKey, code: String, uses: Int64, orders: Int64) {
        self.id = id
        self.sortKey = sortKey
        self.code = code
        self.uses = uses
        self.orders = orders
    }
}

/// What orders say about a promotion or one of its codes. Cancelled orders are not counted.
public struct PromotionUsageFigures: Hashable, Sendable {
    /// Orders with at least one line carrying the code.
    public let orders: Int64
    /// Units on the lines carrying the code.
    public let units: Int64
    /// What those orders brought in for goods: every line of them, after discounts, without shipping.
    public let revenue: Money
    /// The discount on the lines carrying the code.
    public let discount: Money

    public init(orders: Int64, units: Int64, revenue: Money, discount: Money) {
        self.orders = orders
        self.units = units
        self.revenue = revenue
        self.discount = discount
    }
}

public struct PromotionCodeUsage: Hashable, Sendable {
    public let code: String
    public let recordedUses: Int64
    public let figures: PromotionUsageFigures

    public init(code: String, recordedUses: Int64, figures: PromotionUsageFigures) {
        self.code = code
        self.recordedUses = recordedUses
        self.figures = figures
    }
}

/// A promotion's usage: its counter, the figures of the orders that used its codes, and the
/// codes that were used (most orders first). Orders record codes, not promotions, so an
/// automatic promotion shows its counter only.
public struct PromotionUsageReport: Hashable, Sendable {
    public let promotionID: Int64
    public let recordedUses: Int64
    public let totals: PromotionUsageFigures
    /// Codes with at least one order, most orders first, at most the number asked for.
    public let codes: [PromotionCodeUsage]
    /// How many codes have at least one order (may be more than `codes` holds).
    public let codesUsed: Int64

    public init(
        promotionID: Int64, recordedUses: Int64, totals: PromotionUsageFigures, codes: [PromotionCodeUsage], codesUsed: Int64
    ) {
        self.promotionID = promotionID
        self.recordedUses = recordedUses
        self.totals = totals
        self.codes = codes
        self.codesUsed = codesUsed
    }
}

/// The pricing pane's view of a variant now: its price under the automatic promotions, and every
/// promotion running on it (code promotions too, which need their code to count).
public struct VariantPromotionSummary: Hashable, Sendable {
    public let quote: VariantPriceQuote
    public let activePromotions: [Promotion]

    public init(quote: VariantPriceQuote, activePromotions: [Promotion]) {
        self.quote = quote
        self.activePromotions = activePromotions
    }
}
