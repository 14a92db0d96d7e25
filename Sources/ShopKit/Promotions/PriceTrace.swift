/// When, where and with which codes a price is asked for.
public struct PricingContext: Hashable, Sendable {
    public var at: Timestamp
    /// Codes as the customer typed them; a shared code matches its promotion's `code` in any case.
    public var codes: [String]
    /// Promotions whose code (a shared or a unique one) the store found among `codes`.
    public var unlockedPromotionIDs: Set<Int64>
    /// The sales channel of the order (code, e.g. `web`); nil when it does not matter.
    public var channel: String?
    /// How often this customer has used each promotion (promotion id → uses), for limits per customer.
    public var customerUses: [Int64: Int64]

    public init(
        at: Timestamp, codes: [String] = [], unlockedPromotionIDs: Set<Int64> = [], channel: String? = nil,
        customerUses: [Int64: Int64] = [:]
    ) {
        self.at = at
        self.codes = codes
        self.unlockedPromotionIDs = unlockedPromotionIDs
        self.channel = channel
        self.customerUses = customerUses
    }
}

/// Why a promotion did not change a price. Each reads as a sentence for the explanation.
public enum PromotionSkipReason: Hashable, Sendable, CustomStringConvertible {
    case notStarted(Timestamp)
    case ended(Timestamp)
    case paused
    case usedUp(limit: Int64)
    case needsCode
    case otherChannel(String)
    case perCustomerLimitReached(Int64)
    case notInScope
    case excluded(String)
    case belowMinimumOrder(minimum: Money, total: Money)
    case belowMinimumQuantity(minimum: Int64, quantity: Int64)
    case incompleteBundle(BuyXGetY, units: Int64)
    case doesNotCombine(with: String)
    case notInBestCombination
    case tooManyPromotions(limit: Int)
    case shippingOnly

    public var description: String {
        switch self {
        case .notStarted(let at): "not started (starts \(at.minuteText) UTC)"
        case .ended(let at): "ended \(at.minuteText) UTC"
        case .paused: "paused"
        case .usedUp(let limit): "used up (all \(limit) uses taken)"
        case .needsCode: "needs its code"
        case .otherChannel(let channel): "only on channel \(channel)"
        case .perCustomerLimitReached(let limit): "this customer has used it \(limit) time\(limit == 1 ? "" : "s") already"
        case .notInScope: "not in scope"
        case .excluded(let why): why
        case .belowMinimumOrder(let minimum, let total): "below the minimum order of \(minimum.formatted) (\(total.formatted))"
        case .belowMinimumQuantity(let minimum, let quantity): "below the minimum of \(minimum) units (\(quantity))"
        case .incompleteBundle(let rule, let units): "needs \(rule.bundleSize) units in scope for \(rule.label) (\(units))"
        case .doesNotCombine(let name): "does not combine with \(name)"
        case .notInBestCombination: "another combination gives the lower price"
        case .tooManyPromotions(let limit): "more than \(limit) promotions at once: only the first \(limit) are weighed"
        case .shippingOnly: "acts on shipping only"
        }
    }
}

/// One step of a price explanation, in the order the engine took it.
public enum PriceTraceStep: Hashable, Sendable, CustomStringConvertible {
    /// A line at its regular price: "2 × TEA-01 at €8.90 = €17.80".
    case regularPrice(variantID: Int64, label: String, quantity: Int64, unitPrice: Money, total: Money)
    /// A promotion changed the goods (or shipping): what it did, how much it took off, the goods
    /// total (or the shipping) after it.
    case applied(promotionID: Int64, name: String, effect: String, discount: Money, runningTotal: Money)
    /// A result was rounded to the currency's minor unit (half up): the exact value and the kept one.
    case rounded(exact: String, to: Money)
    case skipped(promotionID: Int64, name: String, reason: PromotionSkipReason)
    case shipping(Money)
    case result(Money)

    public var description: String {
        switch self {
        case .regularPrice(_, let label, let quantity, let unit, let total):
            quantity == 1 ? "\(label) at \(unit.formatted)" : "\(quantity) × \(label) at \(unit.formatted) = \(total.formatted)"
        case .applied(_, let name, let effect, let discount, let running):
            "\(name): \(effect), −\(discount.formatted) → \(running.formatted)"
        case .rounded(let exact, let kept): "  rounded \(exact) to \(kept.formatted) (half up)"
        case .skipped(_, let name, let reason): "\(name): skipped, \(reason)"
        case .shipping(let amount): "shipping \(amount.formatted)"
        case .result(let total): "= \(total.formatted)"
        }
    }
}

/// A promotion that took part in a price, and how much it took off in all.
public struct AppliedPromotion: Hashable, Sendable {
    public let id: Int64
    public let name: String
    public let kind: PromotionKind
    public let discount: Money

    public init(id: Int64, name: String, kind: PromotionKind, discount: Money) {
        self.id = id
        self.name = name
        self.kind = kind
        self.discount = discount
    }
}

/// One line of a cart.
public struct CartLine: Hashable, Sendable {
    public let variant: PricedVariant
    public let quantity: Int64

    public init(variant: PricedVariant, quantity: Int64) {
        self.variant = variant
        self.quantity = max(1, quantity)
    }
}

public struct Cart: Hashable, Sendable {
    public let lines: [CartLine]
    /// The shipping charge before promotions (zero when it does not matter).
    public let shipping: Money

    public init(lines: [CartLine], shipping: Money) {
        self.lines = lines
        self.shipping = shipping
    }
}

public struct LineQuote: Hashable, Sendable {
    public let variantID: Int64
    public let quantity: Int64
    public let regularTotal: Money
    public let discount: Money
    public let total: Money
    /// The promotions that took something off this line, in the order they acted.
    public let promotionIDs: [Int64]
}

/// The price of a cart with its explanation.
public struct CartQuote: Hashable, Sendable {
    public let lines: [LineQuote]
    public let regularGoods: Money
    public let goods: Money
    public let regularShipping: Money
    public let shipping: Money
    public let applied: [AppliedPromotion]
    public let trace: [PriceTraceStep]

    public var goodsDiscount: Money { regularGoods - goods }
    public var total: Money { goods + shipping }

    /// The explanation as lines of text, one step each.
    public var explanation: [String] { trace.map(\.description) }
}

/// The price of one variant, as a cart holding only that variant would pay it.
public struct VariantPriceQuote: Hashable, Sendable {
    public let variant: PricedVariant
    public let quantity: Int64
    public let regularUnitPrice: Money
    /// What the `quantity` units cost together after promotions.
    public let total: Money
    public let applied: [AppliedPromotion]
    public let trace: [PriceTraceStep]

    /// The price of one unit after promotions (the total over the quantity, rounded half up).
    public var effectiveUnitPrice: Money {
        Money(minorUnits: Money.divideRounded(total.minorUnits, by: quantity), currency: total.currency)
    }

    public var explanation: [String] { trace.map(\.description) }
}
