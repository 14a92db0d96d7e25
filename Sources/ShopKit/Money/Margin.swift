/// Margin and markup of a price over its cost, in basis points (1 % = 100), exact integers.
public struct Margin: Hashable, Sendable {
    public let price: Money
    public let cost: Money

    public init(price: Money, cost: Money) {
        self.price = price
        self.cost = cost
    }

    /// (price − cost) / price; nil when the price is zero.
    public var marginBasisPoints: Int64? {
        guard price.minorUnits != 0 else { return nil }
        return Money.divideRounded((price.minorUnits - cost.minorUnits) * 10_000, by: price.minorUnits)
    }

    /// (price − cost) / cost; nil when the cost is zero.
    public var markupBasisPoints: Int64? {
        guard cost.minorUnits != 0 else { return nil }
        return Money.divideRounded((price.minorUnits - cost.minorUnits) * 10_000, by: cost.minorUnits)
    }

    public var isBelowCost: Bool { price.minorUnits < cost.minorUnits }

    /// True when the margin is under `floorBasisPoints` (a price of zero is always below).
    public func isBelow(floorBasisPoints: Int64) -> Bool {
        guard let margin = marginBasisPoints else { return true }
        return margin < floorBasisPoints
    }
}

/// Formats basis points as a percentage with one decimal: 4250 → "42.5%".
public func percentText(basisPoints: Int64) -> String {
    let tenths = Money.divideRounded(basisPoints, by: 10)
    let sign = tenths < 0 ? "-" : ""
    let magnitude = tenths.magnitude
    return "\(sign)\(magnitude / 10).\(magnitude % 10)%"
}
