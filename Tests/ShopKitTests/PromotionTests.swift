import ShopKit
import XCTest

final class PromotionTests: XCTestCase {
    private let now = Timestamp(secondsSince1970: 1_795_183_500)

    private func state(
        startsIn start: Int64, endsIn end: Int64? = nil, paused: Bool = false, uses: Int64 = 0, limit: Int64? = nil
    ) -> PromotionState {
        PromotionState.derive(
            now: now, startsAt: now.adding(seconds: start), endsAt: end.map { now.adding(seconds: $0) },
            paused: paused, uses: uses, usageLimit: limit)
    }

    func testPromotionBeforeItsStartIsScheduled() {
        XCTAssertEqual(state(startsIn: 60), .scheduled)
        XCTAssertEqual(state(startsIn: 86_400, endsIn: 2 * 86_400), .scheduled)
    }

    func testPromotionFromItsStartUntilItsEndIsActive() {
        XCTAssertEqual(state(startsIn: 0), .active)
        XCTAssertEqual(state(startsIn: -60), .active)
        XCTAssertEqual(state(startsIn: -60, endsIn: 1), .active)
        XCTAssertEqual(state(startsIn: -60, uses: 9, limit: 10), .active)
    }

    func testPromotionAtOrAfterItsEndIsExpired() {
        XCTAssertEqual(state(startsIn: -60, endsIn: 0), .expired)
        XCTAssertEqual(state(startsIn: -60, endsIn: -1), .expired)
    }

    func testPausedPromotionIsPausedEvenBeforeItsStart() {
        XCTAssertEqual(state(startsIn: -60, paused: true), .paused)
        XCTAssertEqual(state(startsIn: 60, paused: true), .paused)
    }

    func testPromotionThatReachedItsUsageLimitIsExhausted() {
        XCTAssertEqual(state(startsIn: -60, uses: 10, limit: 10), .exhausted)
        XCTAssertEqual(state(startsIn: -60, uses: 11, limit: 10), .exhausted)
    }

    func testExpiryOutranksExhaustionWhichOutranksPauseWhichOutranksSchedule() {
        XCTAssertEqual(state(startsIn: -60, endsIn: -1, paused: true, uses: 10, limit: 10), .expired)
        XCTAssertEqual(state(startsIn: -60, endsIn: 60, paused: true, uses: 10, limit: 10), .exhausted)
        XCTAssertEqual(state(startsIn: 60, uses: 10, limit: 10), .exhausted)
        XCTAssertEqual(state(startsIn: 60, endsIn: 120, paused: true), .paused)
    }

    func testPromotionStateUsesItsOwnScheduleAndCounters() {
        let promotion = Promotion(
            name: "Winter 15 %", kind: .percentage, percentBasisPoints: 1_500, startsAt: now.adding(days: -1),
            endsAt: now.adding(days: 1), usageLimit: 5, uses: 4)
        XCTAssertEqual(promotion.state(at: now), .active)
        XCTAssertEqual(promotion.state(at: now.adding(days: -2)), .scheduled)
        XCTAssertEqual(promotion.state(at: now.adding(days: 1)), .expired)
        XCTAssertEqual(promotion.valueText, "15.0%")
    }

    private func validationError(
        name: String = "Summer", kind: PromotionKind = .percentage, percent: Int64? = 1_500, amount: Money? = nil,
        endsIn: Int64? = nil
    ) -> ValidationError? {
        do {
            try Promotion.validate(
                name: name, kind: kind, percentBasisPoints: percent, amount: amount, startsAt: now,
                endsAt: endsIn.map { now.adding(seconds: $0) })
            return nil
        } catch {
            return error
        }
    }

    func testSoundPromotionsPassValidation() {
        XCTAssertNil(validationError())
        XCTAssertNil(validationError(percent: 10_000))
        XCTAssertNil(validationError(percent: 1))
        XCTAssertNil(validationError(endsIn: 1))
        XCTAssertNil(validationError(kind: .fixedAmount, percent: nil, amount: Money(minorUnits: 1, currency: .eur)))
        XCTAssertNil(validationError(kind: .freeShipping, percent: nil))
    }

    func testPercentageOverOneHundredIsRefused() throws {
        let error = try XCTUnwrap(validationError(percent: 10_001))
        XCTAssertEqual(error.field, "value")
        XCTAssertTrue(error.message.contains("at most 100"), error.message)
    }

    func testPercentageAtOrBelowZeroOrMissingIsRefused() throws {
        for percent: Int64? in [0, -100, nil] {
            let error = try XCTUnwrap(validationError(percent: percent), "\(String(describing: percent))")
            XCTAssertEqual(error.field, "value")
            XCTAssertTrue(error.message.contains("above 0"), error.message)
        }
    }

    func testFixedAmountOfZeroOrNoneIsRefused() throws {
        XCTAssertEqual(validationError(kind: .fixedAmount, percent: nil, amount: Money.zero(.eur))?.field, "value")
        XCTAssertEqual(validationError(kind: .fixedAmount, percent: nil, amount: nil)?.field, "value")
    }

    func testEndAtOrBeforeTheStartIsRefused() throws {
        for end: Int64 in [0, -1, -86_400] {
            let error = try XCTUnwrap(validationError(endsIn: end))
            XCTAssertEqual(error.field, "ends_at")
            XCTAssertTrue(error.message.contains("ends before it starts"), error.message)
        }
    }

    func testEmptyOrBlankNameIsRefused() throws {
        for name in ["", "   "] {
            let error = try XCTUnwrap(validationError(name: name))
            XCTAssertEqual(error.field, "name")
            XCTAssertTrue(error.message.contains("empty"), error.message)
        }
    }

    func testValueAndScopeTextsDescribeThePromotion() {
        let start = now
        XCTAssertEqual(Promotion(name: "a", kind: .fixedAmount, amount: Money(minorUnits: 1_000, currency: .eur), startsAt: start).valueText, "€10.00")
        XCTAssertEqual(Promotion(name: "a", kind: .buyXGetY, bundleRule: "buy2get1", startsAt: start).valueText, "buy2get1")
        XCTAssertEqual(Promotion(name: "a", kind: .freeShipping, startsAt: start).scopeText, "whole shop")
        XCTAssertEqual(Promotion(name: "a", kind: .freeShipping, scope: .products, scopeValue: "a|b", startsAt: start).scopeText, "products: a, b")
        XCTAssertEqual(Promotion(name: "a", kind: .freeShipping, scope: .vendor, scopeValue: "Fjällvik", startsAt: start).scopeText, "vendor: Fjällvik")
    }
}
