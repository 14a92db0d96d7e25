import Foundation
import ShopKit
@testable import ShopStore
import XCTest

final class ProductImportTests: XCTestCase {
    func testShopifyFileImportsProductsVariantsImagesAndStockExactly() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        let summary = try shop.importProducts(from: try folder.write("products.csv", shopifyProductsCSV))
        XCTAssertEqual(summary.productsCreated, 2)
        XCTAssertEqual(summary.variantsCreated, 3)
        XCTAssertEqual(summary.rejected, 0)
        XCTAssertEqual(summary.stockCounted, 2)
        XCTAssertEqual(summary.locationsCreated, ["main"])
        XCTAssertEqual(try shop.text("SELECT body_html FROM product WHERE handle = 'clay-pot'"), "<p>Classic\r\nclay\u{00A0}pot</p>")
        XCTAssertEqual(try shop.integer("SELECT price_minor FROM variant WHERE sku = 'POT-L'"), 1599)
        XCTAssertEqual(try shop.integer("SELECT compare_at_minor FROM variant WHERE sku = 'POT-L'"), 1999)
        XCTAssertEqual(try shop.integer("SELECT cost_minor FROM variant WHERE sku = 'POT-R'"), 410)
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM product_image"), 3)
        XCTAssertEqual(try shop.text("SELECT status FROM product WHERE handle = 'copper-light'"), "draft")
        XCTAssertEqual(try shop.integer("SELECT on_hand FROM stock_level l JOIN variant v ON v.id = l.variant_id WHERE sku = 'POT-L'"), 3)
        XCTAssertEqual(try shop.texts("SELECT t.name FROM tag t ORDER BY name"), ["clay", "garden"])
        XCTAssertEqual(try shop.texts("SELECT DISTINCT reason FROM audit_batch"), ["products.csv"], "the file name is the batch's reason")
        XCTAssertEqual(try shop.texts("SELECT DISTINCT reference FROM stock_movement"), ["products.csv"])
        XCTAssertEqual(try shop.count("audit_batch"), 1, "the whole file is one audited batch")
    }

    func testReimportingTheSameFileChangesNothingAndSaysSo() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        let file = try folder.write("products.csv", shopifyProductsCSV)
        _ = try shop.importProducts(from: file)
        let auditRows = try shop.count("audit_log")
        let again = try shop.importProducts(from: file)
        XCTAssertEqual(again.productsUnchanged, 2)
        XCTAssertEqual(again.variantsUnchanged, 3)
        XCTAssertEqual(again.productsCreated + again.productsUpdated + again.variantsCreated + again.variantsUpdated, 0)
        XCTAssertFalse(again.changedAnything)
        XCTAssertTrue(again.lines.contains { $0.contains("nothing changed") }, "\(again.lines)")
        XCTAssertEqual(try shop.count("audit_log"), auditRows)
        XCTAssertEqual(try shop.count("audit_batch"), 1, "an import that changes nothing leaves no batch")
    }

    func testChangedRowsAreUpdatedAndAuditedFieldByField() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        _ = try shop.importProducts(from: try folder.write("products.csv", shopifyProductsCSV))
        let changed = shopifyProductsCSV.replacingOccurrences(of: ",15.99,19.99,", with: ",14.50,19.99,")
        let summary = try shop.importProducts(from: try folder.write("products-2.csv", changed))
        XCTAssertEqual(summary.variantsUpdated, 1)
        XCTAssertEqual(summary.variantsUnchanged, 2)
        XCTAssertEqual(try shop.texts("""
            SELECT field || ':' || old_value || '>' || new_value FROM audit_log l JOIN audit_batch b ON b.id = l.batch_id
            WHERE b.reason = 'products-2.csv'
            """), ["price:15.99>14.50"])
    }

    func testAnEmptiedCompareAtOrCostCellClearsTheStoredValue() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        _ = try shop.importProducts(from: try folder.write("products.csv", shopifyProductsCSV))
        let emptied = shopifyProductsCSV
            .replacingOccurrences(of: ",15.99,19.99,", with: ",15.99,,")
            .replacingOccurrences(of: "https://img/pot-1.jpg,1,4.10", with: "https://img/pot-1.jpg,1,")
        let summary = try shop.importProducts(from: try folder.write("products-2.csv", emptied))
        XCTAssertEqual(summary.variantsUpdated, 2)
        XCTAssertNil(try shop.integer("SELECT compare_at_minor FROM variant WHERE sku = 'POT-L'"))
        XCTAssertNil(try shop.integer("SELECT cost_minor FROM variant WHERE sku = 'POT-R'"))
        XCTAssertEqual(try shop.texts("""
            SELECT field || ':' || coalesce(old_value, '') || '>' || coalesce(new_value, '') FROM audit_log l
            JOIN audit_batch b ON b.id = l.batch_id WHERE b.reason = 'products-2.csv' ORDER BY field
            """), ["compare_at_price:19.99>", "cost:4.10>"])
    }

    func testBadRowsGoToTheRejectsFileWithLineAndReasonAndTheRestIsImported() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        // Line 2's body spans two lines, so the bad row starts on line 4, not 3.
        let text = [
            "Handle,Title,Body (HTML),Option1 Name,Option1 Value,Variant SKU,Variant Price",
            "mug,Mug,\"<p>two\nlines</p>\",Size,S,MUG-S,9.99",
            "mug,,,,M,MUG-M,=HYPERLINK(\"http://evil\")",
            "mug,,,,L,MUG-L,12.00",
        ].joined(separator: "\n") + "\n"
        let file = try folder.write("mugs.csv", text)
        let summary = try shop.importProducts(from: file)
        XCTAssertEqual(summary.variantsCreated, 2)
        XCTAssertEqual(summary.rejected, 1)
        XCTAssertEqual(summary.rejectsFile, file.path + ".rejects.csv")
        let rejects = try folder.read("mugs.csv.rejects.csv")
        let lines = rejects.components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "line,reason,Handle,Title,Body (HTML),Option1 Name,Option1 Value,Variant SKU,Variant Price")
        XCTAssertTrue(lines[1].hasPrefix("4,"), lines[1])
        XCTAssertTrue(lines[1].contains("not an amount"), lines[1])
        XCTAssertTrue(lines[1].hasSuffix(",MUG-M,\"'=HYPERLINK(\"\"http://evil\"\")\""), "the bad cell is kept, guarded: \(lines[1])")

        // Fixed and imported again: the stale rejects file goes away.
        _ = try shop.importProducts(from: try folder.write("mugs.csv", text.replacingOccurrences(of: "=HYPERLINK(\"http://evil\")", with: "10.00")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path + ".rejects.csv"))
    }

    func testASKUOfAnotherProductIsRefusedForThatRowOnly() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        _ = try shop.importProducts(from: try folder.write("a.csv", shopifyProductsCSV))
        let text = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\nvase,Vase,Size,S,POT-R,5\nvase,,,M,VASE-M,6\n"
        let summary = try shop.importProducts(from: try folder.write("b.csv", text))
        XCTAssertEqual(summary.productsCreated, 1)
        XCTAssertEqual(summary.variantsCreated, 1)
        XCTAssertEqual(summary.rejected, 1)
        XCTAssertTrue(try folder.read("b.csv.rejects.csv").contains("belongs to product clay-pot"))
    }

    func testDryRunPrintsTheSameSummaryAndWritesNothing() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        let file = try folder.write("products.csv", shopifyProductsCSV)
        let dry = try shop.importProducts(from: file, options: ImportOptions(dryRun: true))
        XCTAssertTrue(dry.dryRun)
        XCTAssertEqual(dry.productsCreated, 2)
        XCTAssertEqual(dry.variantsCreated, 3)
        for table in ["product", "variant", "stock_movement", "location", "audit_batch", "audit_log"] {
            XCTAssertEqual(try shop.count(table), 0, "\(table) after a dry run")
        }
        var real = try shop.importProducts(from: file)
        real.dryRun = true
        XCTAssertEqual(real, dry)
    }

    func testBatchOptionCommitsEveryNRowsEachAsItsOwnAuditBatch() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        var rows = ["Handle,Title,Variant SKU,Variant Price"]
        for index in 1...10 { rows.append("p\(index),Product \(index),SKU-\(index),\(index).00") }
        let summary = try shop.importProducts(
            from: try folder.write("ten.csv", rows.joined(separator: "\n")), options: ImportOptions(batchSize: 4))
        XCTAssertEqual(summary.productsCreated, 10)
        XCTAssertEqual(try shop.count("audit_batch"), 3)
        XCTAssertEqual(try shop.count("product"), 10)
    }

    func testProgressReportsRowsAndBytes() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        var rows = ["Handle,Title,Variant SKU,Variant Price"]
        for index in 1...600 { rows.append("p\(index),Product \(index),SKU-\(index),1.00") }
        let file = try folder.write("many.csv", rows.joined(separator: "\n"))
        var reports: [ImportProgress] = []
        _ = try shop.importProducts(from: file, progress: { reports.append($0) })
        XCTAssertGreaterThanOrEqual(reports.count, 3)
        XCTAssertEqual(reports.last?.rowsDone, 600)
        XCTAssertEqual(reports.last?.bytesRead, reports.last?.totalBytes)
        XCTAssertGreaterThan(reports.last?.totalBytes ?? 0, 10_000)
    }

    func testWooCommerceVariableProductWithVariationsAndSalePrices() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        let text = """
            ID,Type,SKU,Name,Published,Description,Stock,Weight (lbs),Sale price,Regular price,Categories,Parent,"Attribute 1 name","Attribute 1 value(s)"
            44,variable,woo-vneck-tee,V-Neck T-Shirt,1,<p>Tee</p>,,.5,,,Clothing > Tshirts,,Color,"Blue, Red"
            48,simple,woo-beanie,Beanie,1,,4,.2,18,20,Clothing > Accessories,,Color,Red
            76,variation,woo-vneck-tee-red,V-Neck T-Shirt - Red,1,,,,,20,,id:44,Color,Red
            78,variation,woo-vneck-tee-blue,V-Neck T-Shirt - Blue,1,,,,,"15,00",,woo-vneck-tee,Color,Blue

            """
        let summary = try shop.importProducts(from: try folder.write("woo.csv", text))
        XCTAssertEqual(summary.rejected, 0)
        XCTAssertEqual(summary.productsCreated, 2)
        XCTAssertEqual(summary.variantsCreated, 3)
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM variant v JOIN product p ON p.id = v.product_id WHERE p.handle = 'woo-vneck-tee'"), 2)
        XCTAssertEqual(try shop.integer("SELECT price_minor FROM variant WHERE sku = 'woo-beanie'"), 1800)
        XCTAssertEqual(try shop.integer("SELECT compare_at_minor FROM variant WHERE sku = 'woo-beanie'"), 2000)
        XCTAssertEqual(try shop.integer("SELECT price_minor FROM variant WHERE sku = 'woo-vneck-tee-blue'"), 1500)
        XCTAssertEqual(try shop.integer("SELECT grams FROM variant WHERE sku = 'woo-vneck-tee-red'"), 227)
        XCTAssertEqual(try shop.text("SELECT c.name FROM product p JOIN category c ON c.id = p.category_id WHERE handle = 'woo-beanie'"),
                       "Clothing > Accessories")
        XCTAssertEqual(try shop.integer("SELECT sum(on_hand) FROM stock_level"), 4)
        let again = try shop.importProducts(from: folder.file("woo.csv"))
        XCTAssertFalse(again.changedAnything, "\(again.lines)")
    }

    func testUnknownLayoutIsRefusedBeforeAnyWrite() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        XCTAssertThrowsError(try shop.importProducts(from: try folder.write("x.csv", "Name,Price\nA,1\n"))) { error in
            XCTAssertTrue("\(error)".contains("shopify and woocommerce"), "\(error)")
        }
        XCTAssertThrowsError(try shop.importProducts(
            from: folder.file("x.csv"), options: ImportOptions(format: .woocommerce)))
        XCTAssertEqual(try shop.count("audit_batch"), 0)
    }
}
