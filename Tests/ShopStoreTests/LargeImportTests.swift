import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// A generated file far larger than any test fixture, imported in one transaction from a file
/// on disk: rows stream through, so memory stays flat whatever the size.
final class LargeImportTests: XCTestCase {
    /// 20,000 rows keep the debug test quick; 100,000 rows were measured by hand the same way.
    static let rowCount = 20_000

    func testAGeneratedFileOfTwentyThousandRowsImportsInOneTransaction() throws {
        let folder = try ImportFolder()
        let file = folder.file("large.csv")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data("Handle,Title,Body (HTML),Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Grams\n".utf8))
        var chunk = ""
        for index in 0..<Self.rowCount {
            // Four variants per product; the first row carries the product.
            let product = index / 4
            let first = index % 4 == 0
            chunk += "product-\(product),\(first ? "Product \(product)" : ""),\(first ? "\"<p>Line one\nline two</p>\"" : ""),"
                + "\(first ? "Size" : ""),S\(index % 4),SKU-\(index),\(index % 100).99,\(index % 1000)\n"
            if chunk.utf8.count > 1 << 16 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
        try handle.close()

        let database = folder.file("large.db")
        let shop = try ShopDatabase.open(path: database.path, actor: "jane", clock: { pinnedNow })
        let started = Date()
        let summary = try shop.importProducts(from: file)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(summary.rows, Self.rowCount)
        XCTAssertEqual(summary.productsCreated, Self.rowCount / 4)
        XCTAssertEqual(summary.variantsCreated, Self.rowCount)
        XCTAssertEqual(summary.rejected, 0)
        XCTAssertEqual(try shop.count("audit_batch"), 1, "one transaction, one audited batch")
        XCTAssertEqual(try shop.integer("SELECT price_minor FROM variant WHERE sku = 'SKU-12345'"), 4599)
        print("imported \(Self.rowCount) rows in \(String(format: "%.1f", seconds)) s")
        try shop.close()
    }
}
