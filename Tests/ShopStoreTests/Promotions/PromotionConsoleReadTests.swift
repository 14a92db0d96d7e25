import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// The reads the promotions and pricing panes add: the state filter judged at the store's clock,
/// batched reads for the rows on screen, and the codes written to a CSV file.
final class PromotionConsoleReadTests: XCTestCase {
    private var shop: ShopDatabase!

    override func setUpWithError() throws { shop = try makePromotionShop() }
    override func tearDown() { shop = nil }

    private func create(_ promotion: Promotion) throws -> Int64 {
        try XCTUnwrap(shop.perform(.createPromotion(promotion, overrideMarginGuard: false)).createdID)
    }

    private func names(_ filter: String) throws -> [String] {
        try shop.promotionPage(PageRequest(.after(nil), filter: filter, limit: 50)).map(\.promotion.name).sorted()
    }

    func testTheStateFilterDerivesTheStateFromTheStoresClock() throws {
        _ = try create(teaPromotion("Running", percent: 5))
        var later = teaPromotion("Later", percent: 5)
        later.startsAt = pinnedNow.adding(days: 3)
        _ = try create(later)
        var ended = teaPromotion("Ended", percent: 5)
        ended.startsAt = pinnedNow.adding(days: -10)
        ended.endsAt = pinnedNow.adding(days: -2)
        _ = try create(ended)
        var endsNow = teaPromotion("Ends now", percent: 5)
        endsNow.endsAt = pinnedNow
        _ = try create(endsNow)
        let paused = try create(teaPromotion("Paused", percent: 5))
        _ = try shop.perform(.setPromotionPaused(id: paused, expectedVersion: 1, paused: true, overrideMarginGuard: false))
        var limited = teaPromotion("Used up", percent: 5)
        limited.usageLimit = 2
        let usedUp = try create(limited)
        try shop.rawExecute("UPDATE promotion SET uses = 2 WHERE id = \(usedUp)")

        XCTAssertEqual(try names("state:active"), ["Running"])
        XCTAssertEqual(try names("state:scheduled"), ["Later"])
        XCTAssertEqual(try names("state:expired"), ["Ended", "Ends now"], "the end moment itself is excluded")
        XCTAssertEqual(try names("state:paused"), ["Paused"])
        XCTAssertEqual(try names("state:exhausted"), ["Used up"])
        XCTAssertEqual(try shop.promotionCount(filter: "state:running"), 1, "running is another word for active")
        XCTAssertEqual(try shop.promotionCount(filter: "state:active Run"), 1)
        XCTAssertEqual(try shop.promotionCount(filter: "state:soon"), 0, "an unknown state matches nothing")
    }

    func testTheStateFilterAgreesWithTheDomainForEveryPromotion() throws {
        for days in [-5, -1, 0, 2] {
            var promotion = teaPromotion("Starts \(days)", percent: 5)
            promotion.startsAt = pinnedNow.adding(days: Int64(days))
            promotion.endsAt = pinnedNow.adding(days: Int64(days) + 3)
            _ = try create(promotion)
        }
        let all = try shop.promotionPage(PageRequest(.after(nil), limit: 50)).map(\.promotion)
        for state in PromotionState.allCases {
            let expected = all.filter { $0.state(at: pinnedNow) == state }.map(\.name).sorted()
            XCTAssertEqual(try names("state:\(state.rawValue)"), expected, state.rawValue)
        }
    }

    func testSummariesAreReadForTheIdsAskedOnly() throws {
        _ = try create(teaPromotion("Tea week", percent: 5))
        let summaries = try shop.variantPromotionSummaries(ids: [1, 3, 99])
        XCTAssertEqual(Set(summaries.keys), [1, 3], "an unknown id is left out")
        XCTAssertEqual(summaries[1]?.quote.effectiveUnitPrice, euro(950))
        XCTAssertEqual(summaries[1]?.activePromotions.map(\.name), ["Tea week"])
        XCTAssertEqual(summaries[3]?.activePromotions, [], "socks are not tea")
        XCTAssertEqual(try shop.variantPromotionSummaries(ids: []), [:])
    }

    func testOverlapFlagsMarkOnlyPromotionsMeetingAnotherOnAVariant() throws {
        let first = try create(teaPromotion("Tea week", percent: 5))
        let second = try create(teaPromotion("Tea code", percent: 5, code: "TEA5"))
        var socks = teaPromotion("Socks", percent: 5)
        socks.scopeValue = "Socks"
        let alone = try create(socks)
        XCTAssertEqual(try shop.overlappingPromotionIDs(among: [first, second, alone]), [first, second])
    }

    private func scopeStamp() throws -> Int64 {
        try shop.writer.read { db in try Int64.fetchOne(db, sql: "SELECT n FROM scope_stamp") ?? -1 }
    }

    func testTheScopeStampMovesWithWhatScopesNameAndNotWithPrices() throws {
        let start = try scopeStamp()
        _ = try shop.perform(.updateVariants([VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "11.00"])], overrideMarginFloor: false))
        XCTAssertEqual(try scopeStamp(), start, "a price change names nothing a scope can")
        try shop.rawExecute("UPDATE product SET product_type = 'Herbal tea' WHERE id = 1")
        XCTAssertEqual(try scopeStamp(), start + 1)
        _ = try create(teaPromotion("Tea week", percent: 5))
        XCTAssertEqual(try scopeStamp(), start + 2, "a new promotion")
        try shop.rawExecute("UPDATE variant SET sku = 'TEA-9' WHERE id = 2")
        XCTAssertEqual(try scopeStamp(), start + 3)
    }

    func testOverlapFlagsAreKeptUntilTheScopeStampMoves() throws {
        let tea = try create(teaPromotion("Tea week", percent: 5))
        var socks = teaPromotion("Socks", percent: 5)
        socks.scopeValue = "Socks"
        let alone = try create(socks)
        XCTAssertEqual(try shop.overlappingPromotionIDs(among: [tea, alone]), [])
        // A change the stamp does not see (its trigger removed) leaves the kept flags as they were…
        try shop.rawExecute("""
            DROP TRIGGER scope_stamp_promotion_update;
            UPDATE promotion SET scope_value = 'Socks' WHERE id = \(tea);
            """)
        XCTAssertEqual(try shop.overlappingPromotionIDs(among: [tea, alone]), [], "kept while the stamp stands")
        // …and once the stamp moves they are judged again.
        try shop.rawExecute("UPDATE scope_stamp SET n = n + 1")
        XCTAssertEqual(try shop.overlappingPromotionIDs(among: [tea, alone]), [tea, alone])
    }

    func testTheCodesOfAPromotionAreWrittenToACSVFileWithFormulaLikeCodesGuarded() throws {
        let id = try create(teaPromotion("Tea code", percent: 5, code: "TEA5"))
        _ = try shop.perform(.generatePromotionCodes(promotionID: id, count: 3, prefix: "-X", seed: 7))
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("codes.csv").path
        XCTAssertEqual(try shop.exportPromotionCodes(promotionID: id, to: path), 4)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\r\n").map(String.init)
        XCTAssertEqual(lines.first, "code,uses,orders")
        XCTAssertEqual(lines[1], "TEA5,0,0")
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines.dropFirst(2).allSatisfy { $0.hasPrefix("'-X") }, "a code starting with - is guarded: \(lines)")
        XCTAssertEqual(try shop.promotionScopeSKUs(id: id, limit: 1), ["TEA-1"])
    }
}
