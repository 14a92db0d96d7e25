import ShopKit
@testable import ShopStore
import XCTest

final class PromotionWriteTests: XCTestCase {
    private var shop: ShopDatabase!

    override func setUpWithError() throws { shop = try makePromotionShop() }
    override func tearDown() { shop = nil }

    /// The refusal of a command, or nil (and a failure) when it was saved.
    private func refusal(_ command: WriteCommand, file: StaticString = #filePath, line: UInt = #line) -> WriteError? {
        do {
            let result = try shop.perform(command)
            XCTFail("the write succeeded: \(result)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func create(_ promotion: Promotion, override: Bool = false) throws -> Int64 {
        try XCTUnwrap(shop.perform(.createPromotion(promotion, overrideMarginGuard: override)).createdID)
    }

    func testCreatingAPromotionSavesItWithItsCodeAndAuditsEveryField() throws {
        let id = try create(teaPromotion(percent: 10, code: "spring10"))
        let detail = try XCTUnwrap(shop.promotionFullDetail(id: id))
        XCTAssertEqual(detail.promotion.code, "SPRING10")
        XCTAssertEqual(detail.promotion.percentBasisPoints, 1_000)
        XCTAssertEqual(detail.codeCount, 1)
        XCTAssertEqual(detail.state, .active)
        XCTAssertEqual(detail.createdAt, pinnedNow)
        XCTAssertFalse(detail.promotion.marginOverride)
        let audit = try shop.auditFields(id: id)
        XCTAssertEqual(audit["name"]?.new, "Tea week")
        XCTAssertEqual(audit["percent_bp"]?.new, "1000")
        XCTAssertEqual(audit["code"]?.new, "SPRING10")
        XCTAssertEqual(audit["scope_value"]?.new, "Tea")
        XCTAssertEqual(try shop.texts("SELECT command || '/' || actor FROM audit_batch"), ["create promotion/jane"])
    }

    func testACodeAlreadyInUseIsRefused() throws {
        _ = try create(teaPromotion(percent: 10, code: "SPRING10"))
        let error = refusal(.createPromotion(teaPromotion("Again", percent: 5, code: "spring10"), overrideMarginGuard: false))
        guard case .invalid(let validation)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(validation.field, "code")
        XCTAssertEqual(validation.message, "code SPRING10 is already in use by \"Tea week\"")
        XCTAssertEqual(try shop.count("promotion"), 1)
    }

    func testAnInvalidPromotionIsRefusedBeforeAnythingIsWritten() throws {
        var promotion = teaPromotion(percent: 10)
        promotion.scopeValue = ""
        let error = refusal(.createPromotion(promotion, overrideMarginGuard: false))
        guard case .invalid(let validation)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(validation.field, "scope")
        XCTAssertEqual(try shop.count("audit_batch"), 0)
    }

    func testAnUnknownChannelIsRefusedAndAKnownOneIsSpelledAsTheShopDoes() throws {
        var promotion = teaPromotion(percent: 10)
        promotion.channel = "ebay"
        guard case .invalid(let validation)? = refusal(.createPromotion(promotion, overrideMarginGuard: false))
        else { return XCTFail("not refused") }
        XCTAssertEqual(validation.hint, "channels are web, amazon")
        promotion.channel = "WEB"
        XCTAssertEqual(try shop.promotionFullDetail(id: create(promotion))?.promotion.channel, "web")
    }

    func testAnEditAtTheSeenVersionIsAuditedAndAStaleOneIsAConflict() throws {
        let id = try create(teaPromotion(percent: 10, code: "SPRING10"))
        var edited = try XCTUnwrap(shop.promotionFullDetail(id: id)).promotion
        edited.percentBasisPoints = 1_500
        edited.code = "SPRING15"
        let result = try shop.perform(.editPromotion(id: id, expectedVersion: 1, edited, overrideMarginGuard: false))
        XCTAssertEqual(result.newVersion, 2)
        XCTAssertEqual(Set(result.changes.map(\.field)), ["percent_bp", "code"])
        XCTAssertTrue(result.changes.contains(FieldChange(field: "percent_bp", oldValue: "1000", newValue: "1500")))
        XCTAssertEqual(try shop.texts("SELECT code FROM promotion_code"), ["SPRING15"])
        let stale = refusal(.editPromotion(id: id, expectedVersion: 1, edited, overrideMarginGuard: false))
        guard case .conflict(_, _, let version, _)? = stale else { return XCTFail("\(String(describing: stale))") }
        XCTAssertEqual(version, 2)
    }

    func testAPromotionChangeIsNotUndoneSilently() throws {
        let id = try create(teaPromotion(percent: 10))
        let paused = try shop.perform(.setPromotionPaused(id: id, expectedVersion: 1, paused: true, overrideMarginGuard: false))
        guard case .invalid(let validation)? = refusal(.undo(batchID: paused.batchID)) else { return XCTFail("not refused") }
        XCTAssertEqual(validation.message, "promotion changes are not undone")
        XCTAssertEqual(try shop.promotionFullDetail(id: id)?.promotion.paused, true)
    }

    // MARK: the margin guard

    func testASaveBelowTheMarginFloorIsRefusedWithTheVariantsAndNothingIsWritten() throws {
        let error = refusal(.createPromotion(teaPromotion(percent: 40), overrideMarginGuard: false))
        guard case .promotionBelowMargin(let violations)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(violations.map(\.sku), ["TEA-1", "TEA-2"])
        XCTAssertEqual(violations[0].worstUnitPrice, euro(600))
        XCTAssertEqual(violations[0].lowestAllowed, euro(800))
        XCTAssertEqual(violations[0].promotionNames, ["Tea week"])
        XCTAssertTrue(error!.description.hasPrefix("2 variants would sell below the margin floor: TEA-1: €6.00 a unit"))
        XCTAssertEqual(try shop.count("promotion"), 0)
        XCTAssertEqual(try shop.count("audit_batch"), 0)
    }

    func testTheGuardWeighsThePromotionsItWouldStackWith() throws {
        _ = try create(teaPromotion("Members", percent: 15))
        let error = refusal(.createPromotion(teaPromotion("Spring", percent: 10), overrideMarginGuard: false))
        guard case .promotionBelowMargin(let violations)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(violations.first?.promotionNames, ["Members", "Spring"])
        XCTAssertNoThrow(try create(teaPromotion("Spring alone", percent: 10, combines: false)))
    }

    func testAnOverriddenSaveIsAuditedAndFlaggedOnThePromotion() throws {
        let id = try create(teaPromotion("Clearance", percent: 40), override: true)
        let detail = try XCTUnwrap(shop.promotionFullDetail(id: id))
        XCTAssertTrue(detail.promotion.marginOverride)
        XCTAssertEqual(detail.overrideNote?.hasPrefix("2 below the floor: TEA-1: €6.00 a unit"), true)
        let audit = try shop.auditFields(id: id)
        XCTAssertEqual(audit["margin_override"]?.new, "1")
        XCTAssertNotNil(audit["margin_guard_override"]?.new)
        let listed = try shop.promotionPage(PageRequest(.after(nil), limit: 10))
        XCTAssertEqual(listed.first?.promotion.marginOverride, true, "lists can flag the override")
    }

    func testAMarginPreviewWritesNothing() throws {
        let report = try shop.marginGuardPreview(teaPromotion(percent: 40))
        XCTAssertEqual(report.violations.count, 2)
        XCTAssertEqual(report.checkedVariants, 2)
        XCTAssertEqual(try shop.count("audit_batch"), 0)
    }

    // MARK: pause, resume, duplicate, end

    func testPauseAndResumeAreAuditedAndResumingRunsTheGuardAgain() throws {
        let id = try create(teaPromotion(percent: 10))
        let paused = try shop.perform(.setPromotionPaused(id: id, expectedVersion: 1, paused: true, overrideMarginGuard: false))
        XCTAssertEqual(paused.changes, [FieldChange(field: "paused", oldValue: "0", newValue: "1")])
        XCTAssertEqual(try shop.promotionFullDetail(id: id)?.state, .paused)
        try shop.rawExecute("UPDATE variant SET cost_minor = 800 WHERE id = 1")
        let refused = refusal(.setPromotionPaused(id: id, expectedVersion: 2, paused: false, overrideMarginGuard: false))
        guard case .promotionBelowMargin(let violations)? = refused else { return XCTFail("\(String(describing: refused))") }
        XCTAssertEqual(violations.map(\.sku), ["TEA-1"])
        let resumed = try shop.perform(.setPromotionPaused(id: id, expectedVersion: 2, paused: false, overrideMarginGuard: true))
        XCTAssertEqual(resumed.newVersion, 3)
        XCTAssertEqual(try shop.promotionFullDetail(id: id)?.promotion.marginOverride, true)
        XCTAssertEqual(try shop.texts("SELECT command FROM audit_batch ORDER BY id").suffix(2),
                       ["pause promotion \(id)", "resume promotion \(id)"])
    }

    func testDuplicatingMakesAPausedCopyWithoutCodes() throws {
        let id = try create(teaPromotion(percent: 10, code: "SPRING10"))
        let copy = try XCTUnwrap(shop.perform(.duplicatePromotion(id: id)).createdID)
        let detail = try XCTUnwrap(shop.promotionFullDetail(id: copy))
        XCTAssertEqual(detail.promotion.name, "Tea week (copy)")
        XCTAssertEqual(detail.state, .paused)
        XCTAssertEqual(detail.codeCount, 0)
        XCTAssertEqual(detail.promotion.percentBasisPoints, 1_000)
        XCTAssertEqual(try shop.auditFields(id: copy)["copied_from"]?.new, String(id))
    }

    func testEndingNowSetsTheEndToThisMoment() throws {
        let id = try create(teaPromotion(percent: 10))
        let result = try shop.perform(.endPromotionNow(id: id, expectedVersion: 1))
        XCTAssertEqual(result.changes.first?.newValue, pinnedNow.iso8601)
        XCTAssertEqual(try shop.promotionFullDetail(id: id)?.state, .expired)
        XCTAssertNotNil(refusal(.endPromotionNow(id: id, expectedVersion: 2)), "already ended")
    }

    func testAPromotionNotStartedIsNotEndedButPaused() throws {
        var scheduled = teaPromotion(percent: 10)
        scheduled.startsAt = pinnedNow.adding(days: 2)
        let id = try create(scheduled)
        guard case .invalid(let validation)? = refusal(.endPromotionNow(id: id, expectedVersion: 1))
        else { return XCTFail("not refused") }
        XCTAssertEqual(validation.hint, "pause it, or move its start")
    }

    // MARK: codes

    func testGeneratedCodesAreUniqueAcrossTheShopAuditedAndReadInWindows() throws {
        var promotion = teaPromotion(percent: 10, code: nil)
        promotion.trigger = .code
        promotion.codeMode = .unique
        let id = try create(promotion)
        let first = try shop.perform(.generatePromotionCodes(promotionID: id, count: 500, prefix: "spr-", seed: 9))
        XCTAssertTrue(first.changes.contains(FieldChange(field: "codes", oldValue: "0", newValue: "500")))
        // The same seed again makes the same codes first: they are taken, so others are made.
        _ = try shop.perform(.generatePromotionCodes(promotionID: id, count: 500, prefix: "SPR-", seed: 9))
        XCTAssertEqual(try shop.integer("SELECT count(DISTINCT code) FROM promotion_code WHERE promotion_id = \(id)"), 1_000)
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM promotion_code WHERE code NOT LIKE 'SPR-%'"), 0)
        XCTAssertEqual(try shop.promotionCodeCount(promotionID: id), 1_000)

        let walked = try walkBothWays(limit: 128) { try shop.promotionCodePage(promotionID: id, $0) }
        XCTAssertEqual(walked.forward.count, 1_000)
        XCTAssertEqual(walked.forward, walked.forward.sorted())
        XCTAssertEqual(walked.backward, walked.forward)
        var exported: [String] = []
        try shop.exportPromotionCodes(promotionID: id) { exported.append($0.code) }
        XCTAssertEqual(exported.count, 1_000)
        XCTAssertEqual(Set(exported).count, 1_000)
    }

    func testAnAutomaticPromotionTakesNoCodesAndTooManyAreRefused() throws {
        let id = try create(teaPromotion(percent: 10))
        guard case .invalid(let validation)? = refusal(.generatePromotionCodes(promotionID: id, count: 5, prefix: "", seed: 1)) else { return XCTFail("not refused") }
        XCTAssertEqual(validation.field, "trigger")
        guard case .invalid(let count)? = refusal(.generatePromotionCodes(promotionID: id, count: 10_001, prefix: "", seed: 1)) else { return XCTFail("not refused") }
        XCTAssertEqual(count.field, "count")
    }
}
