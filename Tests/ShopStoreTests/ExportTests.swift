import Foundation
import ShopKit
@testable import ShopStore
import XCTest

final class ExportTests: XCTestCase {
    func testExportedProductsImportBackUnchanged() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        _ = try shop.importProducts(from: try folder.write("products.csv", shopifyProductsCSV))
        let exported = folder.file("export.csv")
        try shop.export(.products, to: exported)
        let again = try shop.importProducts(from: exported)
        XCTAssertEqual(again.productsUnchanged, 2)
        XCTAssertEqual(again.variantsUnchanged, 3)
        XCTAssertFalse(again.changedAnything, "\(again.lines)")
        XCTAssertEqual(again.rejected, 0)

        // Into an empty shop, the export makes the same products.
        let other = try makeInMemoryShop()
        let copied = try other.importProducts(from: exported)
        XCTAssertEqual(copied.productsCreated, 2)
        XCTAssertEqual(copied.variantsCreated, 3)
        XCTAssertEqual(try other.text("SELECT body_html FROM product WHERE handle = 'clay-pot'"), "<p>Classic\r\nclay\u{00A0}pot</p>")
    }

    func testFormulaLikeTextIsGuardedNumbersStayNumbersAndTheRoundTripKeepsTheText() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        let text = """
            Handle,Title,Vendor,Type,Tags,Variant SKU,Variant Price,Variant Inventory Qty
            evil,"=HYPERLINK(""http://evil"",""x"")",@SUM(A1),+1,-1+1,\u{200B}=1+1,19.99,0

            """
        let imported = try shop.importProducts(from: try folder.write("evil.csv", text))
        XCTAssertEqual(imported.productsCreated, 1, "\(imported.lines)")
        try shop.rawExecute("INSERT INTO stock_movement(at, variant_id, location_id, reason, quantity, reference, actor) "
            + "VALUES ('2030-01-01T00:00:00Z', 1, 1, 'adjustment', -3, 'broken', 'jane')")
        try shop.export(.products, to: folder.file("products-out.csv"))
        let products = try folder.read("products-out.csv")
        XCTAssertTrue(products.contains("evil,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,'@SUM(A1),,'+1,'-1+1,"), products)
        XCTAssertTrue(products.contains(",'\u{200B}=1+1,"), products)
        XCTAssertTrue(products.contains(",-3,19.99,"), "a negative quantity and a price are numbers: \(products)")
        let again = try shop.importProducts(from: folder.file("products-out.csv"))
        XCTAssertFalse(again.changedAnything, "\(again.lines)")
        XCTAssertEqual(try shop.text("SELECT title FROM product"), "=HYPERLINK(\"http://evil\",\"x\")")

        try shop.export(.stock, to: folder.file("stock.csv"))
        XCTAssertTrue(try folder.read("stock.csv").contains(",main,Main warehouse,-3\r\n"))
    }

    func testPlainExportsHaveHeadersAndOneRowPerRecord() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        _ = try shop.importProducts(from: try folder.write("products.csv", shopifyProductsCSV))
        XCTAssertEqual(try shop.export(.prices, to: folder.file("prices.csv")), 3)
        let prices = try folder.read("prices.csv").components(separatedBy: "\r\n")
        XCTAssertEqual(prices[0], "sku,handle,title,options,status,price,compare_at_price,cost,margin_percent")
        XCTAssertTrue(prices.contains("POT-R,clay-pot,Clay Plant Pot,Regular,active,9.99,,4.10,58.96"), "\(prices)")
        XCTAssertEqual(try shop.export(.complaints, to: folder.file("complaints.csv")), 0)
        XCTAssertEqual(try folder.read("complaints.csv").components(separatedBy: "\r\n").first?.hasPrefix("id,opened_at,status"), true)
        let auditRows = try shop.export(.audit, to: folder.file("audit.csv"))
        XCTAssertEqual(Int64(auditRows), try shop.count("audit_log"))
        XCTAssertTrue(try folder.read("audit.csv").contains(",import products,products.csv,"))
    }

    func testExportsPageThroughMoreRowsThanOneWindow() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        var rows = ["Handle,Title,Variant SKU,Variant Price"]
        for index in 1...(ShopDatabase.exportWindow * 2 + 7) { rows.append("p\(index),Product \(index),SKU-\(index),1.00") }
        _ = try shop.importProducts(from: try folder.write("many.csv", rows.joined(separator: "\n")))
        XCTAssertEqual(try shop.export(.products, to: folder.file("out.csv")), ShopDatabase.exportWindow * 2 + 7)
        XCTAssertEqual(try shop.export(.prices, to: folder.file("prices.csv")), ShopDatabase.exportWindow * 2 + 7)
    }
}
