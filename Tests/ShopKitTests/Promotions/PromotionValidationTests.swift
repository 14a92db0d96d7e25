import ShopKit
import XCTest

final class PromotionValidationTests: XCTestCase {
    private typealias F = Fixture

    private func error(_ change: (inout Promotion) -> Void) -> ValidationError? {
        var promotion = F.percent(1, 10)
        change(&promotion)
        do {
            try promotion.validate(currency: .eur)
            return nil
        } catch {
            return error
        }
    }

    func testASoundPromotionPasses() {
        XCTAssertNil(error { _ in })
    }

    func testAScopeThatNamesNothingIsRefused() throws {
        let refusal = try XCTUnwrap(error { $0.scope = .products; $0.scopeValue = " | " })
        XCTAssertEqual(refusal.field, "scope")
        XCTAssertEqual(refusal.message, "the \"products\" scope names no products")
        XCTAssertEqual(refusal.hint, "choose at least one, or make it apply to the whole shop")
    }

    func testPercentAmountAndScheduleRulesNameTheirField() {
        XCTAssertEqual(error { $0.percentBasisPoints = 10_001 }?.field, "value")
        XCTAssertEqual(error { $0.percentBasisPoints = 0 }?.field, "value")
        XCTAssertEqual(error { $0.kind = .fixedAmount; $0.amount = F.euros(0) }?.message, "the amount off must be above zero")
        XCTAssertEqual(error { $0.endsAt = $0.startsAt }?.message, "the promotion ends before it starts")
        XCTAssertEqual(error { $0.kind = .fixedAmount; $0.amount = Money(minorUnits: 5, currency: .usd) }?.field, "value")
    }

    func testAnUnreadableBundleRuleIsRefusedWithExamples() throws {
        let refusal = try XCTUnwrap(error { $0.kind = .buyXGetY; $0.bundleRule = "buy2" })
        XCTAssertEqual(refusal.field, "value")
        XCTAssertTrue(refusal.hint.contains("buy2get1"), refusal.hint)
    }

    func testACodePromotionNeedsAWellFormedCode() {
        XCTAssertEqual(error { $0.trigger = .code }?.field, "code")
        XCTAssertEqual(error { $0.trigger = .code; $0.code = "AB" }?.message, "a code has 3 to 40 characters")
        XCTAssertTrue(error { $0.trigger = .code; $0.code = "SUM MER" }?.message.contains("cannot type reliably") ?? false)
        XCTAssertNil(error { $0.trigger = .code; $0.code = "summer_10" })
        XCTAssertNil(error { $0.trigger = .code; $0.codeMode = .unique }, "unique codes are generated later")
    }

    func testLimitsAndMinimumsMustBePositiveAndConsistent() {
        XCTAssertEqual(error { $0.minimumQuantity = 0 }?.field, "minimum_quantity")
        XCTAssertEqual(error { $0.minimumOrder = F.euros(0) }?.field, "minimum_order")
        XCTAssertEqual(error { $0.usageLimit = 0 }?.field, "usage_limit")
        XCTAssertEqual(error { $0.usageLimit = 5; $0.perCustomerLimit = 6 }?.message, "the limit per customer is above the total limit")
        XCTAssertEqual(error { $0.combinesWithKinds = [] }?.field, "combines")
    }

    func testUniqueCodeRequestsAreBounded() {
        XCTAssertThrowsError(try PromotionCode.validateRequest(count: 10_001, prefix: "X")) { error in
            XCTAssertEqual((error as? ValidationError)?.field, "count")
            XCTAssertEqual((error as? ValidationError)?.hint, "ask for 1 to 10,000")
        }
        XCTAssertThrowsError(try PromotionCode.validateRequest(count: 0, prefix: "X"))
        XCTAssertThrowsError(try PromotionCode.validateRequest(count: 5, prefix: "ÄB")) { error in
            XCTAssertEqual((error as? ValidationError)?.field, "prefix")
        }
        XCTAssertEqual(try PromotionCode.validateRequest(count: 10_000, prefix: "spring-"), "SPRING-")
    }

    // MARK: codes

    func testTheSameSeedMakesTheSameCodes() {
        var first = PromotionCodeGenerator(prefix: "SPR-", seed: 42)
        var second = PromotionCodeGenerator(prefix: "SPR-", seed: 42)
        var other = PromotionCodeGenerator(prefix: "SPR-", seed: 43)
        let codes = first.codes(count: 20) { _ in false }
        XCTAssertEqual(codes, second.codes(count: 20) { _ in false })
        XCTAssertNotEqual(codes, other.codes(count: 20) { _ in false })
    }

    func testCodesAreDistinctUnambiguousAndKeepThePrefix() throws {
        var generator = PromotionCodeGenerator(prefix: "SPR-", seed: 7)
        let codes = generator.codes(count: 2_000) { _ in false }
        XCTAssertEqual(Set(codes).count, 2_000)
        for code in codes {
            XCTAssertTrue(code.hasPrefix("SPR-"))
            XCTAssertEqual(code.count, 12)
            XCTAssertFalse(code.dropFirst(4).contains { "0O1I".contains($0) }, code)
            XCTAssertEqual(try PromotionCode.normalized(code), code)
        }
    }

    func testCodesAlreadyTakenAreSkipped() {
        var probe = PromotionCodeGenerator(prefix: "", seed: 1)
        let firstTwo = probe.codes(count: 2) { _ in false }
        var generator = PromotionCodeGenerator(prefix: "", seed: 1)
        let codes = generator.codes(count: 2) { $0 == firstTwo[0] }
        XCTAssertEqual(codes.first, firstTwo[1])
        XCTAssertEqual(codes.count, 2)
    }
}
