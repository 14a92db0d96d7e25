import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// What the stock pane plans with, read from the ledger and the orders: velocity, cover,
/// quarantine, the views, the reorder list and its CSV, reorder settings and bulk receipts.
final class StockPlanningStoreTests: XCTestCase {
    private var shop: ShopDatabase!

    override func setUpWithError() throws {
        shop = try makeInMemoryShop()
        try shop.rawExecute(Self.fixture)
    }

    /// Two mugs and a vase at Berlin, with a quarantine location. MUG sold 30 units in the last
    /// 30 days (and 100 before, and 50 cancelled); VASE sold nothing.
    static let fixture = """
        INSERT INTO location(id, code, name, kind) VALUES (1, 'BER', 'Berlin', 'warehouse'), (2, 'QUA', 'Quarantine', 'damaged');
        INSERT INTO channel(id, code, name) VALUES (1, 'web', 'Web');
        INSERT INTO product(id, handle, title, vendor, status, created_at, updated_at)
          VALUES (1, 'mug', 'Mug', 'Potter', 'active', 'x', 'x'), (2, 'vase', '=HYPERLINK("x")', 'Glassworks', 'active', 'x', 'x');
        INSERT INTO product_listing(product_id, channel_id, state) VALUES (1, 1, 'listed');
        INSERT INTO variant(id, product_id, sku, price_minor, cost_minor, created_at, updated_at)
          VALUES (1, 1, 'MUG', 1200, 450, 'x', 'x'), (2, 2, 'VASE', 4000, 1500, 'x', 'x'), (3, 1, 'MUG-XL', 1500, NULL, 'x', 'x');
        INSERT INTO stock_setting(variant_id, reorder_point, reorder_quantity, lead_time_days) VALUES (1, 10, 40, 14);
        INSERT INTO stock_movement(at, variant_id, location_id, reason, quantity, reference, actor) VALUES
          ('2030-01-01T00:00:00Z', 1, 1, 'receipt', 20, 'PO-1', 'ben'),
          ('2030-01-01T00:00:00Z', 1, 2, 'transfer_in', 3, 'QUA-1', 'ben'),
          ('2030-01-01T00:00:00Z', 2, 1, 'receipt', 50, 'PO-1', 'ben');
        INSERT INTO sales_order(id, number, placed_at, status) VALUES
          (1, 'O-1', '2030-03-01T10:00:00Z', 'shipped'), (2, 'O-2', '2030-01-10T10:00:00Z', 'shipped'),
          (3, 'O-3', '2030-03-10T10:00:00Z', 'cancelled'), (4, 'O-4', '2030-03-14T10:00:00Z', 'open');
        INSERT INTO order_line(order_id, line_no, variant_id, quantity, unit_price_minor) VALUES
          (1, 1, 1, 28, 1200), (2, 1, 1, 100, 1200), (3, 1, 1, 50, 1200), (4, 1, 1, 2, 1200);
        """

    private func item(_ sku: String, filter: String = "") throws -> StockListItem? {
        try shop.stockPage(PageRequest(.after(nil), filter: filter, limit: 50)).first { $0.sku == sku }
    }

    func testVelocityCountsTheLast30DaysOfOrdersThatWereNotCancelled() throws {
        let mug = try XCTUnwrap(item("MUG"))
        XCTAssertEqual(mug.velocity.unitsSold, 30, "28 shipped + 2 open in the window; older and cancelled orders do not count")
        XCTAssertEqual(mug.velocity.perDayText, "1.0")
        XCTAssertEqual(try item("VASE")?.velocity.unitsSold, 0)
    }

    func testQuarantinedStockIsOnHandButNotAvailable() throws {
        let mug = try XCTUnwrap(item("MUG"))
        XCTAssertEqual(mug.onHand, 23)
        XCTAssertEqual(mug.reserved, 2)
        XCTAssertEqual(mug.available, 18, "20 sellable less 2 reserved; the 3 in quarantine cannot be sold")
        XCTAssertEqual(mug.daysOfCover, 18)
        XCTAssertEqual(mug.valueAtCost, Money(minorUnits: 23 * 450, currency: .eur))
    }

    func testTheViewsSelectOutOfStockLowOverstockAndOversold() throws {
        func skus(_ filter: String) throws -> [String] { try shop.stockPage(PageRequest(.after(nil), filter: filter, limit: 50)).map(\.sku) }
        XCTAssertEqual(try skus("stock:out"), ["MUG-XL"])
        XCTAssertEqual(try skus("stock:low"), [], "18 available is above the reorder point of 10")
        XCTAssertEqual(try skus("stock:over"), ["VASE"], "50 that never sell are overstock; 18 days of mugs are not")
        XCTAssertEqual(try skus("stock:oversold"), [])
        try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .loss, quantity: -19, reference: "theft"))
        XCTAssertEqual(try skus("stock:low"), ["MUG"])
        XCTAssertEqual(try skus("stock:oversold"), ["MUG"], "1 on hand, 2 promised, listed on the web")
        XCTAssertEqual(try shop.stockCount(filter: "stock:oversold"), 1)
    }

    func testTheReorderListSuggestsByVendorFromVelocityLeadTimeAndSettings() throws {
        XCTAssertEqual(try shop.reorderList().map(\.item.sku), [], "18 available covers 14 days at 1 a day and the point of 10")
        try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .loss, quantity: -10, reference: "water damage"))
        let lines = try shop.reorderList()
        XCTAssertEqual(lines.map(\.item.sku), ["MUG"])
        XCTAssertEqual(lines.first?.vendor, "Potter")
        // Trigger max(10, 14) = 14; 8 available: 14 + 14 − 8 = 20, but the usual order is 40.
        XCTAssertEqual(lines.first?.quantity, 40)
        XCTAssertEqual(lines.first?.lineCost, Money(minorUnits: 40 * 450, currency: .eur))
    }

    func testTheReorderCSVHasAHeaderNumbersAsNumbersAndTextThatCannotRunAsAFormula() throws {
        try shop.rawExecute("""
            UPDATE product SET vendor = '@evil' WHERE id = 1;
            UPDATE product SET title = '=SUM(A1)' WHERE id = 1;
            """)
        try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .loss, quantity: -10, reference: "water damage"))
        let folder = try makeTemporaryFolder()
        let file = folder.appendingPathComponent("po.csv").path
        XCTAssertEqual(try shop.exportReorderList(to: file), 1)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let rows = text.components(separatedBy: "\r\n")
        XCTAssertEqual(rows.first, "vendor,sku,product,options,available,on_hand,reserved,sold_30_days,per_day,days_of_cover,"
                       + "reorder_point,lead_time_days,order_quantity,unit_cost,line_cost")
        XCTAssertEqual(rows[1], "'@evil,MUG,'=SUM(A1),Default,8,13,2,30,1.00,8,10,14,40,4.50,180.00")
        XCTAssertEqual(rows.last, "", "the last record ends with a line break")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["po.csv"], "no partial file is left")
    }

    func testAnExportIntoAMissingFolderFailsWithAMessageAndWritesNothing() throws {
        XCTAssertThrowsError(try shop.exportReorderList(to: "/nonexistent-folder/po.csv")) { error in
            XCTAssertTrue("\(error)".contains("cannot write"), "\(error)")
        }
    }

    func testReorderSettingsAreCreatedUpdatedAuditedAndGuardedByTheirVersion() throws {
        let created = try shop.perform(.setReorderSettings(
            variantID: 2, settings: ReorderSettings(reorderPoint: 5, reorderQuantity: 12, leadTimeDays: 21)))
        XCTAssertEqual(created.newVersion, 1)
        XCTAssertEqual(try item("VASE")?.reorder, ReorderSettings(reorderPoint: 5, reorderQuantity: 12, leadTimeDays: 21, version: 1))
        // A second manager who opened the form before the first saved.
        XCTAssertThrowsError(try shop.perform(.setReorderSettings(
            variantID: 2, settings: ReorderSettings(reorderPoint: 9, reorderQuantity: 12, leadTimeDays: 21)))) { error in
            guard case .conflict(_, _, let version, let current) = error as? WriteError else { return XCTFail("\(error)") }
            XCTAssertEqual(version, 1)
            XCTAssertEqual(current["reorder_point"], "5")
        }
        try shop.perform(.setReorderSettings(
            variantID: 2, settings: ReorderSettings(reorderPoint: 8, reorderQuantity: 12, leadTimeDays: 21, version: 1)))
        XCTAssertEqual(try shop.texts("""
            SELECT field || ' ' || COALESCE(old_value, '∅') || '→' || new_value || ' ' || actor FROM audit_log
            WHERE entity = 'stock_setting' ORDER BY id
            """), [
                "reorder_point ∅→5 jane", "reorder_quantity ∅→12 jane", "lead_time_days ∅→21 jane", "reorder_point 5→8 jane",
            ])
    }

    func testUndoPutsChangedReorderSettingsBack() throws {
        let result = try shop.perform(.setReorderSettings(
            variantID: 1, settings: ReorderSettings(reorderPoint: 25, reorderQuantity: 40, leadTimeDays: 14, version: 1)))
        try shop.perform(.undo(batchID: result.batchID))
        XCTAssertEqual(try item("MUG")?.reorder?.reorderPoint, 10)
        XCTAssertEqual(try item("MUG")?.reorder?.version, 3)
    }

    func testBadReorderSettingsAreRefusedWithAClearMessage() {
        XCTAssertThrowsError(try shop.perform(.setReorderSettings(
            variantID: 1, settings: ReorderSettings(reorderPoint: -1, reorderQuantity: 40, leadTimeDays: 14, version: 1)))) {
            XCTAssertTrue("\($0)".contains("reorder point cannot be negative"), "\($0)")
        }
    }

    func testABulkReceiptIsOneBatchOfMovementsAndAnUnknownVariantBooksNothing() throws {
        let result = try shop.perform(.receiveBatch(
            locationID: 1, items: [ReceiptItem(variantID: 1, quantity: 12), ReceiptItem(variantID: 2, quantity: 5)],
            reference: "PO-77"))
        XCTAssertEqual(try shop.texts("""
            SELECT v.sku || ' ' || m.quantity || ' ' || m.reference FROM stock_movement m JOIN variant v ON v.id = m.variant_id
            WHERE m.reason = 'receipt' AND m.reference = 'PO-77' ORDER BY m.id
            """), ["MUG 12 PO-77", "VASE 5 PO-77"])
        XCTAssertEqual(try shop.integer("SELECT count(DISTINCT batch_id) FROM audit_log WHERE batch_id = \(result.batchID)"), 1)
        let before = try shop.count("stock_movement")
        XCTAssertThrowsError(try shop.perform(.receiveBatch(
            locationID: 1, items: [ReceiptItem(variantID: 1, quantity: 1), ReceiptItem(variantID: 99, quantity: 1)], reference: "")))
        XCTAssertEqual(try shop.count("stock_movement"), before, "the first line is not booked alone")
        XCTAssertThrowsError(try shop.perform(.receiveBatch(locationID: 1, items: [], reference: ""))) {
            XCTAssertTrue("\($0)".contains("nothing to receive"), "\($0)")
        }
    }

    func testStockRowsAreFoundBySKUForAPastedDelivery() throws {
        XCTAssertEqual(try shop.stockItems(skus: ["VASE", "NOPE", "MUG"]).map(\.sku), ["MUG", "VASE"])
    }
}
