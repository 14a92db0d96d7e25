import ShopKit
import XCTest

final class PriceChangePreviewTests: XCTestCase {
    private func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    private func preview(_ change: BulkPriceChange, ending: PriceEnding = .none, floor: Int64 = 2500) throws -> PriceChangePreview {
        let rows: [PriceChangePreview.Row] = [
            (variantID: 1, sku: "CAP-1", title: "Cap", price: eur(1000), cost: eur(500)),
            (variantID: 2, sku: "SCARF-1", title: "Scarf", price: eur(2000), cost: nil),
            (variantID: 3, sku: "MUG-1", title: "Mug", price: eur(800), cost: eur(700)),
            (variantID: 4, sku: "PIN-1", title: "Pin", price: eur(100), cost: eur(20)),
        ]
        return PriceChangePreview(
            rows: rows, rule: BulkPriceRule(change: change, ending: ending),
            marginFloor: try MarginFloor(basisPoints: floor), currency: .eur)
    }

    func testEachLineShowsOldAndNewPriceAndTheNewMargin() throws {
        let lines = try preview(.increasePercent(basisPoints: 1000)).lines
        XCTAssertEqual(lines.map(\.variantID), [1, 2, 3, 4])
        XCTAssertEqual(lines.map(\.oldPrice), [eur(1000), eur(2000), eur(800), eur(100)])
        XCTAssertEqual(lines.map(\.newPrice), [eur(1100), eur(2200), eur(880), eur(110)])
        // (11.00 − 5.00) / 11.00 = 54.55 %
        XCTAssertEqual(lines[0].newMarginBasisPoints, 5455)
        XCTAssertNil(lines[1].newMarginBasisPoints, "no cost, no margin")
        XCTAssertEqual(lines[0].difference, eur(100))
    }

    func testTotalsCountChangesAndSumThePriceDifferences() throws {
        let totals = try preview(.increasePercent(basisPoints: 1000)).totals
        XCTAssertEqual(totals.changed, 4)
        XCTAssertEqual(totals.refused, 0)
        XCTAssertEqual(totals.unchanged, 0)
        XCTAssertEqual(totals.priceDifference, eur(100 + 200 + 80 + 10))
    }

    func testARowUnderTheFloorIsFlaggedNotRefused() throws {
        // Mug: €8.80 at cost €7.00 is a 20.5 % margin, under the 25 % floor.
        let preview = try preview(.increasePercent(basisPoints: 1000))
        let mug = preview.lines[2]
        XCTAssertTrue(mug.belowFloor)
        XCTAssertFalse(mug.belowCost)
        XCTAssertFalse(mug.isRefused)
        XCTAssertEqual(mug.floorViolation?.lowestPrice, eur(934))
        XCTAssertEqual(preview.totals.belowFloor, 1)
        XCTAssertFalse(preview.lines[1].belowFloor, "a row without cost cannot be judged")
    }

    func testARowBelowCostIsFlaggedBelowCostAndBelowFloor() throws {
        let preview = try preview(.decreasePercent(basisPoints: 2000))
        let mug = preview.lines[2] // €6.40 at cost €7.00
        XCTAssertTrue(mug.belowCost)
        XCTAssertTrue(mug.belowFloor)
        XCTAssertEqual(preview.totals.belowCost, 1)
        XCTAssertEqual(preview.totals.belowFloor, 1)
    }

    func testRowsTheRuleCannotPriceAreRefusedWithAMessageAndLeftOutOfTheSum() throws {
        let preview = try preview(.markupOnCost(basisPoints: 10_000))
        let scarf = preview.lines[1]
        XCTAssertTrue(scarf.isRefused)
        XCTAssertNil(scarf.newPrice)
        XCTAssertTrue(scarf.errorMessage?.contains("has no cost") ?? false)
        XCTAssertFalse(scarf.belowFloor)
        XCTAssertEqual(preview.totals.refused, 1)
        // Cap: cost €5.00 doubled is its old €10.00; mug: €14.00; pin: €0.40.
        XCTAssertEqual(preview.totals.changed, 2)
        XCTAssertEqual(preview.lines.map(\.newPrice), [eur(1000), nil, eur(1400), eur(40)])
        XCTAssertEqual(preview.totals.unchanged, 1)
        XCTAssertEqual(preview.totals.priceDifference, eur(0 + 600 - 60))
    }

    func testAPriceTheRuleLeavesAloneIsMarkedUnchanged() throws {
        let preview = try preview(.setTo(eur(1000)))
        XCTAssertEqual(preview.lines.map(\.unchanged), [true, false, false, false])
        XCTAssertEqual(preview.totals.unchanged, 1)
        XCTAssertEqual(preview.totals.changed, 3)
    }

    func testDecreasesBelowZeroAreRefusedPerRowWhileOtherRowsGoAhead() throws {
        let preview = try preview(.decreaseAmount(eur(150)), floor: 0)
        XCTAssertEqual(preview.lines.map(\.isRefused), [false, false, false, true])
        XCTAssertTrue(preview.lines[3].errorMessage?.contains("below zero") ?? false)
        XCTAssertEqual(preview.totals.priceDifference, eur(-450))
    }

    func testRowsInAnotherCurrencyAreRefusedRatherThanCompared() {
        let usd = Money(minorUnits: 500, currency: .usd)
        let preview = PriceChangePreview(
            rows: [
                (variantID: 1, sku: "A", title: "A", price: usd, cost: nil),
                (variantID: 2, sku: "B", title: "B", price: eur(1000), cost: usd),
            ],
            rule: BulkPriceRule(change: .increasePercent(basisPoints: 1000)), marginFloor: .atCost, currency: .eur)
        XCTAssertEqual(preview.totals.refused, 2)
        XCTAssertEqual(preview.totals.priceDifference, eur(0))
    }

    func testAnEmptySelectionGivesZeroTotalsInTheShopCurrency() {
        let preview = PriceChangePreview(
            rows: [], rule: BulkPriceRule(change: .increasePercent(basisPoints: 1000)), marginFloor: .atCost, currency: .eur)
        XCTAssertTrue(preview.lines.isEmpty)
        XCTAssertEqual(preview.totals.changed, 0)
        XCTAssertEqual(preview.totals.priceDifference, eur(0))
    }

    func testTheEndingIsPartOfTheNewPriceInThePreview() throws {
        let preview = try preview(.increasePercent(basisPoints: 1000), ending: .n99)
        XCTAssertEqual(preview.lines.map(\.newPrice), [eur(1099), eur(2199), eur(899), eur(199)])
    }
}
