/// The lowest margin the shop accepts on a price, in basis points of the price (2,500 = 25 %).
/// A floor of 0 means "never below cost".
///
/// The check is exact: a price passes when price × (10,000 − floor) ≥ cost × 10,000, i.e. when
/// price ≥ cost / (1 − floor), with no rounded percentage in between. A rounded margin such as
/// "25.0 %" can hide a price a fraction of a cent under the floor; this cannot.
public struct MarginFloor: Hashable, Sendable {
    public let basisPoints: Int64

    /// Never below cost.
    public static let atCost = MarginFloor(checked: 0)

    /// Refuses a negative floor (it would allow selling below cost, which is what the floor guards
    /// against) and a floor of 100 % or more (no price above a positive cost can reach it).
    public init(basisPoints: Int64) throws(ValidationError) {
        guard basisPoints >= 0, basisPoints < 10_000 else {
            throw ValidationError(
                field: "margin_floor", message: "a margin floor of \(percentText(basisPoints: basisPoints)) is not possible",
                hint: "use 0 (never below cost) up to less than 100%")
        }
        self.basisPoints = basisPoints
    }

    private init(checked basisPoints: Int64) { self.basisPoints = basisPoints }

    /// The lowest price this floor allows at `cost`: cost × 10,000 / (10,000 − floor), rounded up
    /// to the minor unit, because rounding down would give a price under the floor.
    public func lowestPrice(cost: Money) -> Money {
        let numerator = cost.minorUnits * 10_000
        let denominator = 10_000 - basisPoints
        var quotient = numerator / denominator
        if numerator % denominator > 0 { quotient += 1 }
        return Money(minorUnits: quotient, currency: cost.currency)
    }

    /// Why `price` is under the floor, or nil when it is not. Nil as well when there is no cost
    /// (the margin is unknown, so nothing can be said) or the cost is in another currency.
    public func check(price: Money, cost: Money?) -> MarginFloorViolation? {
        guard let cost, cost.currency == price.currency else { return nil }
        let lowest = lowestPrice(cost: cost)
        guard price < lowest else { return nil }
        return MarginFloorViolation(price: price, cost: cost, floorBasisPoints: basisPoints, lowestPrice: lowest)
    }
}

/// A price under the margin floor, with everything needed to explain it to the person who set it.
public struct MarginFloorViolation: Hashable, Sendable, CustomStringConvertible {
    public let price: Money
    public let cost: Money
    public let floorBasisPoints: Int64
    /// The lowest price the floor allows at this cost.
    public let lowestPrice: Money

    public init(price: Money, cost: Money, floorBasisPoints: Int64, lowestPrice: Money) {
        self.price = price
        self.cost = cost
        self.floorBasisPoints = floorBasisPoints
        self.lowestPrice = lowestPrice
    }

    /// How much the price would have to rise to meet the floor.
    public var shortfall: Money { lowestPrice - price }

    public var isBelowCost: Bool { price < cost }

    /// "€8.00 is below the margin floor of 25.0%: the lowest price at cost €7.00 is €9.34".
    public var message: String {
        if floorBasisPoints == 0 {
            return "\(price.formatted) is below the cost of \(cost.formatted): the lowest price is \(lowestPrice.formatted)"
        }
        return "\(price.formatted) is below the margin floor of \(percentText(basisPoints: floorBasisPoints)): "
            + "the lowest price at cost \(cost.formatted) is \(lowestPrice.formatted)"
    }

    public var description: String { message }
}
