import ShopKit
import Testing

/// The ways shop managers and exported files write amounts, as one table per rule.
@Suite("Money as people and files write it")
struct MoneyTableTests {
    @Test("accepted spellings give exact cents", arguments: [
        ("12.5", Int64(1250)), ("12.50", 1250), ("12,50", 1250), ("€12.50", 1250), ("12.50 €", 1250),
        ("EUR 12.50", 1250), ("12.50 EUR", 1250), ("0", 0), ("0.01", 1), (".99", 99), ("1,234.50", 123_450),
        ("1.234,50", 123_450), ("1 234,50", 123_450), ("1'234.50", 123_450), ("1,234,567", 123_456_700),
    ])
    func acceptedSpellingGivesExactCents(input: String, cents: Int64) throws {
        #expect(try MoneyParser.parse(input, currency: .eur).minorUnits == cents)
    }

    @Test("refusals name the field and say why", arguments: [
        ("-5", "negative"), ("12.345", "decimals"), ("$5", "USD"), ("abc", "not an amount"), ("", "empty"),
        ("1e5", "not an amount"), ("12..5", "not an amount"), ("999999999999999", "too large"),
    ])
    func refusalSaysWhy(input: String, words: String) {
        #expect {
            _ = try MoneyParser.parse(input, currency: .eur, field: "price")
        } throws: { error in
            guard let error = error as? ValidationError else { return false }
            return error.field == "price" && error.description.contains(words)
        }
    }

    @Test("a currency without minor units refuses decimals", arguments: ["5.5", "1,5"])
    func yenRefusesDecimals(input: String) {
        #expect(throws: ValidationError.self) { try MoneyParser.parse(input, currency: .jpy) }
    }

    @Test("display text groups thousands and keeps the sign", arguments: [
        (Int64(123_450), "€1,234.50"), (-305, "-€3.05"), (5, "€0.05"), (100_000_000, "€1,000,000.00"),
    ])
    func displayText(cents: Int64, text: String) {
        #expect(Money(minorUnits: cents, currency: .eur).formatted == text)
    }

    @Test("percentages round half away from zero to the cent", arguments: [
        (Int64(1999), Int64(1500), Int64(300)), (1999, 5000, 1000), (-1999, 5000, -1000), (1, 5000, 1), (-1, 5000, -1),
    ])
    func percentageRounding(cents: Int64, basisPoints: Int64, expected: Int64) {
        #expect(Money(minorUnits: cents, currency: .eur).scaled(byBasisPoints: basisPoints).minorUnits == expected)
    }
}
