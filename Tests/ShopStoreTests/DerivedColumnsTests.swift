import DemoShop
import Foundation
import GRDB
import ShopKit
@testable import ShopStore
import XCTest

/// The columns schema v6 keeps by triggers (list counts, sellable on hand, reserved, product on
/// hand) stay equal to what they are derived from, whatever changes the sources.
final class DerivedColumnsTests: XCTestCase {
    /// Rows where a derived value differs from a fresh computation.
    private func drift(_ shop: ShopDatabase) throws -> Int64 {
        try shop.integer("""
            SELECT (SELECT count(*) FROM variant v WHERE v.sellable_on_hand <> COALESCE((SELECT SUM(l.on_hand) FROM stock_level l
                       JOIN location lo ON lo.id = l.location_id WHERE l.variant_id = v.id AND lo.kind <> 'damaged'), 0)
                     OR v.reserved <> COALESCE((SELECT SUM(ol.quantity) FROM order_line ol JOIN sales_order o ON o.id = ol.order_id
                       WHERE ol.variant_id = v.id AND o.status = 'open'), 0))
                 + (SELECT count(*) FROM product p WHERE p.on_hand <> COALESCE((SELECT SUM(l.on_hand) FROM variant v
                       JOIN stock_level l ON l.variant_id = v.id WHERE v.product_id = p.id), 0))
                 + (SELECT count(*) FROM list_count WHERE n <> CASE name WHEN 'product' THEN (SELECT count(*) FROM product)
                       WHEN 'variant' THEN (SELECT count(*) FROM variant) ELSE (SELECT count(*) FROM complaint) END)
            """) ?? -1
    }

    func testTheDemoShopAndEveryKindOfChangeKeepTheDerivedColumns() throws {
        let shop = try makeInMemoryShop()
        try shop.loadDemoShop(from: DemoShopFiles.directory, today: pinnedNow)
        XCTAssertEqual(try drift(shop), 0)
        XCTAssertGreaterThan(try shop.integer("SELECT SUM(reserved) FROM variant") ?? 0, 0)

        let variant = try XCTUnwrap(shop.integer("SELECT id FROM variant ORDER BY id LIMIT 1"))
        let quarantine = try XCTUnwrap(shop.integer("SELECT id FROM location WHERE kind = 'damaged'"))
        let berlin = try XCTUnwrap(shop.integer("SELECT id FROM location WHERE kind <> 'damaged' ORDER BY id LIMIT 1"))
        _ = try shop.perform(.recordMovement(variantID: variant, locationID: berlin, reason: .receipt, quantity: 7, reference: "t"))
        _ = try shop.perform(.transferStock(variantID: variant, from: berlin, to: quarantine, quantity: 2, reference: "t",
                                            beyondAvailable: true))
        _ = try shop.perform(.stocktake(variantID: variant, locationID: berlin, counted: 1, reference: "t"))
        XCTAssertEqual(try drift(shop), 0)

        // Orders opened, lines changed, orders closed and deleted; a location becoming a damaged one.
        try shop.rawExecute("""
            UPDATE sales_order SET status = 'open' WHERE id IN (SELECT id FROM sales_order WHERE status = 'shipped' LIMIT 5);
            UPDATE sales_order SET status = 'shipped' WHERE id IN (SELECT id FROM sales_order WHERE status = 'open' LIMIT 2);
            UPDATE order_line SET quantity = quantity + 1
              WHERE order_id IN (SELECT id FROM sales_order WHERE status = 'open') AND line_no = 1;
            UPDATE order_line SET variant_id = \(variant) WHERE id = (SELECT ol.id FROM order_line ol JOIN sales_order o ON o.id = ol.order_id
              WHERE o.status = 'open' LIMIT 1);
            DELETE FROM refund WHERE 0;
            """)
        XCTAssertEqual(try drift(shop), 0)
        try shop.rawExecute("UPDATE location SET kind = 'damaged' WHERE id = \(berlin)")
        XCTAssertEqual(try drift(shop), 0)
        _ = try shop.perform(.createProduct(fields: [.title: "Fresh"], sku: "FRESH-1", price: "9.90"))
        XCTAssertEqual(try drift(shop), 0)
        XCTAssertEqual(try shop.productCount(filter: ""), Int(try shop.count("product")))
        XCTAssertEqual(try shop.priceCount(filter: ""), Int(try shop.count("variant")))
    }

    func testTheStockFiltersReadThePartialIndexes() throws {
        let shop = try makeInMemoryShop()
        try shop.loadDemoShop(from: DemoShopFiles.directory, today: pinnedNow)
        func plan(_ sql: String) throws -> String {
            try shop.writer.read { db in try Row.fetchAll(db, sql: sql).map { $0["detail"] as String } }.joined(separator: "\n")
        }
        let stock = try plan("""
            EXPLAIN QUERY PLAN SELECT v.id FROM variant v JOIN product p ON p.id = v.product_id
            WHERE (v.sellable_on_hand - v.reserved) <= 0 ORDER BY v.sku, v.id LIMIT 20
            """)
        XCTAssertTrue(stock.contains("variant_unavailable_by_sku"), stock)
        let catalog = try plan("""
            EXPLAIN QUERY PLAN SELECT p.id FROM product p WHERE (p.status = 'active' AND p.on_hand <= 0) ORDER BY p.title, p.id LIMIT 20
            """)
        XCTAssertTrue(catalog.contains("product_active_without_stock_by_title"), catalog)
    }
}
