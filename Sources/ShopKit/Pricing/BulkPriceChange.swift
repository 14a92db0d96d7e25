/// What a bulk price edit does to each selected variant's price, before any price ending is applied.
///
/// Percentages are basis points (1 % = 100), so "+12.5 %" is exact and no floating point is involved.
/// The cases carry magnitudes only: a decrease is its own case, so a negative number inside a case
/// is a mistake and `BulkPriceRule.apply` refuses it rather than guessing the intended direction.
public enum BulkPriceChange: Hashable, Sendable, CustomStringConvertible {
    /// Raise the price by a percentage of itself.
    case increasePercent(basisPoints: Int64)
    /// Lower the price by a percentage of itself.
    case decreasePercent(basisPoints: Int64)
    /// Add a fixed amount to the price.
    case increaseAmount(Money)
    /// Take a fixed amount off the price.
    case decreaseAmount(Money)
    /// Replace the price, whatever it was.
    case setTo(Money)
    /// Price the variant from its cost: price = cost × (1 + markup).
    case markupOnCost(basisPoints: Int64)

    /// The change as a manager would type it (`+10%`, `-2.50`, `=19.99`, `cost+40%`), so the text
    /// shown in a preview can be typed back into the same field and means the same thing.
    public var description: String {
        switch self {
        case .increasePercent(let basisPoints): "+" + Self.percentDigits(basisPoints) + "%"
        case .decreasePercent(let basisPoints): "-" + Self.percentDigits(basisPoints) + "%"
        case .increaseAmount(let amount): "+" + amount.decimalText
        case .decreaseAmount(let amount): "-" + amount.decimalText
        case .setTo(let amount): "=" + amount.decimalText
        case .markupOnCost(let basisPoints): "cost+" + Self.percentDigits(basisPoints) + "%"
        }
    }

    /// Basis points as the shortest exact percentage: 1000 → "10", 1250 → "12.5", 1225 → "12.25".
    /// Not `percentText`, which rounds to one decimal and would change what the rule means.
    static func percentDigits(_ basisPoints: Int64) -> String {
        let sign = basisPoints < 0 ? "-" : ""
        let magnitude = basisPoints.magnitude
        let whole = magnitude / 100
        let hundredths = magnitude % 100
        if hundredths == 0 { return "\(sign)\(whole)" }
        if hundredths % 10 == 0 { return "\(sign)\(whole).\(hundredths / 10)" }
        return "\(sign)\(whole).\(hundredths < 10 ? "0" : "")\(hundredths)"
    }
}
