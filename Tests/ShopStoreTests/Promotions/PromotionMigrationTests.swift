import Foundation
import GRDB
import ShopKit
@testable import ShopStore
import XCTest

final class PromotionMigrationTests: XCTestCase {
    /// A file as the previous release left it: migrated up to v3, with promotions of each kind.
    private func makeVersion3File() throws -> String {
        let path = try makeTemporaryFolder().appendingPathComponent("v3.db").path
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = 1397245003") }
        try Schema.migrator.migrate(queue, upTo: "v3 index variants by margin")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO promotion(id, name, kind, percent_bp, amount_minor, bundle_rule, "trigger", scope, scope_value,
                                      min_order_minor, starts_at, ends_at, paused, usage_limit, per_customer_limit, combines,
                                      uses, version)
                VALUES
                    (1, 'Summer 20 %', 'percentage', 2000, NULL, NULL, 'automatic', 'category', 'Shirts', NULL,
                     '2030-06-21T00:00:00Z', '2030-07-06T00:00:00Z', 0, NULL, NULL, 0, 30, 3),
                    (2, 'Summer 10 off 60', 'fixed_amount', NULL, 1000, NULL, 'code', 'shop', '', 6000,
                     '2030-07-01T00:00:00Z', NULL, 0, 50, 1, 1, 12, 1),
                    (3, 'Tea: 3 for 2', 'buy_x_get_y', NULL, NULL, '3for2', 'automatic', 'category', 'Tea', NULL,
                     '2030-01-01T00:00:00Z', NULL, 1, NULL, NULL, 1, 92, 2);
                INSERT INTO promotion_code(promotion_id, code, uses) VALUES (2, 'SUMMER10', 12);
                """)
        }
        try queue.close()
        return path
    }

    func testOpeningAVersion3FileKeepsEveryPromotionAndGivesTheNewRulesTheirOldMeaning() throws {
        let shop = try ShopDatabase.open(path: try makeVersion3File(), actor: "jane", clock: { pinnedNow })
        XCTAssertTrue(try shop.texts("SELECT identifier FROM grdb_migrations ORDER BY rowid").contains("v4 promotion rules"))
        XCTAssertEqual(try shop.check(), [], "the codes still point at their promotions")

        let summer = try XCTUnwrap(shop.promotionFullDetail(id: 1)).promotion
        XCTAssertEqual(summer.percentBasisPoints, 2_000)
        XCTAssertEqual(summer.scopeValues, ["Shirts"])
        XCTAssertFalse(summer.combines)
        XCTAssertEqual(summer.combinableKinds, [])
        XCTAssertEqual(summer.uses, 30)
        XCTAssertEqual(summer.version, 3)

        let amount = try XCTUnwrap(shop.promotionFullDetail(id: 2))
        XCTAssertEqual(amount.promotion.amount, euro(1_000))
        XCTAssertEqual(amount.promotion.amountApplication, .perOrder)
        XCTAssertEqual(amount.promotion.minimumOrder, euro(6_000))
        XCTAssertEqual(amount.promotion.code, "SUMMER10")
        XCTAssertEqual(amount.promotion.codeMode, .shared)
        XCTAssertEqual(amount.promotion.combinableKinds, Set(PromotionKind.allCases))
        XCTAssertEqual(amount.codeUses, 12)
        XCTAssertEqual(amount.createdAt, Timestamp(iso8601: "2030-07-01T00:00:00Z"))

        let bundle = try XCTUnwrap(shop.promotionFullDetail(id: 3)).promotion
        XCTAssertEqual(bundle.buyXGetY, BuyXGetY(buy: 2, get: 1))
        XCTAssertEqual(bundle.bundleRule, "3for2")
        XCTAssertTrue(bundle.paused)
        XCTAssertFalse(bundle.marginOverride)

        let created = try shop.perform(.createPromotion(
            Promotion(name: "After the upgrade", kind: .freeShipping, startsAt: pinnedNow), overrideMarginGuard: false))
        XCTAssertEqual(created.createdID, 4, "numbering continues after the rebuilt table")
    }
}
