import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// `attention:yes` lists the products the content-health rules flag, and only those.
final class AttentionFilterTests: XCTestCase {
    func testAttentionListsEveryProductWithAnIssueAndLeavesOutTheCompleteOne() throws {
        let shop = try makeInMemoryShop()
        let seo = "seo_title, seo_description"
        try shop.rawExecute("""
            INSERT INTO location(id, code, name, kind) VALUES (1, 'BER', 'Berlin', 'warehouse');
            INSERT INTO product(id, handle, title, body_html, status, \(seo), created_at, updated_at) VALUES
              (1, 'complete', 'Complete', '<p>Fine.</p>', 'active', 'Complete', 'A fine product.', 'x', 'x'),
              (2, 'no-body', 'No body', '  ', 'active', 'No body', 'Text.', 'x', 'x'),
              (3, 'no-image', 'No image', '<p>b</p>', 'active', 'No image', 'Text.', 'x', 'x'),
              (4, 'long-seo', 'Long SEO', '<p>b</p>', 'active', '\(String(repeating: "t", count: 61))', 'Text.', 'x', 'x'),
              (5, 'no-stock', 'No stock', '<p>b</p>', 'active', 'No stock', 'Text.', 'x', 'x'),
              (6, 'draft-no-stock', 'Draft without stock', '<p>b</p>', 'draft', 'Draft', 'Text.', 'x', 'x'),
              (7, 'free', 'Zero price', '<p>b</p>', 'active', 'Zero', 'Text.', 'x', 'x');
            INSERT INTO product_image(product_id, src, position) VALUES (1, 'a', 1), (2, 'a', 1), (4, 'a', 1), (5, 'a', 1), (6, 'a', 1), (7, 'a', 1);
            INSERT INTO variant(id, product_id, sku, price_minor, created_at, updated_at) VALUES
              (1, 1, 'A', 100, 'x', 'x'), (2, 2, 'B', 100, 'x', 'x'), (3, 3, 'C', 100, 'x', 'x'), (4, 4, 'D', 100, 'x', 'x'),
              (5, 5, 'E', 100, 'x', 'x'), (6, 6, 'F', 100, 'x', 'x'), (7, 7, 'G', 0, 'x', 'x');
            INSERT INTO stock_movement(at, variant_id, location_id, reason, quantity, actor) VALUES
              ('x', 1, 1, 'receipt', 5, 't'), ('x', 2, 1, 'receipt', 5, 't'), ('x', 3, 1, 'receipt', 5, 't'),
              ('x', 4, 1, 'receipt', 5, 't'), ('x', 7, 1, 'receipt', 5, 't');
            """)
        let flagged = try shop.productPage(PageRequest(.after(nil), filter: "attention:yes", limit: 50)).map(\.title)
        XCTAssertEqual(flagged, ["Long SEO", "No body", "No image", "No stock", "Zero price"],
                       "a draft without stock is not an issue; the complete product is not listed")
        XCTAssertEqual(try shop.productCount(filter: "attention:yes"), 5)
        XCTAssertEqual(try shop.productPage(PageRequest(.after(nil), filter: "attention:yes image", limit: 50)).map(\.title),
                       ["No image"], "it combines with words")

        // Worst first: the weights of ContentIssue, a missing price above all; ties by title.
        var worstFirst: [String] = []
        var after: SortKey?
        while true {
            let page = try shop.productPage(PageRequest(.after(after), limit: 2, order: "attention"))
            worstFirst += page.map(\.title)
            guard let last = page.last, page.count == 2 else { break }
            after = last.sortKey
        }
        XCTAssertEqual(worstFirst, ["Zero price", "No stock", "No body", "No image", "Long SEO", "Complete", "Draft without stock"])
        let input = ContentHealthInput(
            status: .active, bodyHTML: "", imageCount: 1, seoTitle: "t", seoDescription: "d", totalStock: 0)
        XCTAssertEqual(ContentHealth.score(input), 64 + 32, "the SQL weights are ContentIssue's weights")
    }
}
