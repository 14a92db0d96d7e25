import ShopKit
import XCTest

final class MarginFloorTests: XCTestCase {
    private func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    func testLowestPriceIsCostOverOneMinusFloorRoundedUpToTheCent() throws {
        let floor = try MarginFloor(basisPoints: 2500)
        // €7.00 / 0.75 = €9.3333… → €9.34
        XCTAssertEqual(floor.lowestPrice(cost: eur(700)), eur(934))
        // €7.50 / 0.75 = €10.00 exactly: no rounding up.
        XCTAssertEqual(floor.lowestPrice(cost: eur(750)), eur(1000))
        XCTAssertEqual(MarginFloor.atCost.lowestPrice(cost: eur(700)), eur(700))
        XCTAssertEqual(floor.lowestPrice(cost: eur(0)), eur(0))
    }

    func testAPriceExactlyAtTheLowestAllowedPricePasses() throws {
        let floor = try MarginFloor(basisPoints: 2500)
        XCTAssertNil(floor.check(price: eur(934), cost: eur(700)))
        XCTAssertNil(floor.check(price: eur(1000), cost: eur(750)))
    }

    func testOneCentBelowTheLowestAllowedPriceFails() throws {
        let floor = try MarginFloor(basisPoints: 2500)
        let violation = try XCTUnwrap(floor.check(price: eur(933), cost: eur(700)))
        XCTAssertEqual(violation.lowestPrice, eur(934))
        XCTAssertEqual(violation.shortfall, eur(1))
        XCTAssertNotNil(floor.check(price: eur(999), cost: eur(750)))
    }

    func testTheBoundaryIsExactEvenWhereTheRoundedMarginLooksLikeTheFloor() throws {
        // €9.33 at cost €7.00 has a margin of 24.97 %, shown rounded as 25.0 %; it is still under 25 %.
        let floor = try MarginFloor(basisPoints: 2500)
        XCTAssertEqual(percentText(basisPoints: Margin(price: eur(933), cost: eur(700)).marginBasisPoints!), "25.0%")
        XCTAssertNotNil(floor.check(price: eur(933), cost: eur(700)))
    }

    func testTheLowestPriceMeetsTheFloorAndOneCentLessDoesNotForManyCosts() throws {
        for basisPoints: Int64 in [0, 1, 1500, 2500, 3333, 5000, 9999] {
            let floor = try MarginFloor(basisPoints: basisPoints)
            for cost in Int64(0)...2000 {
                let lowest = floor.lowestPrice(cost: eur(cost)).minorUnits
                // price × (1 − floor) ≥ cost, in integers.
                XCTAssertGreaterThanOrEqual(lowest * (10_000 - basisPoints), cost * 10_000, "floor \(basisPoints), cost \(cost)")
                XCTAssertLessThan((lowest - 1) * (10_000 - basisPoints), cost * 10_000, "floor \(basisPoints), cost \(cost)")
            }
        }
    }

    func testAFloorOfZeroOnlyRefusesPricesBelowCost() {
        XCTAssertNil(MarginFloor.atCost.check(price: eur(700), cost: eur(700)))
        let violation = MarginFloor.atCost.check(price: eur(699), cost: eur(700))
        XCTAssertEqual(violation?.isBelowCost, true)
        XCTAssertEqual(violation?.message, "€6.99 is below the cost of €7.00: the lowest price is €7.00")
    }

    func testTheViolationExplainsTheFloorAndTheLowestPriceInWords() throws {
        let violation = try XCTUnwrap(try MarginFloor(basisPoints: 2500).check(price: eur(800), cost: eur(700)))
        XCTAssertEqual(violation.message, "€8.00 is below the margin floor of 25.0%: the lowest price at cost €7.00 is €9.34")
        XCTAssertFalse(violation.isBelowCost)
    }

    func testWithoutACostNothingCanBeSaidAboutTheFloor() throws {
        XCTAssertNil(try MarginFloor(basisPoints: 2500).check(price: eur(1), cost: nil))
    }

    func testImpossibleFloorsAreRefused() {
        XCTAssertThrowsError(try MarginFloor(basisPoints: -1))
        XCTAssertThrowsError(try MarginFloor(basisPoints: 10_000))
        XCTAssertNoThrow(try MarginFloor(basisPoints: 9_999))
    }
}
