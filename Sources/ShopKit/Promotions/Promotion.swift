public enum PromotionKind: String, CaseIterable, Sendable, Codable {
    case percentage
    case fixedAmount = "fixed_amount"
    case buyXGetY = "buy_x_get_y"
    case freeShipping = "free_shipping"

    public var label: String {
        switch self {
        case .percentage: "% off"
        case .fixedAmount: "amt off"
        case .buyXGetY: "bundle"
        case .freeShipping: "shipping"
        }
    }
}

public enum PromotionTrigger: String, CaseIterable, Sendable, Codable {
    case automatic, code
}

/// What a promotion covers. `scopeValue` holds the chosen values, separated by `|`:
/// categories (a product type or a full category name), vendors, tags, collections (handle or
/// title), products (handles) or variants (SKUs). Values match without regard to ASCII case.
public enum PromotionScope: String, CaseIterable, Sendable, Codable {
    case shop, category, vendor, tag, products
    case collection, variants
}

/// Where a promotion stands, derived from its schedule, pause flag and counters — never stored.
public enum PromotionState: String, CaseIterable, Sendable {
    case scheduled, active, paused, expired, exhausted

    public static func derive(
        now: Timestamp, startsAt: Timestamp, endsAt: Timestamp?, paused: Bool, uses: Int64, usageLimit: Int64?
    ) -> PromotionState {
        if let endsAt, now >= endsAt { return .expired }
        if let usageLimit, uses >= usageLimit { return .exhausted }
        if paused { return .paused }
        if now < startsAt { return .scheduled }
        return .active
    }
}

public struct Promotion: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var kind: PromotionKind
    /// Percentage promotions: basis points off (1,500 = 15 %).
    public var percentBasisPoints: Int64?
    /// Fixed-amount promotions: the amount off.
    public var amount: Money?
    /// Buy-X-get-Y: e.g. "buy2get1".
    public var bundleRule: String?
    public var trigger: PromotionTrigger
    public var code: String?
    public var scope: PromotionScope
    public var scopeValue: String {
        didSet { foldedScopeValues = PromotionText.list(scopeValue).map(PromotionText.fold) }
    }
    /// The scope's values as scope matching compares them, kept with `scopeValue`: a window of
    /// prices matches every running promotion against every variant on screen.
    public private(set) var foldedScopeValues: [String] = []
    public var minimumOrder: Money?
    public var startsAt: Timestamp
    public var endsAt: Timestamp?
    public var paused: Bool
    public var usageLimit: Int64?
    public var perCustomerLimit: Int64?
    public var combines: Bool
    public var uses: Int64
    public var version: Int64

    // The rules below came with the price engine; each has a default that keeps a promotion
    // made without them meaning what it meant before.

    /// Fixed-amount promotions: off each unit in scope, or once off the order's goods in scope.
    public var amountApplication: AmountApplication
    /// Buy-X-get-Y as numbers; nil reads `bundleRule` (`buy2get1`, `3for2`, `buy2get1at50`).
    public var buyXGetY: BuyXGetY?
    /// Product handles, variant SKUs and tags the promotion never applies to, whatever its scope.
    public var excludedProducts: [String]
    public var excludedVariants: [String]
    public var excludedTags: [String]
    /// The only sales channel (code, e.g. `web`) it applies on; nil for every channel.
    public var channel: String?
    /// The fewest units in scope a cart must hold.
    public var minimumQuantity: Int64?
    /// With `combines`, the kinds of promotion it may stack with; nil means every kind.
    /// Without `combines` the promotion is exclusive and this is ignored.
    public var combinesWithKinds: Set<PromotionKind>?
    /// Code promotions: one code shared by everyone, or many single codes (generated).
    public var codeMode: PromotionCodeMode
    /// Saved although the margin guard found prices under the floor (and audited as such).
    public var marginOverride: Bool

    public init(
        id: Int64 = 0, name: String, kind: PromotionKind, percentBasisPoints: Int64? = nil, amount: Money? = nil,
        bundleRule: String? = nil, trigger: PromotionTrigger = .automatic, code: String? = nil,
        scope: PromotionScope = .shop, scopeValue: String = "", minimumOrder: Money? = nil,
        startsAt: Timestamp, endsAt: Timestamp? = nil, paused: Bool = false, usageLimit: Int64? = nil,
        perCustomerLimit: Int64? = nil, combines: Bool = false, uses: Int64 = 0, version: Int64 = 1,
        amountApplication: AmountApplication = .perOrder, buyXGetY: BuyXGetY? = nil, excludedProducts: [String] = [],
        excludedVariants: [String] = [], excludedTags: [String] = [], channel: String? = nil, minimumQuantity: Int64? = nil,
        combinesWithKinds: Set<PromotionKind>? = nil, codeMode: PromotionCodeMode = .shared, marginOverride: Bool = false
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.percentBasisPoints = percentBasisPoints
        self.amount = amount
        self.bundleRule = bundleRule
        self.trigger = trigger
        self.code = code
        self.scope = scope
        self.scopeValue = scopeValue
        self.foldedScopeValues = PromotionText.list(scopeValue).map(PromotionText.fold)
        self.minimumOrder = minimumOrder
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.paused = paused
        self.usageLimit = usageLimit
        self.perCustomerLimit = perCustomerLimit
        self.combines = combines
        self.uses = uses
        self.version = version
        self.amountApplication = amountApplication
        self.buyXGetY = buyXGetY
        self.excludedProducts = excludedProducts
        self.excludedVariants = excludedVariants
        self.excludedTags = excludedTags
        self.channel = channel
        self.minimumQuantity = minimumQuantity
        self.combinesWithKinds = combinesWithKinds
        self.codeMode = codeMode
        self.marginOverride = marginOverride
    }

    public func state(at now: Timestamp) -> PromotionState {
        PromotionState.derive(now: now, startsAt: startsAt, endsAt: endsAt, paused: paused, uses: uses, usageLimit: usageLimit)
    }

    /// "15%", "€10.00", "buy2get1", "free shipping".
    public var valueText: String {
        switch kind {
        case .percentage: percentBasisPoints.map { percentText(basisPoints: $0) } ?? "?"
        case .fixedAmount: amount?.formatted ?? "?"
        case .buyXGetY: bundleRule ?? buyXGetY?.ruleText ?? "?"
        case .freeShipping: "free"
        }
    }

    public var scopeText: String {
        switch scope {
        case .shop: "whole shop"
        case .products: "products: " + scopeValue.split(separator: "|").joined(separator: ", ")
        default: "\(scope.rawValue): " + scopeValue.split(separator: "|").joined(separator: ", ")
        }
    }

    /// The checks every promotion passes before it is written.
    public static func validate(
        name: String, kind: PromotionKind, percentBasisPoints: Int64?, amount: Money?, startsAt: Timestamp, endsAt: Timestamp?
    ) throws(ValidationError) {
        if name.trimmingWhitespace().isEmpty {
            throw ValidationError(field: "name", message: "name is empty", hint: "give the promotion a name staff will recognise")
        }
        if kind == .percentage {
            guard let basisPoints = percentBasisPoints, basisPoints > 0, basisPoints <= 10_000 else {
                throw ValidationError(field: "value", message: "a percentage must be above 0 and at most 100", hint: "e.g. 15")
            }
        }
        if kind == .fixedAmount {
            guard let amount, amount.minorUnits > 0 else {
                throw ValidationError(field: "value", message: "the amount off must be above zero", hint: "e.g. 10.00")
            }
        }
        if let endsAt, endsAt <= startsAt {
            throw ValidationError(field: "ends_at", message: "the promotion ends before it starts", hint: "move the end after the start")
        }
    }
}
