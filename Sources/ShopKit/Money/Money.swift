/// An exact amount of money: an integer count of the currency's minor units (cents).
/// Never a floating-point number; arithmetic refuses to mix currencies.
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    public var isNegative: Bool { minorUnits < 0 }
    public var isZero: Bool { minorUnits == 0 }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.minorUnits < rhs.minorUnits
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracting \(rhs.currency) from \(lhs.currency)")
        return Money(minorUnits: lhs.minorUnits - rhs.minorUnits, currency: lhs.currency)
    }

    public static func * (lhs: Money, rhs: Int64) -> Money {
        Money(minorUnits: lhs.minorUnits * rhs, currency: lhs.currency)
    }

    /// This amount scaled by `basisPoints` / 10,000, rounded half away from zero to the minor unit.
    /// 1,500 basis points are 15 %.
    public func scaled(byBasisPoints basisPoints: Int64) -> Money {
        Money(minorUnits: Money.divideRounded(minorUnits * basisPoints, by: 10_000), currency: currency)
    }

    /// Integer division rounding half away from zero, the way a till rounds.
    public static func divideRounded(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator != 0)
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder == 0 { return quotient }
        let twice = 2 * Swift.abs(remainder)
        guard twice >= Swift.abs(denominator) else { return quotient }
        return (numerator < 0) != (denominator < 0) ? quotient - 1 : quotient + 1
    }

    /// Plain decimal text with the currency's digits, e.g. `1234.50`, `-3.05`, `1500` for JPY.
    public var decimalText: String {
        let digits = currency.minorDigits
        let magnitude = minorUnits.magnitude
        let sign = minorUnits < 0 ? "-" : ""
        guard digits > 0 else { return sign + String(magnitude) }
        let per = UInt64(currency.minorPerMajor)
        var fraction = String(magnitude % per)
        while fraction.count < digits { fraction = "0" + fraction }
        return "\(sign)\(magnitude / per).\(fraction)"
    }

    /// Display text for people: symbol, grouped thousands, e.g. `€1,234.50`.
    public var formatted: String {
        let plain = decimalText
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + currency.symbol + grouped + fraction
    }

    public var description: String { formatted }
}
