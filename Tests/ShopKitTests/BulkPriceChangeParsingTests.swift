import ShopKit
import Testing

/// What a manager types into the one bulk price field.
@Suite("Bulk price change as typed")
struct BulkPriceChangeParsingTests {
    private static func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    @Test("accepted forms give the change they say", arguments: [
        ("+10%", BulkPriceChange.increasePercent(basisPoints: 1000)),
        ("-5%", .decreasePercent(basisPoints: 500)),
        ("−5%", .decreasePercent(basisPoints: 500)),
        ("+12.5%", .increasePercent(basisPoints: 1250)),
        ("-12,25 %", .decreasePercent(basisPoints: 1225)),
        (" + 10 % ", .increasePercent(basisPoints: 1000)),
        ("+0.5%", .increasePercent(basisPoints: 50)),
        ("+.5%", .increasePercent(basisPoints: 50)),
        ("-99.99%", .decreasePercent(basisPoints: 9999)),
        ("+250%", .increasePercent(basisPoints: 25_000)),
        ("+2.50", .increaseAmount(eur(250))),
        ("+ €2.50", .increaseAmount(eur(250))),
        ("-1", .decreaseAmount(eur(100))),
        ("-0,99", .decreaseAmount(eur(99))),
        ("=19.99", .setTo(eur(1999))),
        ("= 19,99 €", .setTo(eur(1999))),
        ("19.99", .setTo(eur(1999))),
        ("1,234.50", .setTo(eur(123_450))),
        ("=0", .setTo(eur(0))),
        ("cost+40%", .markupOnCost(basisPoints: 4000)),
        ("Cost + 12.5%", .markupOnCost(basisPoints: 1250)),
        ("COST+0%", .markupOnCost(basisPoints: 0)),
    ])
    func acceptedFormGivesItsChange(text: String, expected: BulkPriceChange) throws {
        #expect(try BulkPriceRule.parse(text, currency: .eur) == expected)
    }

    @Test("refused forms say why", arguments: [
        ("", "empty"),
        ("   ", "empty"),
        ("+abc", "not an amount"),
        ("150%", "no + or − sign"),
        ("10%", "no + or − sign"),
        ("-120%", "negative"),
        ("-100%", "zero"),
        ("=10%", "cannot be set to a percentage"),
        ("+10.125%", "more precise"),
        ("+1.2.3%", "not a percentage"),
        ("+%", "not a percentage"),
        ("+x%", "not a percentage"),
        ("+20000%", "too large"),
        ("+9999999999%", "too large"),
        ("cost-10%", "below cost"),
        ("cost+40", "not a markup on cost"),
        ("cost+%", "not a markup on cost"),
        ("cost", "not a markup on cost"),
        ("cost*1.4", "not a markup on cost"),
        ("+2.505", "decimals"),
        ("=-5", "negative"),
        ("+$5", "USD"),
        ("-", "empty"),
    ])
    func refusedFormSaysWhy(text: String, words: String) {
        #expect {
            _ = try BulkPriceRule.parse(text, currency: .eur)
        } throws: { error in
            guard let error = error as? ValidationError else { return false }
            return error.field == "price change" && error.description.contains(words)
        }
    }

    @Test("a yen amount with decimals is refused", arguments: ["+1.5", "=1500.50"])
    func yenAmountsHaveNoDecimals(text: String) {
        #expect(throws: ValidationError.self) { try BulkPriceRule.parse(text, currency: .jpy) }
    }

    @Test("a whole yen amount is read in yen")
    func yenWholeAmount() throws {
        #expect(try BulkPriceRule.parse("+150", currency: .jpy) == .increaseAmount(Money(minorUnits: 150, currency: .jpy)))
    }

    @Test("the text a change shows can be typed back and means the same change", arguments: [
        BulkPriceChange.increasePercent(basisPoints: 1000), .increasePercent(basisPoints: 1250),
        .increasePercent(basisPoints: 1205), .increasePercent(basisPoints: 5), .decreasePercent(basisPoints: 9999),
        .increaseAmount(eur(250)), .decreaseAmount(eur(123_456)), .setTo(eur(1999)), .setTo(eur(0)),
        .markupOnCost(basisPoints: 4000), .markupOnCost(basisPoints: 1),
    ])
    func descriptionParsesBack(change: BulkPriceChange) throws {
        #expect(try BulkPriceRule.parse(change.description, currency: .eur) == change)
    }

    @Test("the shown text is the shortest exact percentage", arguments: [
        (BulkPriceChange.increasePercent(basisPoints: 1000), "+10%"), (.decreasePercent(basisPoints: 1250), "-12.5%"),
        (.increasePercent(basisPoints: 1205), "+12.05%"), (.markupOnCost(basisPoints: 4000), "cost+40%"),
        (.setTo(eur(1999)), "=19.99"), (.decreaseAmount(eur(100)), "-1.00"),
    ])
    func descriptionText(change: BulkPriceChange, text: String) {
        #expect(change.description == text)
    }
}
