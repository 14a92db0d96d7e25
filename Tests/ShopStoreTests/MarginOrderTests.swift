import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// Pricing sorted by margin, lowest first, read in keyset windows like every list.
final class MarginOrderTests: XCTestCase {
    func testPagingByMarginVisitsEveryVariantOnceLowestMarginFirstAndWithoutCostLast() throws {
        let shop = try makeInMemoryShop()
        var rows: [String] = []
        for id in 1...60 {
            let cost = id % 7 == 0 ? "NULL" : String(100 + (id * 37) % 900)
            rows.append("(\(id), 1, 'SKU-\(id)', 1000, \(cost), 'x', 'x')")
        }
        try shop.rawExecute("""
            INSERT INTO product(id, handle, title, created_at, updated_at) VALUES (1, 'p', 'P', 'x', 'x');
            INSERT INTO variant(id, product_id, sku, price_minor, cost_minor, created_at, updated_at) VALUES
            \(rows.joined(separator: ",\n"));
            """)
        var seen: [VariantPriceItem] = []
        var after: SortKey?
        while true {
            let page = try shop.pricePage(PageRequest(.after(after), limit: 7, order: "margin"))
            seen += page
            guard let last = page.last, page.count == 7 else { break }
            after = last.sortKey
        }
        XCTAssertEqual(seen.count, 60)
        XCTAssertEqual(Set(seen.map(\.id)).count, 60, "no repeats")
        let margins = seen.map { $0.margin?.marginBasisPoints ?? Int64.max }
        XCTAssertEqual(margins, margins.sorted(), "lowest margin first, no cost last")
        let backwards = try shop.pricePage(PageRequest(.before(seen[30].sortKey), limit: 30, order: "margin"))
        XCTAssertEqual(backwards.map(\.id), seen.prefix(30).map(\.id), "paging back gives the same rows")
        XCTAssertEqual(try shop.priceCount(filter: ""), 60)
    }
}
