import GRDB
import ShopKit

/// How the catalog and the variant lists read a filtered window: walk the list order, or read
/// the matches and sort them, chosen by the size of the window's `MatchSet` or by `FilterPlan`'s
/// estimates.
extension PaneLists {
    /// How a filtered catalog window reads (see `FilterPlan`). Free text alone is read from
    /// the search index into a `MatchSet`: when it matches many products the window walks the
    /// title index and keeps the matches; fewer are sorted by their titles from the narrow index
    /// `product_title_by_id` rather than from the product rows, as is free text with fields. A
    /// vendor or type prefix alone that matches many walks the title index too.
    static func catalogReadPlan(_ db: Database, _ text: String, limits: FilterPlan.Limits) throws -> WindowPlan? {
        let query = FilterQuery(parsing: text, keys: .catalog)
        let walk = "product p INDEXED BY product_by_title"
        if !query.freeText.isEmpty {
            if query.fields.isEmpty, let pattern = FilterText.ftsPrefixes(query.freeText) {
                let matches = try MatchSet.read(db, pattern: pattern)
                if matches.count > limits.catalogSortAtMost {
                    return WindowPlan(idsFrom: walk, filter: matches.condition("p.id"))
                }
            }
            return WindowPlan(idsFrom: "product p INDEXED BY product_title_by_id")
        }
        if query.fields.count == 1, let field = query.fields.first, field.key == .vendor || field.key == .type,
           let condition = productCondition(field),
           try FilterPlan.count(db, from: "product p", where: condition, upTo: limits.catalogSortAtMost)
            > limits.catalogSortAtMost {
            return WindowPlan(idsFrom: walk)
        }
        return nil
    }

    /// Pricing and stock list variants by SKU (or margin); free text matches a SKU prefix (any
    /// case) or product words. Few matches (see `FilterPlan`) are read from their indexes and
    /// sorted; many are found by walking the list order, with the index use of both terms
    /// turned off (`+`) so that SQLite walks instead of sorting them all. A window
    /// (`forWindow`) reads the product words into a `MatchSet`, which counts them exactly and
    /// is what the walk tests; a count reads the search index as part of its statement.
    static func variantText(
        _ db: Database, _ text: String, limits: FilterPlan.Limits, forWindow: Bool = false
    ) throws -> FilterSQL? {
        let sku = FilterText.prefix(text)
        let words = FilterText.ftsPrefixes(text)
        let matches = try forWindow ? words.map { try MatchSet.read(db, pattern: $0) } : nil
        let products = try matches?.count ?? (words == nil ? 0 : FilterPlan.productsMatching(db, freeText: text))
        let few = try products <= limits.variantsSortAtMost
            && FilterPlan.variantsWithSKUPrefix(db, text, upTo: max(0, limits.variantRowsSortAtMost)) <= limits.variantRowsSortAtMost
        if !few, let matches {
            let tested = matches.condition("v.product_id")
            return ("+v.sku LIKE ? ESCAPE '\\' OR " + tested.sql, [sku] + tested.arguments)
        }
        switch (few, words) {
        case (true, let words?):
            return ("""
                v.id IN (SELECT fv.id FROM variant fv WHERE fv.sku LIKE ? ESCAPE '\\'
                         UNION ALL SELECT fv.id FROM variant fv
                         WHERE fv.product_id IN (SELECT rowid FROM product_fts WHERE product_fts MATCH ?))
                """, [sku, words])
        case (true, nil):
            return ("v.id IN (SELECT fv.id FROM variant fv WHERE fv.sku LIKE ? ESCAPE '\\')", [sku])
        case (false, let words?):
            return ("+v.sku LIKE ? ESCAPE '\\' OR +v.product_id IN (SELECT rowid FROM product_fts WHERE product_fts MATCH ?)",
                    [sku, words])
        case (false, nil):
            return ("+v.sku LIKE ? ESCAPE '\\'", [sku])
        }
    }
}

/// Counts of free text alone, from the search index and the SKU index rather than from every
/// row of the list (a million products, three million variants).
extension PaneLists {
    /// The catalog's count of free text alone: the search index holds one entry per product.
    static func catalogCount(_ db: Database, _ text: String) throws -> Int? {
        let query = FilterQuery(parsing: text, keys: .catalog)
        guard !query.matchesNothing, query.fields.isEmpty, let pattern = FilterText.ftsPrefixes(query.freeText) else { return nil }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM product_fts WHERE product_fts MATCH ?", arguments: [pattern])
    }

    /// A variant list's count of free text alone: the variants with the SKU prefix, plus those of
    /// the matching products, less those counted twice.
    static func variantCount(_ db: Database, _ text: String, keys: FilterKeys) throws -> Int? {
        let query = FilterQuery(parsing: text, keys: keys)
        guard !query.matchesNothing, query.fields.isEmpty, !query.freeText.isEmpty else { return nil }
        let sku = FilterText.prefix(query.freeText)
        let skus = try Int.fetchOne(db, sql: "SELECT count(*) FROM variant WHERE sku LIKE ? ESCAPE '\\'", arguments: [sku]) ?? 0
        guard let words = FilterText.ftsPrefixes(query.freeText) else { return skus }
        let matching = "product_id IN (SELECT rowid FROM product_fts WHERE product_fts MATCH ?)"
        let ofProducts = try Int.fetchOne(db, sql: "SELECT count(*) FROM variant WHERE " + matching, arguments: [words]) ?? 0
        guard skus > 0, ofProducts > 0 else { return skus + ofProducts }
        let both = try Int.fetchOne(db, sql: "SELECT count(*) FROM variant WHERE sku LIKE ? ESCAPE '\\' AND " + matching,
                                    arguments: [sku, words]) ?? 0
        return skus + ofProducts - both
    }
}
