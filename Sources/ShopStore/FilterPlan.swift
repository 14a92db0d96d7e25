import GRDB
import ShopKit

/// How a filtered list window is read, chosen per filter from cheap estimates before the read.
///
/// A window is either *driven* by the filter (read every match from its index, then sort them
/// and keep the window) or it *walks* the list's order and keeps the rows that match. Driving
/// costs in proportion to the number of matches; walking, in proportion to how far the window's
/// matches lie along the list order: it is fast when matches are many and spread, and reads the
/// whole list when they are few. SQLite cannot tell the two apart for a full-text match or a
/// case-insensitive prefix, so the console asks first:
///
/// - free text: the search index's term list (`product_fts_vocab`) gives, per word, how many
///   products have a term beginning with it (counting a product once per such term, so never
///   fewer than match); the smallest over the words bounds the matches;
/// - a SKU prefix, or a vendor or type prefix: a count of the index range, stopped at the limit.
///
/// The estimate only chooses the plan; the rows are the same either way.
enum FilterPlan {
    /// Where driving stops paying: above each limit a window walks the list order instead.
    struct Limits: Sendable {
        /// Matching products a catalog window sorts (about half a microsecond per match on the
        /// benchmark machine, so 60,000 cost some 30 ms).
        var catalogSortAtMost = 60_000
        /// Matching products (about three variants each) a variant list reads and sorts.
        var variantsSortAtMost = 5_000
        /// Variants a variant list reads and sorts when a SKU prefix or a location names them.
        var variantRowsSortAtMost = 15_000

        static let standard = Limits()
        /// Every filtered window walks the list order (tests compare the two plans).
        static let alwaysWalk = Limits(catalogSortAtMost: -1, variantsSortAtMost: -1, variantRowsSortAtMost: -1)
        /// Every filtered window is driven by its matches.
        static let alwaysSort = Limits(catalogSortAtMost: .max - 1, variantsSortAtMost: .max - 1, variantRowsSortAtMost: .max - 1)
    }

    /// At most how many products the free text's words can match: per word the products of the
    /// terms it begins (folded as the index folds them), the least over the words.
    static func productsMatching(_ db: Database, freeText: String) throws -> Int {
        let words = try db.makeTokenizer(.unicode61()).tokenize(query: freeText)
            .filter { !$0.flags.contains(.colocated) }.map(\.token)
        guard !words.isEmpty else { return 0 }
        var least = Int.max
        for word in words {
            // Every term that begins with `word` sorts from it up to it followed by the highest character.
            let count = try Int.fetchOne(db, sql: """
                SELECT coalesce(sum(doc), 0) FROM product_fts_vocab WHERE term >= ? AND term < ?
                """, arguments: [word, word + "\u{10FFFF}"]) ?? 0
            least = min(least, count)
        }
        return least
    }

    /// How many rows `condition` matches in `from`, counted up to `limit` + 1 (so "more than
    /// the limit" costs the same whatever the true number is).
    static func count(_ db: Database, from: String, where condition: FilterSQL, upTo limit: Int) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM " + from + " WHERE " + condition.sql + " LIMIT ?)",
                         arguments: condition.arguments + [limit + 1]) ?? 0
    }

    /// Variants whose SKU begins with `text` (any case), counted up to `limit` + 1 in the
    /// case-insensitive SKU index.
    static func variantsWithSKUPrefix(_ db: Database, _ text: String, upTo limit: Int) throws -> Int {
        try count(db, from: "variant", where: ("sku LIKE ? ESCAPE '\\'", [FilterText.prefix(text)]), upTo: limit)
    }
}
