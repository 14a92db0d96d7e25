import ShopKit
import XCTest

final class OmnibusReferenceTests: XCTestCase {
    private func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }
    private let now = Timestamp(iso8601: "2026-11-20T12:00:00Z")!

    private func change(daysAgo: Int64, _ old: Int64?, _ new: Int64?) -> PriceChangeRecord {
        PriceChangeRecord(at: now.adding(days: -daysAgo), oldPrice: old.map(eur), newPrice: new.map(eur), actor: "anna")
    }

    private func lowest(current: Int64, _ history: [PriceChangeRecord]) -> Int64 {
        OmnibusReference.lowestPrice(current: eur(current), history: history, now: now).minorUnits
    }

    func testWithoutHistoryTheReferenceIsTheCurrentPrice() {
        XCTAssertEqual(lowest(current: 1999, []), 1999)
    }

    func testALowerPriceInsideTheWindowIsTheReference() {
        // €19.99 → €14.99 ten days ago → back to €19.99 two days ago.
        let history = [change(daysAgo: 10, 1999, 1499), change(daysAgo: 2, 1499, 1999)]
        XCTAssertEqual(lowest(current: 1999, history), 1499)
    }

    func testAPriceThatEndedBeforeTheWindowDoesNotCount() {
        // €9.99 until 40 days ago, then €19.99 ever since.
        let history = [change(daysAgo: 40, 999, 1999)]
        XCTAssertEqual(lowest(current: 1999, history), 1999)
    }

    func testThePriceHeldAtTheWindowStartCountsWhenItChangesInsideTheWindow() {
        // €12.99 set 45 days ago, raised to €19.99 twenty days ago: €12.99 was charged in the window.
        let history = [change(daysAgo: 45, 999, 1299), change(daysAgo: 20, 1299, 1999)]
        XCTAssertEqual(lowest(current: 1999, history), 1299)
    }

    func testAPriceReplacedInsideTheWindowCountsEvenWhenTheRecordThatSetItIsMissing() {
        // The record of the cut from €19.99 to €14.99 was lost; the raise back records €14.99 as its old price.
        let history = [change(daysAgo: 45, 999, 1999), change(daysAgo: 10, 1499, 1999)]
        XCTAssertEqual(lowest(current: 1999, history), 1499)
    }

    func testWithOnlyChangesInsideTheWindowTheOldestOldPriceIsTheStartingPrice() {
        let history = [change(daysAgo: 5, 1799, 1999)]
        XCTAssertEqual(lowest(current: 1999, history), 1799)
    }

    func testACurrentReductionIsItselfTheLowestPrice() {
        let history = [change(daysAgo: 1, 1999, 1499)]
        XCTAssertEqual(lowest(current: 1499, history), 1499)
    }

    func testSeveralChangesGiveTheLowestOfAllPricesCharged() {
        let history = [
            change(daysAgo: 60, nil, 2499),
            change(daysAgo: 31, 2499, 2199),
            change(daysAgo: 25, 2199, 1899),
            change(daysAgo: 15, 1899, 1699),
            change(daysAgo: 5, 1699, 2299),
        ]
        XCTAssertEqual(lowest(current: 2299, history), 1699)
    }

    func testHistoryIsReadInTimeOrderWhateverOrderItArrivesIn() {
        let history = [change(daysAgo: 20, 1299, 1999), change(daysAgo: 45, 999, 1299), change(daysAgo: 90, nil, 999)]
        XCTAssertEqual(lowest(current: 1999, history), 1299)
    }

    func testAChangeExactlyThirtyDaysAgoSetsTheStartingPriceAndItsOldPriceIsOutside() {
        let history = [change(daysAgo: 30, 999, 1999)]
        XCTAssertEqual(lowest(current: 1999, history), 1999)
        let justInside = [PriceChangeRecord(at: now.adding(days: -30).adding(seconds: 1), oldPrice: eur(999), newPrice: eur(1999), actor: "anna")]
        XCTAssertEqual(lowest(current: 1999, justInside), 999)
    }

    func testTheWindowLengthCanBeChosen() {
        let history = [change(daysAgo: 20, 999, 1999)]
        XCTAssertEqual(OmnibusReference.lowestPrice(current: eur(1999), history: history, now: now, days: 14), eur(1999))
        XCTAssertEqual(OmnibusReference.lowestPrice(current: eur(1999), history: history, now: now, days: 30), eur(999))
    }

    func testChangesAfterNowAndRemovedPricesAreIgnored() {
        let scheduled = PriceChangeRecord(at: now.adding(days: 1), oldPrice: eur(1999), newPrice: eur(499), actor: "anna")
        XCTAssertEqual(lowest(current: 1999, [scheduled]), 1999)
        let created = [change(daysAgo: 3, nil, 1999)]
        XCTAssertEqual(lowest(current: 1999, created), 1999)
        let offSale = [change(daysAgo: 10, 1999, nil), change(daysAgo: 5, nil, 2499)]
        XCTAssertEqual(lowest(current: 2499, offSale), 1999)
    }

    func testACompareAtPriceAboveTheReferenceIsWarnedAbout() throws {
        let warning = try XCTUnwrap(OmnibusReference.compareAtWarning(compareAt: eur(2999), reference: eur(1999)))
        XCTAssertTrue(warning.contains("€29.99"))
        XCTAssertTrue(warning.contains("€19.99"))
        XCTAssertTrue(warning.contains("30 days"))
    }

    func testACompareAtPriceAtOrBelowTheReferenceOrNoneAtAllIsFine() {
        XCTAssertNil(OmnibusReference.compareAtWarning(compareAt: eur(1999), reference: eur(1999)))
        XCTAssertNil(OmnibusReference.compareAtWarning(compareAt: eur(1899), reference: eur(1999)))
        XCTAssertNil(OmnibusReference.compareAtWarning(compareAt: nil, reference: eur(1999)))
    }

    func testTheReferenceAndWarningWorkTogetherAfterAReduction() throws {
        // A raise to €29.99 twelve days ago then a "sale" back to €19.99 "was €29.99" is what the rule forbids.
        let history = [change(daysAgo: 12, 1999, 2999), change(daysAgo: 1, 2999, 1999)]
        let reference = OmnibusReference.lowestPrice(current: eur(1999), history: history, now: now)
        XCTAssertEqual(reference, eur(1999))
        XCTAssertNotNil(OmnibusReference.compareAtWarning(compareAt: eur(2999), reference: reference))
    }
}
