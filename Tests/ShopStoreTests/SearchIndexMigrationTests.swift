import Foundation
import GRDB
import ShopKit
@testable import ShopStore
import XCTest

/// Schema v11 rebuilds the search index with prefix indexes: a file from before keeps every
/// product findable, and the index keeps following edits afterwards.
final class SearchIndexMigrationTests: XCTestCase {
    private func makeVersion10File() throws -> String {
        let path = try makeTemporaryFolder().appendingPathComponent("v10.db").path
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = 1397245003") }
        try Schema.migrator.migrate(queue, upTo: "v10 stamp changes to what promotion scopes name")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO product(id, handle, title, vendor, product_type, status, created_at, updated_at) VALUES
                    (1, 'merino-socks', 'Merino Socks', 'Weißwald', 'Socks', 'active', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
                    (2, 'linen-shirt', 'Linen Shirt', 'Nordlicht', 'Shirts', 'active', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
                """)
        }
        try queue.close()
        return path
    }

    func testOpeningAVersion10FileRebuildsTheSearchIndexWithPrefixesAndFindsEveryProduct() throws {
        let shop = try ShopDatabase.open(path: try makeVersion10File(), actor: "jane", clock: { pinnedNow })
        let definition = try shop.texts("SELECT sql FROM sqlite_master WHERE name = 'product_fts'").joined()
        XCTAssertTrue(definition.contains("prefix='2 3'"), definition)
        func matches(_ pattern: String) throws -> [String] {
            try shop.texts("SELECT rowid FROM product_fts WHERE product_fts MATCH '\(pattern)' ORDER BY rowid")
        }
        XCTAssertEqual(try matches("me*"), ["1"])
        XCTAssertEqual(try matches("wei*"), ["1"], "folded as before: ß and diacritics")
        XCTAssertEqual(try matches("li*"), ["2"])
        XCTAssertEqual(try shop.texts("SELECT count(*) FROM product_fts_vocab WHERE term = 'merino'"), ["1"])

        try shop.rawExecute("UPDATE product SET title = 'Alpaca Socks', handle = 'alpaca-socks' WHERE id = 1")
        XCTAssertEqual(try matches("me*"), [], "an edited title leaves the index")
        XCTAssertEqual(try matches("al*"), ["1"])
        try shop.rawExecute("UPDATE product SET on_hand = 5 WHERE id = 2")
        XCTAssertEqual(try matches("li*"), ["2"])
        XCTAssertEqual(try shop.check(), [])
    }
}
