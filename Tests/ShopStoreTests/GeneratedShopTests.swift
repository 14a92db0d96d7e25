import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// A generated shop of 2,000 products: whole (foreign keys, the stock ledger, the search index),
/// scaled as planned, and the same for the same seed.
final class GeneratedShopTests: XCTestCase {
    static let plan = GeneratorPlan(products: 2_000, seed: 3, today: pinnedNow)

    private func generate(_ plan: GeneratorPlan = plan) throws -> (ShopDatabase, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("generated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shop.db").path
        try ShopGenerator.generate(path: path, plan: plan, actor: "generator")
        return (try ShopDatabase.open(path: path, actor: "jane", clock: { pinnedNow }), path)
    }

    func testAGeneratedShopPassesTheIntegrityForeignKeyAndLedgerChecks() throws {
        let (shop, _) = try generate()
        XCTAssertEqual(try shop.check(), [])
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM variant v WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.id = v.product_id)"), 0)
        // Every level is the sum of its ledger and every ledger pair has a level.
        XCTAssertEqual(try shop.integer("""
            SELECT count(*) FROM (SELECT variant_id, location_id, SUM(quantity) AS q FROM stock_movement GROUP BY 1, 2) m
            LEFT JOIN stock_level l USING (variant_id, location_id) WHERE l.on_hand IS NOT m.q
            """), 0)
        XCTAssertEqual(try shop.text("PRAGMA journal_mode"), "wal")
    }

    func testCountsScaleWithTheNumberOfProducts() throws {
        let (shop, _) = try generate()
        XCTAssertEqual(try shop.count("product"), 2_000)
        let variants = try shop.count("variant")
        XCTAssertTrue((5_000...7_000).contains(variants), "about three variants per product, got \(variants)")
        XCTAssertEqual(try shop.count("location"), 4)
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM location WHERE kind = 'damaged'"), 1)
        XCTAssertEqual(try shop.count("customer"), 200)
        XCTAssertEqual(try shop.count("sales_order"), 500)
        XCTAssertGreaterThan(try shop.count("order_line"), 500)
        XCTAssertEqual(try shop.count("promotion"), 20)
        XCTAssertEqual(try shop.count("complaint"), 20)
        XCTAssertGreaterThan(try shop.count("stock_movement"), variants)
        XCTAssertGreaterThan(try shop.count("stock_setting"), 0)
        XCTAssertGreaterThan(try shop.integer("SELECT count(*) FROM sales_order WHERE status = 'open'") ?? 0, 0)
        XCTAssertGreaterThan(try shop.integer("SELECT count(*) FROM stock_level WHERE location_id = 4") ?? 0, 0)
        XCTAssertGreaterThan(try shop.integer("SELECT count(*) FROM product WHERE title <> CAST(title AS BLOB) OR vendor GLOB '*[^ -~]*'") ?? 0, 0)
        // One audit batch says the shop was generated; nothing else was audited.
        XCTAssertEqual(try shop.count("audit_batch"), 1)
        XCTAssertEqual(try shop.text("SELECT command FROM audit_batch"), "generate shop")
    }

    func testTheSearchIndexAndTheListsWork() throws {
        let (shop, _) = try generate()
        let vendor = try XCTUnwrap(shop.text("SELECT vendor FROM product WHERE id = 7"))
        let word = String(vendor.split(separator: " ").first!)
        XCTAssertGreaterThan(try shop.productCount(filter: word), 0)
        XCTAssertEqual(try shop.productCount(filter: ""), 2_000)
        XCTAssertEqual(try shop.productPage(PageRequest(.after(nil), filter: "", limit: 20)).count, 20)
        XCTAssertEqual(try shop.stockPage(PageRequest(.after(nil), filter: "stock:out", limit: 20)).count, 20)
    }

    func testTheSameSeedGivesTheSameShop() throws {
        let (first, _) = try generate()
        let (second, _) = try generate()
        let digest = """
            SELECT group_concat(title || vendor || status, '|') FROM (SELECT * FROM product ORDER BY id LIMIT 300)
            """
        XCTAssertEqual(try first.text(digest), try second.text(digest))
        XCTAssertEqual(try first.integer("SELECT SUM(quantity * variant_id) FROM stock_movement"),
                       try second.integer("SELECT SUM(quantity * variant_id) FROM stock_movement"))
        let (other, _) = try generate(GeneratorPlan(products: 2_000, seed: 4, today: pinnedNow))
        XCTAssertNotEqual(try first.text(digest), try other.text(digest))
    }
}
