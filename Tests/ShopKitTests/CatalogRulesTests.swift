import ShopKit
import XCTest

final class CatalogRulesTests: XCTestCase {
    private func refusal<T>(_ body: () throws(ValidationError) -> T, file: StaticString = #filePath, line: UInt = #line) -> ValidationError? {
        do {
            let value = try body()
            XCTFail("accepted: \(value)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    // MARK: title

    func testTitleIsTrimmedOfSurroundingWhitespace() throws {
        XCTAssertEqual(try CatalogRules.validateTitle("  Merino Beanie \t\n"), "Merino Beanie")
        XCTAssertEqual(try CatalogRules.validateTitle("Storm Shell Jacket"), "Storm Shell Jacket")
    }

    func testEmptyOrBlankTitleIsRefusedAsEmpty() throws {
        for title in ["", "    ", "\n\t", "\u{00A0}"] {
            let error = try XCTUnwrap(refusal { () throws(ValidationError) in try CatalogRules.validateTitle(title) })
            XCTAssertEqual(error.field, "title")
            XCTAssertTrue(error.message.contains("empty"), error.message)
            XCTAssertFalse(error.hint.isEmpty)
        }
    }

    func testTitleOverTheLimitIsRefusedWithItsLengthAndTheLimit() throws {
        let limit = CatalogRules.maxTitleLength
        XCTAssertEqual(try CatalogRules.validateTitle(String(repeating: "a", count: limit)).count, limit)
        XCTAssertEqual(try CatalogRules.validateTitle("  " + String(repeating: "a", count: limit) + "  ").count, limit)

        let long = String(repeating: "a", count: limit + 1)
        let error = try XCTUnwrap(refusal { () throws(ValidationError) in try CatalogRules.validateTitle(long) })
        XCTAssertEqual(error.field, "title")
        XCTAssertTrue(error.message.contains("\(limit + 1) characters"), error.message)
        XCTAssertTrue(error.hint.contains("\(limit)"), error.hint)
    }

    // MARK: handle

    func testHandleOfLowercaseLettersDigitsAndDashesIsAccepted() throws {
        XCTAssertEqual(try CatalogRules.validateHandle(" merino-beanie-2 "), "merino-beanie-2")
    }

    func testHandleWithCapitalsSpacesOrAccentsIsRefusedWithTheAllowedCharacters() throws {
        for handle in ["Merino-Beanie", "merino beanie", "mütze", "beanie/red", "beanie_red"] {
            let error = try XCTUnwrap(refusal { () throws(ValidationError) in try CatalogRules.validateHandle(handle) }, handle)
            XCTAssertEqual(error.field, "handle")
            XCTAssertTrue(error.message.contains(handle.trimmingWhitespace()), error.message)
            XCTAssertTrue(error.hint.contains("lowercase letters, digits and dashes"), error.hint)
        }
        let empty = try XCTUnwrap(refusal { () throws(ValidationError) in try CatalogRules.validateHandle("  ") })
        XCTAssertEqual(empty.field, "handle")
        XCTAssertTrue(empty.message.contains("empty"), empty.message)
    }

    // MARK: SKU

    func testSKUIsTrimmedAndAnEmptySKUMeansNone() throws {
        XCTAssertEqual(try CatalogRules.validateSKU("  NLO-JKT-0001-S-NVY "), "NLO-JKT-0001-S-NVY")
        XCTAssertNil(try CatalogRules.validateSKU("   "))
        XCTAssertNil(try CatalogRules.validateSKU(""))
        XCTAssertEqual(try CatalogRules.validateSKU(String(repeating: "X", count: 64))?.count, 64)
    }

    func testSKUThatIsTooLongOrHoldsControlCharactersIsRefused() throws {
        for sku in [String(repeating: "X", count: 65), "AB\u{1B}[2JC", "A\u{07}B"] {
            let error = try XCTUnwrap(refusal { () throws(ValidationError) in try CatalogRules.validateSKU(sku) })
            XCTAssertEqual(error.field, "sku")
            XCTAssertTrue(error.message.contains("not usable"), error.message)
            XCTAssertTrue(error.hint.contains("64 printable characters"), error.hint)
        }
    }

    // MARK: barcode

    func testBarcodesWithACorrectCheckDigitAreAccepted() throws {
        XCTAssertEqual(try CatalogRules.validateBarcode("4006381333931"), "4006381333931") // EAN-13
        XCTAssertEqual(try CatalogRules.validateBarcode(" 4260751100008 "), "4260751100008")
        XCTAssertEqual(try CatalogRules.validateBarcode("036000291452"), "036000291452") // UPC-A
        XCTAssertEqual(try CatalogRules.validateBarcode("96385074"), "96385074") // EAN-8
        XCTAssertEqual(try CatalogRules.validateBarcode("10614141000415"), "10614141000415") // GTIN-14
        XCTAssertNil(try CatalogRules.validateBarcode(""))
    }

    func testBarcodeWithAWrongCheckDigitIsRefusedAsATypo() throws {
        for barcode in ["4006381333932", "4006381333930", "036000291453", "96385075", "4006381333913"] {
            let error = try XCTUnwrap(refusal { () throws(ValidationError) in try CatalogRules.validateBarcode(barcode) }, barcode)
            XCTAssertEqual(error.field, "barcode")
            XCTAssertTrue(error.message.contains("wrong check digit"), error.message)
            XCTAssertTrue(error.hint.contains("typo"), error.hint)
        }
    }

    func testBarcodeOfTheWrongLengthOrWithNonDigitsIsRefusedSayingWhichLengthsExist() throws {
        for barcode in ["4006381", "400638133393100", "40063813339X1", "4006-381333931", "123"] {
            let error = try XCTUnwrap(refusal { () throws(ValidationError) in try CatalogRules.validateBarcode(barcode) }, barcode)
            XCTAssertEqual(error.field, "barcode")
            XCTAssertTrue(error.message.contains("is not 8, 12, 13 or 14 digits"), error.message)
            XCTAssertTrue(error.hint.contains("digits"), error.hint)
        }
    }

    // MARK: prices

    func testPriceWithCompareAtAboveItAndACostIsAccepted() throws {
        try CatalogRules.validatePrices(price: eur(4_990), compareAt: eur(5_990), cost: eur(2_000))
        try CatalogRules.validatePrices(price: eur(0), compareAt: nil, cost: nil)
        try CatalogRules.validatePrices(price: eur(1_000), compareAt: nil, cost: eur(1_500)) // selling below cost is allowed
    }

    func testNegativePriceOrCostIsRefusedOnItsOwnField() throws {
        let price = try XCTUnwrap(refusal { () throws(ValidationError) in
            try CatalogRules.validatePrices(price: eur(-1), compareAt: nil, cost: nil)
        })
        XCTAssertEqual(price.field, "price")
        XCTAssertTrue(price.message.contains("negative"), price.message)

        let cost = try XCTUnwrap(refusal { () throws(ValidationError) in
            try CatalogRules.validatePrices(price: eur(100), compareAt: nil, cost: eur(-1))
        })
        XCTAssertEqual(cost.field, "cost")
        XCTAssertTrue(cost.message.contains("negative"), cost.message)
    }

    func testCompareAtPriceEqualToOrBelowThePriceIsRefusedShowingBothAmounts() throws {
        for compareAt: Int64 in [4_990, 4_989, 0] {
            let error = try XCTUnwrap(refusal { () throws(ValidationError) in
                try CatalogRules.validatePrices(price: eur(4_990), compareAt: eur(compareAt), cost: nil)
            })
            XCTAssertEqual(error.field, "compare_at_price")
            XCTAssertTrue(error.message.contains("not above the price"), error.message)
            XCTAssertTrue(error.message.contains("€49.90"), error.message)
            XCTAssertTrue(error.message.contains(eur(compareAt).formatted), error.message)
            XCTAssertTrue(error.hint.contains("clear it"), error.hint)
        }
    }

    // MARK: status

    func testStatusIsParsedCaseInsensitivelyAndUnknownStatusNamesTheChoices() throws {
        XCTAssertEqual(try ProductStatus(parsing: " Active "), .active)
        XCTAssertEqual(try ProductStatus(parsing: "ARCHIVED"), .archived)
        let error = try XCTUnwrap(refusal { () throws(ValidationError) in try ProductStatus(parsing: "published") })
        XCTAssertEqual(error.field, "status")
        XCTAssertTrue(error.hint.contains("draft, active or archived"), error.hint)
    }

    func testVariantOptionSummaryJoinsOptionsAndCallsAnOptionlessVariantDefault() {
        let eur0 = Money.zero(.eur)
        XCTAssertEqual(Variant(productID: 1, sku: nil, optionValues: ["M", "Black"], price: eur0).optionSummary, "M / Black")
        XCTAssertEqual(Variant(productID: 1, sku: nil, optionValues: ["Default Title"], price: eur0).optionSummary, "Default")
        XCTAssertEqual(Variant(productID: 1, sku: nil, optionValues: [], price: eur0).optionSummary, "Default")
    }
}
