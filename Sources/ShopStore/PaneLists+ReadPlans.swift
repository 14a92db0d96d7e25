import GRDB
import ShopKit

/// How the catalog and the variant lists read a filtered window: the plans `FilterPlan`'s
/// estimates choose between (walk the list order, or read the matches and sort them).
extension PaneLists {
    /// Where a filtered catalog window chooses its ids from (see `FilterPlan`). Free text that
    /// matches many products walks the title index and keeps the matches; fewer matches are
    /// sorted by their titles from the narrow index `product_title_by_id` rather than from the
    /// product rows. A vendor or type prefix alone that matches many walks the title index too.
    static func catalogReadPlan(_ db: Database, _ text: String, limits: FilterPlan.Limits) throws -> String? {
        let query = FilterQuery(parsing: text, keys: .catalog)
        let walk = "product p INDEXED BY product_by_title"
        if !query.freeText.isEmpty {
            if query.fields.isEmpty,
               try FilterPlan.productsMatching(db, freeText: query.freeText) > limits.catalogSortAtMost {
                return walk
            }
            return "product p INDEXED BY product_title_by_id"
        }
        if query.fields.count == 1, let field = query.fields.first, field.key == .vendor || field.key == .type,
           let condition = productCondition(field),
           try FilterPlan.count(db, from: "product p", where: condition, upTo: limits.catalogSortAtMost)
            > limits.catalogSortAtMost {
            return walk
        }
        return nil
    }

    /// Pricing and stock list variants by SKU (or margin); free text matches a SKU prefix (any
    /// case) or product words. Few matches (see `FilterPlan`) are read from their indexes and
    /// sorted; many are found by walking the list order, with the index use of both terms
    /// turned off (`+`) so that SQLite walks instead of sorting them all.
    static func variantText(_ db: Database, _ text: String, limits: FilterPlan.Limits) throws -> FilterSQL? {
        let sku = FilterText.prefix(text)
        let words = FilterText.ftsPrefixes(text)
        let few = try (words == nil ? 0 : FilterPlan.productsMatching(db, freeText: text)) <= limits.variantsSortAtMost
            && FilterPlan.variantsWithSKUPrefix(db, text, upTo: max(0, limits.variantRowsSortAtMost)) <= limits.variantRowsSortAtMost
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
