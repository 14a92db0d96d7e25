/// Demand over a trailing window, kept as whole units over whole days so that cover and
/// reorder quantities are exact integer arithmetic (rounded where the comment says), never floats.
public struct SalesVelocity: Hashable, Sendable {
    /// Units sold (not cancelled) in the window.
    public let unitsSold: Int64
    /// The window's length in days, at least 1.
    public let days: Int64

    /// The window the stock pane measures velocity over.
    public static let windowDays: Int64 = 30

    public init(unitsSold: Int64, days: Int64 = SalesVelocity.windowDays) {
        self.unitsSold = max(0, unitsSold)
        self.days = max(1, days)
    }

    public var isSelling: Bool { unitsSold > 0 }

    /// Units per day with one decimal, rounded half up: "1.3", "0.0"; "<0.1" for a slow seller,
    /// so selling a little never reads as not selling.
    public var perDayText: String {
        let tenths = (unitsSold * 10 * 2 + days) / (2 * days)
        if tenths == 0 && unitsSold > 0 { return "<0.1" }
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Units per day with two decimals, rounded half up, for files: "0.03", "1.50".
    public var perDayDecimal: String {
        let hundredths = (unitsSold * 100 * 2 + days) / (2 * days)
        let cents = hundredths % 100
        return "\(hundredths / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    /// How many whole days `available` lasts at this pace (rounded down); nil when nothing
    /// sells (it lasts indefinitely), 0 when nothing is available.
    public func daysOfCover(available: Int64) -> Int64? {
        if available <= 0 { return 0 }
        guard isSelling else { return nil }
        return available * days / unitsSold
    }

    /// Units expected to sell in `period` days, rounded up: planning errs on the side of stock.
    public func demand(overDays period: Int64) -> Int64 {
        guard period > 0, isSelling else { return 0 }
        return (unitsSold * period + days - 1) / days
    }
}

/// When and how much to reorder a variant: the reorder point, the usual order quantity and
/// the supplier's lead time.
public struct ReorderSettings: Hashable, Sendable {
    public var reorderPoint: Int64
    public var reorderQuantity: Int64
    public var leadTimeDays: Int64
    /// The version of the stored settings a change is made against; nil when none are stored yet.
    public var version: Int64?

    public init(reorderPoint: Int64, reorderQuantity: Int64, leadTimeDays: Int64, version: Int64? = nil) {
        self.reorderPoint = reorderPoint
        self.reorderQuantity = reorderQuantity
        self.leadTimeDays = leadTimeDays
        self.version = version
    }

    /// Settings as typed in the form: whole numbers, none negative, a lead time of at most a year.
    public static func parse(
        reorderPoint: String, reorderQuantity: String, leadTimeDays: String, version: Int64?
    ) throws(ValidationError) -> ReorderSettings {
        func number(_ text: String, field: String, label: String, maximum: Int64) throws(ValidationError) -> Int64 {
            let trimmed = text.trimmingWhitespace()
            guard let value = Int64(trimmed) else {
                throw ValidationError(field: field, message: "\(label) \"\(trimmed.prefix(12))\" is not a whole number",
                                      hint: "type a number of units such as 10")
            }
            guard value >= 0 else {
                throw ValidationError(field: field, message: "\(label) cannot be negative", hint: "0 or more")
            }
            guard value <= maximum else {
                throw ValidationError(field: field, message: "\(label) \(value) is implausibly large",
                                      hint: "at most \(maximum)")
            }
            return value
        }
        return ReorderSettings(
            reorderPoint: try number(reorderPoint, field: "reorder_point", label: "the reorder point", maximum: 1_000_000),
            reorderQuantity: try number(reorderQuantity, field: "reorder_quantity", label: "the reorder quantity",
                                        maximum: 1_000_000),
            leadTimeDays: try number(leadTimeDays, field: "lead_time_days", label: "the lead time", maximum: 365),
            version: version)
    }
}

/// The reorder rule, written down so a manager can predict it:
///
/// - demand over the lead time = units per day × lead time, rounded up;
/// - the trigger is the larger of the reorder point and that lead-time demand, so a variant
///   that sells faster than its reorder point assumed is still reordered in time;
/// - reorder when available stock is at or below the trigger;
/// - order enough that the goods arriving after the lead time lift stock back over the
///   trigger — (trigger + lead-time demand − available) — but never less than the usual
///   reorder quantity.
///
/// Without stored settings, the shop's default lead time applies with a reorder point of 0
/// and no usual quantity: only selling variants are suggested.
public enum ReorderAdvice {
    public static func suggestedQuantity(
        available: Int64, velocity: SalesVelocity, settings: ReorderSettings?, defaultLeadTimeDays: Int64 = 14
    ) -> Int64 {
        let leadTime = settings?.leadTimeDays ?? defaultLeadTimeDays
        let leadDemand = velocity.demand(overDays: leadTime)
        if settings == nil && !velocity.isSelling { return 0 }
        let trigger = max(settings?.reorderPoint ?? 0, leadDemand)
        guard available <= trigger else { return 0 }
        let needed = trigger + leadDemand - available
        return max(settings?.reorderQuantity ?? 0, needed)
    }
}

/// The stock pane's views: each a filter the store applies over the whole list.
public enum StockView: String, CaseIterable, Sendable {
    case all
    /// Nothing available to sell.
    case out
    /// Available at or below the reorder point.
    case low
    /// More days of cover than the shop's overstock threshold, or stock that has not sold at all.
    case over
    /// Available below zero while the product is listed on a sales channel.
    case oversold

    public var label: String {
        switch self {
        case .all: "all"
        case .out: "out of stock"
        case .low: "below reorder point"
        case .over: "overstock"
        case .oversold: "oversold"
        }
    }

    /// The filter term that selects this view (`stock:low`); none for all.
    public var filterTerm: String? { self == .all ? nil : "stock:" + rawValue }

    /// The next view after this one, wrapping round.
    public var next: StockView {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The days of cover above which stock counts as overstock.
    public static let overstockDays: Int64 = 120
}

/// One line of the reorder list: what to order of a variant, from which vendor, and what it costs.
public struct ReorderLine: Hashable, Sendable {
    public let vendor: String
    public let item: StockListItem

    public init(vendor: String, item: StockListItem) {
        self.vendor = vendor
        self.item = item
    }

    public var quantity: Int64 { item.suggestedReorder }
    public var lineCost: Money? { item.unitCost.map { $0 * quantity } }
}
