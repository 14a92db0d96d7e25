/// Units a product file may give weights in, converted to whole grams exactly: integer
/// arithmetic on the decimal digits, rounded half away from zero at the end, never a float.
public enum WeightUnit: String, CaseIterable, Sendable {
    case g, kg, lbs, oz

    /// Grams per unit as a fraction (numerator, denominator). A pound is 453.59237 g by definition.
    var gramsPerUnit: (numerator: Int64, denominator: Int64) {
        switch self {
        case .g: (1, 1)
        case .kg: (1000, 1)
        case .lbs: (45_359_237, 100_000)
        case .oz: (28_349_523_125, 1_000_000_000)
        }
    }

    /// The unit a column header names: `Weight (lbs)`, `Weight (kg)`, `Variant Weight Unit` values.
    public init?(naming text: String) {
        switch text.trimmingWhitespace().lowercased() {
        case "g", "gram", "grams": self = .g
        case "kg", "kgs", "kilogram", "kilograms": self = .kg
        case "lb", "lbs", "pound", "pounds": self = .lbs
        case "oz", "ounce", "ounces": self = .oz
        default: return nil
        }
    }

    /// `.5` lbs → 227, `0.0` g → 0, `1,5` kg → 1500. Nil for empty text; throws for anything
    /// that is not a non-negative decimal number.
    public func grams(_ text: String, field: String = "weight") throws(ValidationError) -> Int64? {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return nil }
        guard let (digits, scale) = DecimalText.parse(trimmed), digits >= 0 else {
            throw ValidationError(field: field, message: "\(field) \"\(text)\" is not a weight", hint: "e.g. 0.5")
        }
        var denominator = gramsPerUnit.denominator
        for _ in 0..<scale { denominator *= 10 }
        let (numerator, overflow) = digits.multipliedReportingOverflow(by: gramsPerUnit.numerator)
        guard !overflow, denominator > 0 else {
            throw ValidationError(field: field, message: "\(field) \"\(text)\" is too large", hint: "check the number")
        }
        return Money.divideRounded(numerator, by: denominator)
    }
}

/// A plain decimal number as integer digits and a scale: `12.50` → (1250, 2), `.5` → (5, 1),
/// `1,5` → (15, 1) (a comma is a decimal separator in many exports), `-3` → (-3, 0).
public enum DecimalText {
    public static func parse(_ text: String) -> (digits: Int64, scale: Int)? {
        var scalars = Substring(text.trimmingWhitespace())
        var negative = false
        if scalars.first == "-" { negative = true; scalars = scalars.dropFirst() }
        guard !scalars.isEmpty, scalars.count <= 18 else { return nil }
        var digits: Int64 = 0
        var scale = 0
        var seenSeparator = false
        var seenDigit = false
        for character in scalars {
            if character == "." || character == "," {
                guard !seenSeparator else { return nil }
                seenSeparator = true
            } else if let value = character.wholeNumberValue, character.isASCII {
                digits = digits * 10 + Int64(value)
                seenDigit = true
                if seenSeparator { scale += 1 }
            } else {
                return nil
            }
        }
        guard seenDigit else { return nil }
        return (negative ? -digits : digits, scale)
    }

    /// A whole number such as a quantity: `12`, `-3`, also `12.0` as some exports write it.
    public static func wholeNumber(_ text: String) -> Int64? {
        guard let (digits, scale) = parse(text) else { return nil }
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        guard digits % divisor == 0 else { return nil }
        return digits / divisor
    }
}
