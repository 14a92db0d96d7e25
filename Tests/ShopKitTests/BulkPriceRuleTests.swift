import ShopKit
import XCTest

final class BulkPriceRuleTests: XCTestCase {
    private func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    private func apply(_ change: BulkPriceChange, _ price: Int64, cost: Int64? = nil, ending: PriceEnding = .none) throws -> Int64 {
        try BulkPriceRule(change: change, ending: ending).apply(price: eur(price), cost: cost.map(eur)).minorUnits
    }

    private func refusal(_ change: BulkPriceChange, _ price: Money, cost: Money? = nil) -> ValidationError? {
        do throws(ValidationError) {
            _ = try BulkPriceRule(change: change).apply(price: price, cost: cost)
            return nil
        } catch {
            return error
        }
    }

    func testTenPercentOnNineNinetyNineIsExactlyTenNinetyNine() throws {
        XCTAssertEqual(try apply(.increasePercent(basisPoints: 1000), 999), 1099)
    }

    func testTenPercentIncreaseMatchesTheIntegerFormulaForEveryPriceUpToFiftyEuros() throws {
        let rule = BulkPriceRule(change: .increasePercent(basisPoints: 1000))
        for cents in Int64(1)...5000 {
            // price × 1.1 rounded half up, in integers only: (cents × 11 + 5) / 10.
            let expected = (cents * 11 + 5) / 10
            XCTAssertEqual(try rule.apply(price: eur(cents), cost: nil).minorUnits, expected, "price \(cents) cents")
        }
    }

    func testPercentDecreaseMatchesTheIntegerFormulaForEveryPriceUpToFiftyEuros() throws {
        let rule = BulkPriceRule(change: .decreasePercent(basisPoints: 1250))
        for cents in Int64(1)...5000 {
            // price × 0.875 rounded half up: (cents × 8750 + 5000) / 10000.
            let expected = (cents * 8750 + 5000) / 10_000
            XCTAssertEqual(try rule.apply(price: eur(cents), cost: nil).minorUnits, expected, "price \(cents) cents")
        }
    }

    func testPercentRoundsTheNewPriceOnceNotTheDifference() throws {
        // −5 % of €0.10 is €0.095, which rounds half away from zero to €0.10;
        // rounding the 0.5-cent discount first would give €0.09.
        XCTAssertEqual(try apply(.decreasePercent(basisPoints: 500), 10), 10)
        // +15 % of €10.05 is €11.5575 → €11.56.
        XCTAssertEqual(try apply(.increasePercent(basisPoints: 1500), 1005), 1156)
    }

    func testAmountsAreAddedAndTakenOffExactly() throws {
        XCTAssertEqual(try apply(.increaseAmount(eur(250)), 1999), 2249)
        XCTAssertEqual(try apply(.decreaseAmount(eur(100)), 1999), 1899)
        XCTAssertEqual(try apply(.decreaseAmount(eur(1999)), 1999), 0)
    }

    func testSetToReplacesThePriceWhateverItWas() throws {
        XCTAssertEqual(try apply(.setTo(eur(1999)), 5), 1999)
        XCTAssertEqual(try apply(.setTo(eur(0)), 5000), 0)
    }

    func testMarkupOnCostPricesFromTheCostNotTheOldPrice() throws {
        // cost €7.00 + 40 % = €9.80, whatever the old price was.
        XCTAssertEqual(try apply(.markupOnCost(basisPoints: 4000), 100, cost: 700), 980)
        XCTAssertEqual(try apply(.markupOnCost(basisPoints: 4000), 99_999, cost: 700), 980)
        // cost €3.33 + 50 % = €4.995 → €5.00 (half away from zero).
        XCTAssertEqual(try apply(.markupOnCost(basisPoints: 5000), 100, cost: 333), 500)
        XCTAssertEqual(try apply(.markupOnCost(basisPoints: 0), 100, cost: 333), 333)
    }

    func testMarkupOnCostIsRefusedWhenTheVariantHasNoCost() {
        let error = refusal(.markupOnCost(basisPoints: 4000), eur(1000))
        XCTAssertEqual(error?.field, "cost")
        XCTAssertTrue(error?.message.contains("has no cost") ?? false, error?.description ?? "accepted")
    }

    func testAResultBelowZeroIsRefusedNamingTheNegativePrice() {
        let error = refusal(.decreaseAmount(eur(150)), eur(100))
        XCTAssertEqual(error?.field, "price")
        XCTAssertTrue(error?.message.contains("-€0.50") ?? false, error?.description ?? "accepted")
        XCTAssertTrue(error?.message.contains("below zero") ?? false)
        XCTAssertNotNil(refusal(.decreasePercent(basisPoints: 12_000), eur(100)))
    }

    func testAmountsInAnotherCurrencyAreRefused() {
        let usd = Money(minorUnits: 100, currency: .usd)
        XCTAssertNotNil(refusal(.increaseAmount(usd), eur(1000)))
        XCTAssertNotNil(refusal(.setTo(usd), eur(1000)))
        XCTAssertNotNil(refusal(.markupOnCost(basisPoints: 1000), eur(1000), cost: usd))
    }

    func testNegativeMagnitudesInsideAChangeAreRefusedRatherThanReversed() {
        XCTAssertNotNil(refusal(.increasePercent(basisPoints: -500), eur(1000)))
        XCTAssertNotNil(refusal(.decreaseAmount(eur(-100)), eur(1000)))
        XCTAssertNotNil(refusal(.setTo(eur(-1)), eur(1000)))
        XCTAssertNotNil(refusal(.markupOnCost(basisPoints: 1000), eur(1000), cost: eur(-5)))
    }

    func testAnOverflowingResultIsRefusedInsteadOfTrapping() {
        let huge = Money(minorUnits: Int64.max / 2, currency: .eur)
        XCTAssertNotNil(refusal(.increasePercent(basisPoints: 1000), huge))
        XCTAssertNotNil(refusal(.increaseAmount(huge), huge + huge))
    }

    func testTheEndingIsAppliedAfterTheChange() throws {
        // +10 % on €12.00 = €13.20 → next x.99 is €13.99.
        XCTAssertEqual(try apply(.increasePercent(basisPoints: 1000), 1200, ending: .n99), 1399)
        // +10 % on €18.18 = €20.00 → x.99 falls back to €19.99.
        XCTAssertEqual(try apply(.increasePercent(basisPoints: 1000), 1818, ending: .n99), 1999)
    }

    func testEndingsOnAYenPriceAreRefusedButAPlainChangeWorks() throws {
        let yen = Money(minorUnits: 1500, currency: .jpy)
        XCTAssertEqual(try BulkPriceRule(change: .increasePercent(basisPoints: 1000)).apply(price: yen, cost: nil).minorUnits, 1650)
        XCTAssertThrowsError(try BulkPriceRule(change: .increasePercent(basisPoints: 1000), ending: .n99).apply(price: yen, cost: nil))
    }
}
