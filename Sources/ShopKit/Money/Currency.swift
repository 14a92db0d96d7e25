/// A currency by ISO 4217 code, with the number of minor-unit digits it uses.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String
    /// Digits after the decimal separator (2 for EUR and USD, 0 for JPY).
    public let minorDigits: Int
    public let symbol: String

    public init(code: String, minorDigits: Int, symbol: String) {
        self.code = code
        self.minorDigits = minorDigits
        self.symbol = symbol
    }

    public static let eur = Currency(code: "EUR", minorDigits: 2, symbol: "€")
    public static let usd = Currency(code: "USD", minorDigits: 2, symbol: "$")
    public static let gbp = Currency(code: "GBP", minorDigits: 2, symbol: "£")
    public static let chf = Currency(code: "CHF", minorDigits: 2, symbol: "CHF")
    public static let jpy = Currency(code: "JPY", minorDigits: 0, symbol: "¥")

    public static let known: [Currency] = [.eur, .usd, .gbp, .chf, .jpy]

    /// The currency for a code, or nil when shopdesk does not know it.
    public static func named(_ code: String) -> Currency? {
        known.first { $0.code == code.uppercased() }
    }

    /// 10^minorDigits: how many minor units make one major unit.
    public var minorPerMajor: Int64 {
        var value: Int64 = 1
        for _ in 0..<minorDigits { value *= 10 }
        return value
    }

    public var description: String { code }
}
