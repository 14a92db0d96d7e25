/// The cents a price should end in after a bulk change ("charm pricing"): x.99, x.95, x.90 or x.00.
///
/// The rule: the result is the lowest price with that ending that is at least the computed price
/// minus `toleranceHundredths` (five cents). So a price is mostly rounded up to the next ending,
/// but a price that is just past an ending falls back to it — €20.00 becomes €19.99 rather than
/// €20.99, which is what a manager expects. The consequences, all tested:
/// - a price never drops by more than five cents and never rises by a whole unit or more;
/// - a price that already has the ending stays as it is (€12.99 stays €12.99), so applying the
///   same ending twice changes nothing;
/// - a price of zero stays zero (a free item is not made €0.99), and a price above zero is never
///   rounded down to zero (three cents with x.00 becomes €1.00).
///
/// Currencies with no minor digits (JPY) are refused: "ends in .99" means nothing there, and the
/// local conventions (¥980, ¥1,980) are a different rule than the last digits of the amount, so
/// guessing one would put prices in the shop that nobody chose. Currencies with more than two
/// minor digits apply the ending to the first two of them (x.990 for x.99).
public enum PriceEnding: String, CaseIterable, Sendable, Codable {
    case none
    case n99 = "99"
    case n95 = "95"
    case n90 = "90"
    case n00 = "00"

    /// How far below the computed price an ending may land, in hundredths of the major unit.
    public static let toleranceHundredths: Int64 = 5

    /// "none", "x.99", …
    public var label: String {
        switch self {
        case .none: "none"
        default: "x." + rawValue
        }
    }

    /// The ending in hundredths of the major unit (99 for x.99); nil for `.none`.
    public var hundredths: Int64? {
        switch self {
        case .none: nil
        case .n99: 99
        case .n95: 95
        case .n90: 90
        case .n00: 0
        }
    }

    /// The price moved to this ending by the rule above; `.none` leaves it as it is.
    public func apply(to price: Money) throws(ValidationError) -> Money {
        guard let hundredths else { return price }
        let currency = price.currency
        guard currency.minorDigits >= 2 else {
            throw ValidationError(
                field: "ending",
                message: "\(currency.code) has no cents, so a price cannot end in \(label)",
                hint: "choose no ending for prices in \(currency.code)")
        }
        guard price.minorUnits > 0 else { return price }
        let hundredth = currency.minorPerMajor / 100
        let period = currency.minorPerMajor
        let ending = hundredths * hundredth
        let lowest = Swift.max(price.minorUnits - Self.toleranceHundredths * hundredth, 1)
        // The first amount at or above `lowest` whose remainder by `period` is `ending`.
        let step = ((ending - lowest) % period + period) % period
        return Money(minorUnits: lowest + step, currency: currency)
    }
}
