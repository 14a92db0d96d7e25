import GRDB
@testable import ShopStore
import XCTest

/// The set of products a free-text filter matches, as a walk tests it.
final class MatchSetTests: XCTestCase {
    private func shopWithTitles(_ titles: [String]) throws -> ShopDatabase {
        let shop = try makeInMemoryShop()
        for (offset, title) in titles.enumerated() {
            try shop.rawExecute("""
                INSERT INTO product(id, title, handle, created_at, updated_at)
                VALUES (\(offset * 70 + 1), '\(title)', 'h\(offset)', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
                """)
        }
        return shop
    }

    func testTheSetHoldsExactlyTheProductsTheSearchIndexMatches() throws {
        let shop = try shopWithTitles(["Merino Hat", "Metal Mug", "Storm Lamp", "merino socks", "Mesh Bag"])
        try shop.writer.read { db in
            let set = try MatchSet.read(db, pattern: try XCTUnwrap(FilterText.ftsPrefixes("me")))
            let indexed = try Int64.fetchAll(db, sql: "SELECT rowid FROM product_fts WHERE product_fts MATCH 'me*'")
            XCTAssertEqual(set.count, indexed.count)
            XCTAssertEqual(set.count, 4)
            for id in Int64(0)...400 { XCTAssertEqual(set.contains(id), indexed.contains(id), "product \(id)") }
            XCTAssertFalse(set.contains(-1))
            XCTAssertFalse(set.contains(1 << 40), "an id past the highest read is not in the set")
            let tested = set.condition("p.id")
            let walked = try Int64.fetchAll(db, sql: "SELECT p.id FROM product p WHERE " + tested.sql + " ORDER BY p.id",
                                            arguments: tested.arguments)
            XCTAssertEqual(walked, indexed.sorted())
        }
    }

    func testAStatementTestingASetTheConnectionNoLongerHoldsFailsRatherThanMatchingNothing() throws {
        let shop = try shopWithTitles(["Merino Hat", "Storm Lamp"])
        try shop.writer.read { db in
            let first = try MatchSet.read(db, pattern: "merino*")
            _ = try MatchSet.read(db, pattern: "storm*")
            let stale = first.condition("p.id")
            XCTAssertThrowsError(try Int64.fetchAll(db, sql: "SELECT p.id FROM product p WHERE " + stale.sql, arguments: stale.arguments))
        }
    }
}
