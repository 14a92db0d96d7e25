/// What a bulk price rule would do to a set of variants, computed before anything is written, so
/// a manager sees every new price, every refusal and every margin problem first.
///
/// Rows under the margin floor or below cost are flagged, not refused: whether to go ahead (and
/// override the floor) is the manager's decision. Rows the rule cannot price are refused with a
/// message and left out of the totals' price difference.
public struct PriceChangePreview: Hashable, Sendable {
    /// One variant as the preview reads it.
    public typealias Row = (variantID: Int64, sku: String, title: String, price: Money, cost: Money?)

    public let rule: BulkPriceRule
    public let marginFloor: MarginFloor
    public let currency: Currency
    public let lines: [PriceChangeLine]
    public let totals: PriceChangeTotals

    /// `currency` is the shop's currency: the totals are in it, and a row priced or costed in
    /// another currency is refused rather than compared across currencies.
    public init(rows: [Row], rule: BulkPriceRule, marginFloor: MarginFloor, currency: Currency) {
        self.rule = rule
        self.marginFloor = marginFloor
        self.currency = currency
        let lines = rows.map { PriceChangeLine(row: $0, rule: rule, floor: marginFloor, currency: currency) }
        self.lines = lines
        self.totals = PriceChangeTotals(lines: lines, currency: currency)
    }
}

/// One variant in a preview: its old and new price and what the new price means.
public struct PriceChangeLine: Hashable, Sendable, Identifiable {
    public let variantID: Int64
    public let sku: String
    public let title: String
    public let oldPrice: Money
    public let cost: Money?
    /// Nil when the row is refused.
    public let newPrice: Money?
    /// Margin of the new price over cost; nil without a cost, for a new price of zero, or when refused.
    public let newMarginBasisPoints: Int64?
    public let belowCost: Bool
    public let belowFloor: Bool
    /// The rule leaves this price as it was.
    public let unchanged: Bool
    /// Why the floor is not met, when `belowFloor`.
    public let floorViolation: MarginFloorViolation?
    /// Why this row cannot be priced by the rule; nil when it can.
    public let refusal: ValidationError?

    public var id: Int64 { variantID }

    public var isRefused: Bool { refusal != nil }

    /// The refusal in words, for the row's message column.
    public var errorMessage: String? { refusal?.description }

    /// new − old; nil when refused.
    public var difference: Money? { newPrice.map { $0 - oldPrice } }

    init(row: PriceChangePreview.Row, rule: BulkPriceRule, floor: MarginFloor, currency: Currency) {
        variantID = row.variantID
        sku = row.sku
        title = row.title
        oldPrice = row.price
        cost = row.cost
        var newPrice: Money?
        var refusal: ValidationError?
        if row.price.currency != currency {
            refusal = ValidationError(
                field: "price", message: "the price is in \(row.price.currency.code), the shop uses \(currency.code)",
                hint: "correct this variant's price first")
        } else if let cost = row.cost, cost.currency != currency {
            refusal = ValidationError(
                field: "cost", message: "the cost is in \(cost.currency.code), the shop uses \(currency.code)",
                hint: "correct this variant's cost first")
        } else {
            do throws(ValidationError) {
                newPrice = try rule.apply(price: row.price, cost: row.cost)
            } catch {
                refusal = error
            }
        }
        self.newPrice = newPrice
        self.refusal = refusal
        if let newPrice {
            newMarginBasisPoints = row.cost.flatMap { Margin(price: newPrice, cost: $0).marginBasisPoints }
            belowCost = row.cost.map { newPrice < $0 } ?? false
            floorViolation = floor.check(price: newPrice, cost: row.cost)
            unchanged = newPrice == row.price
        } else {
            newMarginBasisPoints = nil
            belowCost = false
            floorViolation = nil
            unchanged = false
        }
        belowFloor = floorViolation != nil
    }
}

/// The summary line of a preview.
public struct PriceChangeTotals: Hashable, Sendable {
    /// Rows whose price the rule changes.
    public let changed: Int
    /// Rows the rule leaves as they are.
    public let unchanged: Int
    /// Rows the rule cannot price.
    public let refused: Int
    /// Changed or unchanged rows whose new price is under the margin floor.
    public let belowFloor: Int
    /// Rows whose new price is under cost.
    public let belowCost: Int
    /// Sum of new − old over the rows that are not refused: what one of each would now cost more (or less).
    public let priceDifference: Money

    init(lines: [PriceChangeLine], currency: Currency) {
        var changed = 0, unchanged = 0, refused = 0, belowFloor = 0, belowCost = 0
        var difference = Money.zero(currency)
        for line in lines {
            guard let lineDifference = line.difference else {
                refused += 1
                continue
            }
            if line.unchanged { unchanged += 1 } else { changed += 1 }
            if line.belowFloor { belowFloor += 1 }
            if line.belowCost { belowCost += 1 }
            difference = difference + lineDifference
        }
        self.changed = changed
        self.unchanged = unchanged
        self.refused = refused
        self.belowFloor = belowFloor
        self.belowCost = belowCost
        self.priceDifference = difference
    }
}
