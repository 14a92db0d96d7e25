import ShopKit
import XCTest

/// Velocity, cover and the reorder rule in whole numbers; receipt lines as typed or pasted;
/// spreadsheet-safe text.
final class StockPlanningTests: XCTestCase {
    func testVelocityIsUnitsPerDayWithOneDecimalRoundedHalfUp() {
        XCTAssertEqual(SalesVelocity(unitsSold: 45).perDayText, "1.5")
        XCTAssertEqual(SalesVelocity(unitsSold: 1).perDayText, "<0.1", "one sale a month is not nothing")
        XCTAssertEqual(SalesVelocity(unitsSold: 2).perDayText, "0.1", "0.0667 rounds to 0.1")
        XCTAssertEqual(SalesVelocity(unitsSold: 0).perDayText, "0.0")
        XCTAssertEqual(SalesVelocity(unitsSold: 3000).perDayText, "100.0")
        XCTAssertEqual(SalesVelocity(unitsSold: 1).perDayDecimal, "0.03", "files get two decimals")
        XCTAssertEqual(SalesVelocity(unitsSold: 45).perDayDecimal, "1.50")
    }

    func testDaysOfCoverRoundDownAreZeroWhenNothingIsAvailableAndUnboundedWhenNothingSells() {
        XCTAssertEqual(SalesVelocity(unitsSold: 45).daysOfCover(available: 10), 6, "10 / 1.5 = 6.67")
        XCTAssertEqual(SalesVelocity(unitsSold: 45).daysOfCover(available: 0), 0)
        XCTAssertEqual(SalesVelocity(unitsSold: 45).daysOfCover(available: -3), 0)
        XCTAssertNil(SalesVelocity(unitsSold: 0).daysOfCover(available: 10))
    }

    func testDemandOverALeadTimeRoundsUp() {
        XCTAssertEqual(SalesVelocity(unitsSold: 10).demand(overDays: 14), 5, "4.67 units")
        XCTAssertEqual(SalesVelocity(unitsSold: 30).demand(overDays: 7), 7)
        XCTAssertEqual(SalesVelocity(unitsSold: 0).demand(overDays: 7), 0)
    }

    func testReorderWhenAvailableFallsToTheReorderPointOrderingAtLeastTheUsualQuantity() {
        let settings = ReorderSettings(reorderPoint: 10, reorderQuantity: 24, leadTimeDays: 7)
        let slow = SalesVelocity(unitsSold: 6) // 0.2 a day: 2 units over 7 days
        XCTAssertEqual(ReorderAdvice.suggestedQuantity(available: 11, velocity: slow, settings: settings), 0)
        XCTAssertEqual(ReorderAdvice.suggestedQuantity(available: 10, velocity: slow, settings: settings), 24)
        XCTAssertEqual(ReorderAdvice.suggestedQuantity(available: -20, velocity: slow, settings: settings), 32,
                       "oversold: 10 + 2 + 20 is more than the usual 24")
    }

    func testAFastSellerIsReorderedBeforeItsLeadTimeDemandEvenAboveItsReorderPoint() {
        let settings = ReorderSettings(reorderPoint: 10, reorderQuantity: 5, leadTimeDays: 10)
        let fast = SalesVelocity(unitsSold: 90) // 3 a day: 30 over the lead time
        XCTAssertEqual(ReorderAdvice.suggestedQuantity(available: 25, velocity: fast, settings: settings), 35, "30 + 30 − 25")
        XCTAssertEqual(ReorderAdvice.suggestedQuantity(available: 31, velocity: fast, settings: settings), 0)
    }

    func testWithoutSettingsOnlySellingVariantsAreSuggestedOverTheDefaultLeadTime() {
        XCTAssertEqual(ReorderAdvice.suggestedQuantity(available: 0, velocity: SalesVelocity(unitsSold: 0), settings: nil), 0)
        XCTAssertEqual(ReorderAdvice.suggestedQuantity(available: 3, velocity: SalesVelocity(unitsSold: 30), settings: nil), 25,
                       "14 a fortnight: 14 + 14 − 3")
    }

    func testReorderSettingsAsTypedMustBeWholeNumbersOfZeroOrMore() throws {
        XCTAssertEqual(try ReorderSettings.parse(reorderPoint: " 5 ", reorderQuantity: "12", leadTimeDays: "0", version: 2),
                       ReorderSettings(reorderPoint: 5, reorderQuantity: 12, leadTimeDays: 0, version: 2))
        for (point, quantity, lead, words) in [
            ("1.5", "1", "1", "not a whole number"), ("-1", "1", "1", "cannot be negative"),
            ("1", "x", "1", "not a whole number"), ("1", "1", "400", "implausibly large"),
        ] {
            XCTAssertThrowsError(try ReorderSettings.parse(reorderPoint: point, reorderQuantity: quantity, leadTimeDays: lead, version: nil)) {
                XCTAssertTrue("\($0)".contains(words), "\($0)")
            }
        }
    }

    func testTheStockViewsCycleAndEachHasItsFilterTerm() {
        XCTAssertEqual(StockView.all.next, .out)
        XCTAssertEqual(StockView.oversold.next, .all)
        XCTAssertNil(StockView.all.filterTerm)
        XCTAssertEqual(StockView.over.filterTerm, "stock:over")
        XCTAssertTrue(FilterQuery(parsing: "stock:oversold", keys: .stock).problems.isEmpty)
    }

    func testReceiptLinesAcceptSpacesTabsCommasAndSemicolonsAndAddUpRepeatedSKUs() {
        let list = ReceiptList(parsing: "# delivery 42\r\nMUG-1 12\nVASE\t3\n\nMUG-1,2\r\nPLATE; 1\n")
        XCTAssertEqual(list.problems, [])
        XCTAssertEqual(list.lines.map(\.sku), ["MUG-1", "VASE", "PLATE"])
        XCTAssertEqual(list.lines.map(\.quantity), [14, 3, 1])
        XCTAssertEqual(list.totalUnits, 18)
    }

    func testUnreadableReceiptLinesAreReportedWithTheirLineNumbers() {
        let list = ReceiptList(parsing: "MUG 1.5\nMUG\nMUG 0\nMUG -2\nMUG 2 3\nMUG 9999999\nVASE 4")
        XCTAssertEqual(list.problems.map(\.lineNumber), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(list.problems[0].description, "line 1: quantity \"1.5\" is not a whole number")
        XCTAssertTrue(list.problems[1].message.contains("needs a SKU and a quantity"))
        XCTAssertTrue(list.problems[2].message.contains("must be above 0"))
        XCTAssertTrue(list.problems[5].message.contains("implausibly many"))
        XCTAssertEqual(list.lines.map(\.sku), ["VASE"])
    }

    func testSpreadsheetTextThatWouldRunAsAFormulaGetsALeadingQuote() {
        XCTAssertEqual(SpreadsheetCell.guarded("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")")
        XCTAssertEqual(SpreadsheetCell.guarded("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(SpreadsheetCell.guarded("+1"), "'+1")
        XCTAssertEqual(SpreadsheetCell.guarded("-1+1"), "'-1+1")
        XCTAssertEqual(SpreadsheetCell.guarded("\u{200B}=1"), "'\u{200B}=1", "a zero-width space does not hide it")
        XCTAssertEqual(SpreadsheetCell.guarded("  \t=1"), "'  \t=1")
        XCTAssertEqual(SpreadsheetCell.guarded("Mug = blue"), "Mug = blue")
        XCTAssertEqual(SpreadsheetCell.guarded(""), "")
    }
}
