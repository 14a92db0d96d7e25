/// A variant a promotion (with the others it may stack with) would sell under the margin floor.
public struct MarginGuardViolation: Hashable, Sendable, CustomStringConvertible {
    public let variantID: Int64
    public let sku: String
    public let productTitle: String
    public let regularPrice: Money
    public let cost: Money
    /// The lowest price per unit the promotions reach (the cart total over its units, rounded down).
    public let worstUnitPrice: Money
    /// Units of the cart that reaches it: bundles and minimums can need more than one.
    public let quantity: Int64
    /// The lowest price per unit the floor accepts at this cost.
    public let lowestAllowed: Money
    public let isBelowCost: Bool
    /// The combination responsible, in application order (the promotion being saved among them).
    public let promotionIDs: [Int64]
    public let promotionNames: [String]

    public init(
        variantID: Int64, sku: String, productTitle: String, regularPrice: Money, cost: Money, worstUnitPrice: Money,
        quantity: Int64, lowestAllowed: Money, isBelowCost: Bool, promotionIDs: [Int64], promotionNames: [String]
    ) {
        self.variantID = variantID
        self.sku = sku
        self.productTitle = productTitle
        self.regularPrice = regularPrice
        self.cost = cost
        self.worstUnitPrice = worstUnitPrice
        self.quantity = quantity
        self.lowestAllowed = lowestAllowed
        self.isBelowCost = isBelowCost
        self.promotionIDs = promotionIDs
        self.promotionNames = promotionNames
    }

    public var description: String {
        let label = sku.isEmpty ? "variant \(variantID)" : sku
        let units = quantity == 1 ? "" : " (buying \(quantity))"
        let why = isBelowCost
            ? "below the cost of \(cost.formatted)"
            : "below the margin floor (lowest \(lowestAllowed.formatted))"
        return "\(label): \(worstUnitPrice.formatted) a unit\(units) with \(promotionNames.joined(separator: " + ")), \(why)"
    }
}

/// What the margin guard found for one promotion.
public struct MarginGuardReport: Hashable, Sendable {
    /// One per variant under the floor (its worst case), lowest margin first.
    public let violations: [MarginGuardViolation]
    /// Variants in the promotion's scope that were checked.
    public let checkedVariants: Int
    /// Variants in scope without a cost: nothing can be said about their margin.
    public let variantsWithoutCost: Int
    /// Variants where more promotions overlapped than the search weighs (`MarginGuard.maximumOverlapping`):
    /// their true worst case may be lower than reported.
    public let cappedVariantIDs: [Int64]

    public var isClean: Bool { violations.isEmpty }
}

/// The worst price a new or edited promotion can cause, before it is saved.
///
/// For every variant in the promotion's scope, the search takes the other promotions that cover
/// the variant, can still apply (not used up), overlap the promotion's schedule and combine with
/// it — paused ones included, since they may be resumed. It prices every combination the stacking
/// rules allow whose schedules share a moment, each in the smallest carts of that variant alone
/// that meet the minimums and complete the bundles, and keeps the lowest price per unit. Codes
/// are assumed to be typed. Shipping promotions never lower a variant's price and are left out.
///
/// Cost: at most 2^`maximumOverlapping` combinations per variant, usually a handful; variants with
/// the same price, cost and overlapping promotions are priced once.
public enum MarginGuard {
    public static let maximumOverlapping = 8

    public static func check(
        _ promotion: Promotion, others: [Promotion], variants: [PricedVariant], floor: MarginFloor
    ) -> MarginGuardReport {
        var search = Search(promotion, others: others, floor: floor)
        search.add(variants)
        return search.report
    }

    /// `check`, a batch of variants at a time, so that a promotion over a whole large shop is
    /// weighed without holding its variants in memory at once. Each variant is judged alone.
    public struct Search {
        private let promotion: Promotion
        private let rivals: [Promotion]
        private let floor: MarginFloor
        private var violations: [MarginGuardViolation] = []
        private var checked = 0
        private var withoutCost = 0
        private var capped: [Int64] = []
        private var cache: [CacheKey: Worst?] = [:]

        public init(_ promotion: Promotion, others: [Promotion], floor: MarginFloor) {
            self.promotion = promotion
            self.floor = floor
            rivals = others.filter {
                $0.id != promotion.id && $0.level != .shipping && $0.canApply(after: promotion.startsAt)
                    && $0.overlapsInTime(with: promotion) && $0.combines(with: promotion)
            }
        }

        public mutating func add(_ variants: [PricedVariant]) {
            // Shipping promotions never lower a variant's price.
            guard promotion.level != .shipping else { return }
            for variant in variants where promotion.covers(variant) {
                checked += 1
                guard let cost = variant.cost else {
                    withoutCost += 1
                    continue
                }
                var overlapping = rivals.filter { $0.covers(variant) }
                if overlapping.count > maximumOverlapping {
                    capped.append(variant.id)
                    overlapping = Array(deepestFirst(overlapping, variant: variant).prefix(maximumOverlapping))
                }
                let key = CacheKey(price: variant.price.minorUnits, cost: cost.minorUnits, ids: overlapping.map(\.id).sorted())
                let worst: Worst?
                if let known = cache[key] {
                    worst = known
                } else {
                    worst = worstCase(promotion, overlapping: overlapping, variant: variant, cost: cost, floor: floor)
                    cache[key] = worst
                }
                guard let worst else { continue }
                let unit = Money(minorUnits: worst.total / worst.quantity, currency: cost.currency)
                violations.append(MarginGuardViolation(
                    variantID: variant.id, sku: variant.sku, productTitle: variant.productTitle, regularPrice: variant.price,
                    cost: cost, worstUnitPrice: unit, quantity: worst.quantity, lowestAllowed: floor.lowestPrice(cost: cost),
                    isBelowCost: worst.total < cost.minorUnits * worst.quantity, promotionIDs: worst.promotions.map(\.id),
                    promotionNames: worst.promotions.map(\.name)))
            }
        }

        public var report: MarginGuardReport {
            let sorted = violations.sorted { a, b in
                let left = Margin(price: a.worstUnitPrice, cost: a.cost).marginBasisPoints ?? Int64.min
                let right = Margin(price: b.worstUnitPrice, cost: b.cost).marginBasisPoints ?? Int64.min
                return (left, a.variantID) < (right, b.variantID)
            }
            return MarginGuardReport(
                violations: sorted, checkedVariants: checked, variantsWithoutCost: withoutCost, cappedVariantIDs: capped)
        }
    }

    private struct CacheKey: Hashable {
        let price: Int64
        let cost: Int64
        let ids: [Int64]
    }

    struct Worst {
        let total: Int64
        let quantity: Int64
        let promotions: [Promotion]
    }

    /// The lowest total per unit under the floor over every allowed combination, or nil when
    /// every combination stays at or above it.
    static func worstCase(
        _ promotion: Promotion, overlapping: [Promotion], variant: PricedVariant, cost: Money, floor: MarginFloor
    ) -> Worst? {
        var worst: Worst?
        for subset in PriceEngine.compatibleSubsets(overlapping) {
            let chosen = PriceEngine.ordered(subset + [promotion])
            guard shareAMoment(chosen) else { continue }
            for quantity in quantities(for: chosen, variant: variant) {
                let cart = Cart(lines: [CartLine(variant: variant, quantity: quantity)], shipping: .zero(variant.price.currency))
                let evaluation = PriceEngine.evaluate(cart, chosen: chosen)
                guard evaluation.didApply(promotion.id) else { continue }
                let total = evaluation.goods
                let lowest = floor.lowestPrice(cost: cost * quantity)
                guard total < lowest.minorUnits else { continue }
                // Lower per unit: total / quantity < worst.total / worst.quantity, without division.
                if let current = worst, total * current.quantity >= current.total * quantity { continue }
                worst = Worst(
                    total: total, quantity: quantity,
                    promotions: chosen.filter { evaluation.didApply($0.id) })
            }
        }
        return worst
    }

    /// Whether all schedules have a moment in common.
    static func shareAMoment(_ promotions: [Promotion]) -> Bool {
        guard let start = promotions.map(\.startsAt).max() else { return true }
        guard let end = promotions.compactMap(\.endsAt).min() else { return true }
        return start < end
    }

    /// The cart sizes worth pricing: one unit, complete bundles, and the smallest carts that meet
    /// each minimum quantity and order value (the latter at the regular and at the discounted price).
    static func quantities(for promotions: [Promotion], variant: PricedVariant) -> [Int64] {
        var result: Set<Int64> = [1]
        let single = Cart(lines: [CartLine(variant: variant, quantity: 1)], shipping: .zero(variant.price.currency))
        let itemLevel = promotions.filter { $0.level == .item && $0.kind != .buyXGetY }
        let discountedUnit = max(1, PriceEngine.evaluate(single, chosen: itemLevel).goods)
        let bundles = promotions.compactMap(\.bundle).map(\.bundleSize)
        var minimums: [Int64] = promotions.compactMap(\.minimumQuantity)
        for promotion in promotions {
            guard let minimum = promotion.minimumOrder?.minorUnits else { continue }
            let regular = max(1, variant.price.minorUnits)
            minimums.append((minimum + regular - 1) / regular)
            minimums.append((minimum + discountedUnit - 1) / discountedUnit)
        }
        for minimum in minimums { result.insert(minimum) }
        for size in bundles {
            result.insert(size)
            for minimum in minimums { result.insert((minimum + size - 1) / size * size) }
        }
        return result.map { min($0, 10_000) }.sorted()
    }

    /// Overlapping promotions ordered by what each alone takes off one unit, deepest first.
    private static func deepestFirst(_ promotions: [Promotion], variant: PricedVariant) -> [Promotion] {
        let single = Cart(lines: [CartLine(variant: variant, quantity: 1)], shipping: .zero(variant.price.currency))
        let depth = Dictionary(promotions.map { promotion in
            let size = promotion.bundle?.bundleSize ?? 1
            let cart = Cart(lines: [CartLine(variant: variant, quantity: size)], shipping: single.shipping)
            return (promotion.id, PriceEngine.evaluate(cart, chosen: [promotion]).goods * 10_000 / size)
        }, uniquingKeysWith: { first, _ in first })
        return promotions.sorted { (depth[$0.id] ?? 0, $0.id) < (depth[$1.id] ?? 0, $1.id) }
    }
}
