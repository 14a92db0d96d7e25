import ShopKit
import XCTest

final class MoneyParserTests: XCTestCase {
    private func parse(_ input: String, _ currency: Currency = .eur, allowNegative: Bool = false) throws -> Money {
        try MoneyParser.parse(input, currency: currency, allowNegative: allowNegative)
    }

    /// The refusal for `input`, or a test failure when the input is accepted.
    private func refusal(
        _ input: String, _ currency: Currency = .eur, field: String = "price",
        file: StaticString = #filePath, line: UInt = #line
    ) -> ValidationError? {
        do {
            let money = try MoneyParser.parse(input, currency: currency, field: field)
            XCTFail("\"\(input)\" was accepted as \(money.minorUnits) minor units", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testEveryCommonWayOfWritingTwelveFiftyGivesExactlyTwelveHundredFiftyCents() throws {
        let inputs = ["12.5", "12.50", "12,50", "12,5", "€12.50", "€ 12.50", "EUR 12.50", "eur 12.50", "12.50 EUR", "12.50€", "  12.50\t"]
        for input in inputs {
            let money = try parse(input)
            XCTAssertEqual(money.minorUnits, 1250, "input \"\(input)\"")
            XCTAssertEqual(money.currency, .eur, "input \"\(input)\"")
        }
    }

    func testThousandsGroupingInEitherConventionIsReadAsGrouping() throws {
        XCTAssertEqual(try parse("1,234.50").minorUnits, 123_450)
        XCTAssertEqual(try parse("1.234,50").minorUnits, 123_450)
        XCTAssertEqual(try parse("1,234,567.89").minorUnits, 123_456_789)
        XCTAssertEqual(try parse("1.234.567,89").minorUnits, 123_456_789)
        XCTAssertEqual(try parse("1,234,567").minorUnits, 123_456_700)
        XCTAssertEqual(try parse("1 234,50").minorUnits, 123_450)
        XCTAssertEqual(try parse("1'234.50").minorUnits, 123_450)
    }

    func testWholeNumberWithSurroundingSpacesIsWholeMajorUnits() throws {
        XCTAssertEqual(try parse(" 7 ").minorUnits, 700)
        XCTAssertEqual(try parse("0").minorUnits, 0)
        XCTAssertEqual(try parse("0.05").minorUnits, 5)
        XCTAssertEqual(try parse(".5").minorUnits, 50)
    }

    func testYenHasNoMinorDigitsSoWholeYenAreMinorUnits() throws {
        XCTAssertEqual(try parse("1500", .jpy).minorUnits, 1500)
        XCTAssertEqual(try parse("¥1500", .jpy).minorUnits, 1500)
        XCTAssertEqual(try parse("JPY 1500", .jpy).minorUnits, 1500)
        XCTAssertEqual(try parse("1,234,567", .jpy).minorUnits, 1_234_567)
    }

    func testNegativeAmountIsRefusedUnlessAllowed() throws {
        let error = try XCTUnwrap(refusal("-5.00"))
        XCTAssertEqual(error.field, "price")
        XCTAssertTrue(error.message.contains("cannot be negative"), error.message)
        XCTAssertTrue(error.hint.contains("0 or more"), error.hint)

        XCTAssertEqual(try parse("-5.00", allowNegative: true).minorUnits, -500)
        XCTAssertEqual(try parse("−3,05", allowNegative: true).minorUnits, -305)
        XCTAssertEqual(try parse("€-12.50", allowNegative: true).minorUnits, -1250)
        XCTAssertEqual(try parse("-€12.50", allowNegative: true).minorUnits, -1250)
        XCTAssertNotNil(refusal("€-12.50"))
    }

    func testRefusalNamesTheFieldItWasGiven() throws {
        let error = try XCTUnwrap(refusal("-1", field: "cost"))
        XCTAssertEqual(error.field, "cost")
        XCTAssertTrue(error.message.hasPrefix("cost"), error.message)
    }

    func testMoreDecimalsThanTheCurrencyHasIsRefusedSayingHowManyAreAllowed() throws {
        let euro = try XCTUnwrap(refusal("12.345"))
        XCTAssertEqual(euro.field, "price")
        XCTAssertTrue(euro.message.contains("more decimals than EUR allows"), euro.message)
        XCTAssertTrue(euro.hint.contains("at most 2 decimals"), euro.hint)

        let yen = try XCTUnwrap(refusal("5.5", .jpy))
        XCTAssertEqual(yen.field, "price")
        XCTAssertTrue(yen.message.contains("more decimals than JPY allows"), yen.message)
        XCTAssertTrue(yen.hint.contains("no decimals"), yen.hint)
    }

    func testAnotherCurrencysSymbolIsRefusedNamingBothCurrencies() throws {
        let dollars = try XCTUnwrap(refusal("$5"))
        XCTAssertEqual(dollars.field, "price")
        XCTAssertTrue(dollars.message.contains("USD"), dollars.message)
        XCTAssertTrue(dollars.message.contains("EUR"), dollars.message)
        XCTAssertTrue(dollars.hint.contains("EUR"), dollars.hint)

        let pounds = try XCTUnwrap(refusal("£5.00"))
        XCTAssertTrue(pounds.message.contains("GBP"), pounds.message)

        let euroInADollarShop = try XCTUnwrap(refusal("€5", .usd))
        XCTAssertTrue(euroInADollarShop.message.contains("EUR"), euroInADollarShop.message)
        XCTAssertTrue(euroInADollarShop.message.contains("USD"), euroInADollarShop.message)
    }

    func testLettersAndPunctuationAreRefusedAsNotAnAmount() throws {
        for input in ["abc", "12a", "twelve", "1O.50", "12.50.", "1,2,3", "1.2.3,45", "."] {
            let error = try XCTUnwrap(refusal(input), "input \"\(input)\"")
            XCTAssertEqual(error.field, "price", "input \"\(input)\"")
            XCTAssertTrue(error.message.contains("is not an amount"), "input \"\(input)\": \(error.message)")
            XCTAssertFalse(error.hint.isEmpty, "input \"\(input)\" has no hint")
        }
    }

    func testEmptyOrBlankTextIsRefusedAsEmptyWithAnExample() throws {
        for input in ["", "   ", "\t\n"] {
            let error = try XCTUnwrap(refusal(input))
            XCTAssertEqual(error.field, "price")
            XCTAssertTrue(error.message.contains("empty"), error.message)
            XCTAssertTrue(error.hint.contains("12.50"), error.hint)
        }
        let symbolOnly = try XCTUnwrap(refusal("€"))
        XCTAssertTrue(symbolOnly.message.contains("not an amount"), symbolOnly.message)
    }

    func testAbsurdlyLargeAmountsAreRefusedAsTooLarge() throws {
        for input in ["10000000000.01", "99999999999999", "92233720368547758.07", "99999999999999999999", "1,000,000,000,000,000,000,000"] {
            let error = try XCTUnwrap(refusal(input), "input \"\(input)\"")
            XCTAssertEqual(error.field, "price", "input \"\(input)\"")
            XCTAssertTrue(error.message.contains("too large"), "input \"\(input)\": \(error.message)")
            XCTAssertTrue(error.hint.contains("digits"), "input \"\(input)\": \(error.hint)")
        }
        XCTAssertEqual(try parse("10000000000.00").minorUnits, 1_000_000_000_000)
    }
}
