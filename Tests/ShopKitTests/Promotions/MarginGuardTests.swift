import ShopKit
import XCTest

final class MarginGuardTests: XCTestCase {
    private typealias F = Fixture
    private let quarter = try! MarginFloor(basisPoints: 2_500)

    func testAPromotionThatKeepsTheFloorIsClean() {
        let report = MarginGuard.check(
            F.percent(1, 15), others: [], variants: [F.variant(1, price: 1_000, cost: 600)], floor: quarter)
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(report.checkedVariants, 1)
    }

    func testStackingWithAnOverlappingPromotionIsFoundWithTheCombinationResponsible() throws {
        let report = MarginGuard.check(
            F.percent(1, 15, name: "Spring"), others: [F.percent(2, 10, name: "Members")],
            variants: [F.variant(1, price: 1_000, cost: 600)], floor: quarter)
        let violation = try XCTUnwrap(report.violations.first)
        XCTAssertEqual(violation.worstUnitPrice, F.euros(765))
        XCTAssertEqual(violation.lowestAllowed, F.euros(800))
        XCTAssertEqual(violation.promotionIDs, [1, 2])
        XCTAssertFalse(violation.isBelowCost)
        XCTAssertEqual(violation.description, "SKU-1: €7.65 a unit with Spring + Members, below the margin floor (lowest €8.00)")
    }

    func testAPromotionThatDoesNotCombineOrRunsAtAnotherTimeIsNoRisk() {
        let variant = F.variant(1, price: 1_000, cost: 600)
        let exclusive = F.percent(2, 10, combines: false)
        let later = F.percent(3, 10, endsInDays: 30, startsInDays: 20)
        let report = MarginGuard.check(
            F.percent(1, 15, endsInDays: 10), others: [exclusive, later], variants: [variant], floor: quarter)
        XCTAssertTrue(report.isClean)
    }

    func testABundleIsJudgedAtThePricePerUnitOfACompleteBundle() throws {
        let variant = F.variant(1, price: 900, cost: 550)
        let report = MarginGuard.check(F.bundle(1, "3for2"), others: [], variants: [variant], floor: quarter)
        let violation = try XCTUnwrap(report.violations.first)
        XCTAssertEqual(violation.quantity, 3)
        XCTAssertEqual(violation.worstUnitPrice, F.euros(600))
        XCTAssertTrue(MarginGuard.check(F.bundle(1, "3for2"), others: [], variants: [variant], floor: .atCost).isClean)
    }

    func testAnOrderAmountIsJudgedOnTheSmallestCartThatMeetsItsMinimum() throws {
        let variant = F.variant(1, price: 2_000, cost: 1_400)
        let amount = F.amount(1, 1_000, per: .perOrder, minimumOrder: 6_000)
        let violation = try XCTUnwrap(MarginGuard.check(amount, others: [], variants: [variant], floor: quarter).violations.first)
        XCTAssertEqual(violation.quantity, 3)
        XCTAssertEqual(violation.worstUnitPrice, F.euros(1_666))
        XCTAssertTrue(MarginGuard.check(amount, others: [], variants: [variant], floor: .atCost).isClean)
    }

    func testOnlyCombinationsWhoseSchedulesShareAMomentCount() {
        let variant = F.variant(1, price: 1_000, cost: 700)
        let promotion = F.percent(1, 20, endsInDays: 10)
        let early = F.percent(2, 10, endsInDays: 5)
        let late = F.percent(3, 10, endsInDays: 10, startsInDays: 5)
        XCTAssertTrue(MarginGuard.check(promotion, others: [early, late], variants: [variant], floor: .atCost).isClean)
        let overlappingLate = F.percent(3, 10, endsInDays: 10, startsInDays: 4)
        let report = MarginGuard.check(promotion, others: [early, overlappingLate], variants: [variant], floor: .atCost)
        XCTAssertEqual(report.violations.first?.promotionIDs, [1, 2, 3])
        XCTAssertEqual(report.violations.first?.isBelowCost, true)
    }

    func testTheSearchIsCappedAndSaysWhere() {
        let others = (2...11).map { F.percent(Int64($0), 1) }
        let report = MarginGuard.check(
            F.percent(1, 10), others: others, variants: [F.variant(7, price: 1_000, cost: 100)], floor: .atCost)
        XCTAssertEqual(report.cappedVariantIDs, [7])
    }

    func testVariantsWithoutACostOrOutOfScopeAreNotJudged() {
        let variants = [F.variant(1, price: 1_000), F.variant(2, price: 1_000, cost: 900, type: "Socks")]
        let report = MarginGuard.check(
            F.percent(1, 50, scope: .category, values: "Tea"), others: [], variants: variants, floor: quarter)
        XCTAssertEqual(report.checkedVariants, 1)
        XCTAssertEqual(report.variantsWithoutCost, 1)
        XCTAssertTrue(report.isClean)
    }

    func testFreeShippingNeverLowersAVariantsPrice() {
        let free = Promotion(id: 1, name: "Free shipping", kind: .freeShipping, startsAt: F.start, combines: true)
        let report = MarginGuard.check(free, others: [F.percent(2, 90)], variants: [F.variant(1, price: 1_000, cost: 900)], floor: quarter)
        XCTAssertTrue(report.isClean)
    }

    func testViolationsAreListedLowestMarginFirst() {
        let variants = [F.variant(1, price: 1_000, cost: 700), F.variant(2, price: 1_000, cost: 900)]
        let report = MarginGuard.check(F.percent(1, 40), others: [], variants: variants, floor: .atCost)
        XCTAssertEqual(report.violations.map(\.variantID), [2, 1])
    }

    // MARK: overlaps

    func testOverlapsAreThePromotionsOnTheSameVariantsAtTheSameTime() {
        let tea1 = F.variant(1, price: 1_000, type: "Tea", tags: ["clearance"])
        let tea2 = F.variant(2, price: 1_000, type: "Tea")
        let socks = F.variant(3, price: 1_000, type: "Socks")
        var promotion = F.percent(1, 20, scope: .category, values: "Tea", endsInDays: 10)
        promotion.channel = "web"
        let shopWide = F.percent(2, 10, endsInDays: 15, startsInDays: 5)
        let clearance = F.percent(3, 30, combines: false, scope: .tag, values: "clearance", endsInDays: 30)
        let socksOnly = F.percent(4, 10, scope: .category, values: "Socks", endsInDays: 10)
        let later = F.percent(5, 10, endsInDays: 30, startsInDays: 20)
        var amazon = F.percent(6, 10)
        amazon.channel = "amazon"
        let overlaps = PromotionOverlaps.find(
            for: promotion, among: [shopWide, clearance, socksOnly, later, amazon], variants: [tea1, tea2, socks])
        XCTAssertEqual(overlaps.map(\.promotion.id), [3, 2])
        XCTAssertEqual(overlaps.map(\.combines), [false, true])
        XCTAssertEqual(overlaps.map(\.sharedVariants), [1, 2])
        XCTAssertEqual(overlaps[1].from, F.start.adding(days: 5))
        XCTAssertEqual(overlaps[1].until, F.start.adding(days: 10))
    }

    func testOverlapsCountedBatchByBatchEqualOneCountAndAFlagStopsAtTheFirstShared() {
        let variants = (1...7).map { F.variant(Int64($0), price: 1_000, type: $0 % 2 == 0 ? "Tea" : "Socks") }
        let promotion = F.percent(1, 20, endsInDays: 10)
        let teaOnly = F.percent(2, 10, scope: .category, values: "Tea", endsInDays: 10)
        let whole = PromotionOverlaps.find(for: promotion, among: [teaOnly], variants: variants)
        var tally = PromotionOverlaps.Tally(promotion: promotion, others: [teaOnly])
        for start in stride(from: 0, to: variants.count, by: 3) {
            tally.add(Array(variants[start..<min(start + 3, variants.count)]))
        }
        XCTAssertEqual(tally.overlaps, whole)
        XCTAssertEqual(whole.first?.sharedVariants, 3)

        var flag = PromotionOverlaps.Tally(promotion: promotion, others: [teaOnly])
        flag.addUntilShared([variants[0]])
        XCTAssertFalse(flag.hasOverlap, "socks are not tea")
        flag.addUntilShared(variants)
        XCTAssertTrue(flag.hasOverlap)
        XCTAssertEqual(flag.overlaps.first?.sharedVariants, 1, "it stopped at the first tea")
    }

    func testTheMarginGuardFedInBatchesReportsAsItDoesFedAtOnce() throws {
        let variants = (1...9).map { F.variant(Int64($0), price: 1_000, cost: $0 % 3 == 0 ? 900 : 300) }
        let promotion = F.percent(1, 30)
        let once = MarginGuard.check(promotion, others: [], variants: variants, floor: .atCost)
        var search = MarginGuard.Search(promotion, others: [], floor: .atCost)
        search.add(Array(variants[6...]))
        search.add(Array(variants[..<6]))
        XCTAssertEqual(search.report, once)
        XCTAssertEqual(once.violations.map(\.variantID), [3, 6, 9])
    }
}
