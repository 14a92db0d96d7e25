import GRDB
import ShopKit

/// What the price engine and the margin guard need from the database: variants with the facts a
/// scope names, and the promotions that can meet them. The scope's values travel as bound
/// arguments; the SQL only narrows the rows, and `Promotion.scopeMatch` makes the final call.
extension ShopDatabase {
    private static let variantSelection = """
        SELECT v.id, v.sku, v.price_minor, v.cost_minor, p.id AS product_id, p.handle, p.title, p.product_type, p.vendor,
               COALESCE(c.name, '') AS category_name,
               (SELECT group_concat(t.name, char(31)) FROM product_tag pt JOIN tag t ON t.id = pt.tag_id
                 WHERE pt.product_id = p.id) AS tag_names,
               (SELECT group_concat(co.handle || char(31) || co.title, char(31)) FROM collection_product cp
                 JOIN collection co ON co.id = cp.collection_id WHERE cp.product_id = p.id) AS collection_names
        FROM variant v JOIN product p ON p.id = v.product_id LEFT JOIN category c ON c.id = p.category_id
        """

    static func pricedVariant(_ row: Row, currency: Currency) -> PricedVariant {
        let split = { (column: String) in
            ((row[column] as String?) ?? "").split(separator: "\u{1F}").map(String.init)
        }
        return PricedVariant(
            id: row["id"], sku: row["sku"], productID: row["product_id"], productHandle: row["handle"],
            productTitle: row["title"], productType: row["product_type"], category: row["category_name"],
            vendor: row["vendor"], tags: split("tag_names"), collections: split("collection_names"),
            price: Money(minorUnits: row["price_minor"], currency: currency),
            cost: (row["cost_minor"] as Int64?).map { Money(minorUnits: $0, currency: currency) })
    }

    /// The variants with these ids (unknown ids are left out), in one read.
    static func pricedVariants(_ db: Database, ids: [Int64], currency: Currency) throws -> [PricedVariant] {
        guard !ids.isEmpty else { return [] }
        let marks = databaseQuestionMarks(count: ids.count)
        return try Row.fetchAll(db, sql: variantSelection + " WHERE v.id IN (" + marks + ")", arguments: StatementArguments(ids))
            .map { pricedVariant($0, currency: currency) }
    }

    static func pricedVariant(_ db: Database, id: Int64, currency: Currency) throws -> PricedVariant? {
        try pricedVariants(db, ids: [id], currency: currency).first
    }

    /// The variants still on sale (variant active, product not archived) that the promotion's
    /// scope names, exclusions applied, a batch at a time from one read, so that a scope over a
    /// whole large shop is never in memory at once. `alsoIn` narrows the read to variants some
    /// of those promotions may cover as well (the caller makes the exact call). No order is
    /// asked for: SQLite starts from whichever index narrows most (a category, a vendor, a tag),
    /// and a caller that stops early (`body` returns false) reads no further.
    static func forEachBatch(
        _ db: Database, inScopeOf promotion: Promotion, alsoIn others: [Promotion]? = nil, currency: Currency,
        batchSize: Int = 2_000, _ body: ([PricedVariant]) throws -> Bool
    ) throws {
        var condition = scopeCondition(promotion)
        if let others {
            let conditions = others.map(scopeCondition)
            if conditions.isEmpty { return }
            if !conditions.contains(where: { $0.sql == "1" }) {
                var arguments = condition.arguments
                for other in conditions { arguments += other.arguments }
                condition = (
                    "(" + condition.sql + ") AND (" + conditions.map { "(" + $0.sql + ")" }.joined(separator: " OR ") + ")",
                    arguments)
            }
        }
        // The SQL text is constant pieces and question marks; every value is a bound argument.
        let sql = variantSelection + " WHERE v.status = 'active' AND p.status <> 'archived' AND " + condition.sql
        let rows = try Row.fetchCursor(db, sql: sql, arguments: condition.arguments)
        var batch: [PricedVariant] = []
        batch.reserveCapacity(batchSize)
        while let row = try rows.next() {
            let variant = pricedVariant(row, currency: currency)
            guard promotion.covers(variant) else { continue }
            batch.append(variant)
            if batch.count == batchSize {
                if try !body(batch) { return }
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { _ = try body(batch) }
    }

    /// The SQL that narrows variants `v` of products `p` (category `c`) to a promotion's scope.
    private static func scopeCondition(_ promotion: Promotion) -> FilterSQL {
        let values = promotion.scopeValues
        let marks = "(" + databaseQuestionMarks(count: max(1, values.count)) + ")"
        let arguments = StatementArguments(values.isEmpty ? [""] : values)
        switch promotion.scope {
        case .shop:
            return ("1", [])
        case .category:
            // Both terms are index ranges (the product type, the category of the product), so a
            // category's variants are read from its products rather than found among all.
            return ("""
                (p.product_type COLLATE NOCASE IN \(marks)
                 OR p.category_id IN (SELECT sca.id FROM category sca WHERE sca.name COLLATE NOCASE IN \(marks)))
                """, arguments + arguments)
        case .vendor:
            return ("p.vendor COLLATE NOCASE IN \(marks)", arguments)
        case .tag:
            return ("p.id IN (SELECT st.product_id FROM product_tag st JOIN tag sg ON sg.id = st.tag_id WHERE sg.name IN \(marks))", arguments)
        case .collection:
            return ("""
                p.id IN (SELECT scp.product_id FROM collection_product scp JOIN collection sco ON sco.id = scp.collection_id
                         WHERE sco.handle COLLATE NOCASE IN \(marks) OR sco.title COLLATE NOCASE IN \(marks))
                """, arguments + arguments)
        case .products:
            return ("p.handle COLLATE NOCASE IN \(marks)", arguments)
        case .variants:
            return ("v.sku <> '' AND v.sku COLLATE NOCASE IN \(marks)", arguments)
        }
    }

    /// Promotions whose schedule overlaps the promotion's (any moment in common).
    static func promotions(_ db: Database, overlapping promotion: Promotion, currency: Currency) throws -> [Promotion] {
        try Row.fetchAll(db, sql: """
            SELECT \(PromotionColumns.selection) FROM promotion pr
            WHERE (pr.ends_at IS NULL OR pr.ends_at > ?) AND (? IS NULL OR pr.starts_at < ?)
            ORDER BY pr.id
            """, arguments: [promotion.startsAt.iso8601, promotion.endsAt?.iso8601, promotion.endsAt?.iso8601])
        .map { try PromotionColumns.promotion($0, currency: currency) }
    }

    /// Promotions not ended at `moment` (running, scheduled or paused), for explanations.
    static func promotions(_ db: Database, notEndedAt moment: Timestamp, currency: Currency) throws -> [Promotion] {
        try Row.fetchAll(db, sql: """
            SELECT \(PromotionColumns.selection) FROM promotion pr WHERE pr.ends_at IS NULL OR pr.ends_at > ? ORDER BY pr.id
            """, arguments: [moment.iso8601])
        .map { try PromotionColumns.promotion($0, currency: currency) }
    }

    static func promotion(_ db: Database, id: Int64, currency: Currency) throws -> Promotion? {
        try promotions(db, ids: [id], currency: currency).first
    }

    /// The promotions with these ids (unknown ids are left out), by number, in one read.
    static func promotions(_ db: Database, ids: [Int64], currency: Currency) throws -> [Promotion] {
        guard !ids.isEmpty else { return [] }
        let marks = databaseQuestionMarks(count: ids.count)
        return try Row.fetchAll(
            db, sql: "SELECT " + PromotionColumns.selection + " FROM promotion pr WHERE pr.id IN (" + marks + ") ORDER BY pr.id",
            arguments: StatementArguments(ids))
            .map { try PromotionColumns.promotion($0, currency: currency) }
    }

    /// The margin guard's verdict on a promotion as it would be saved. A new one (id 0) is weighed
    /// with a number above every saved one, since that is where it will act among equals.
    static func marginGuard(_ db: Database, for promotion: Promotion, currency: Currency) throws -> MarginGuardReport {
        var promotion = promotion
        if promotion.id == 0 {
            promotion.id = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM promotion") ?? 0) + 1
        }
        let floor = (try? MarginFloor(basisPoints: marginFloorBasisPoints(db))) ?? .atCost
        var search = MarginGuard.Search(promotion, others: try promotions(db, overlapping: promotion, currency: currency), floor: floor)
        try forEachBatch(db, inScopeOf: promotion, currency: currency) { batch in
            search.add(batch)
            return true
        }
        return search.report
    }

    /// The promotions the typed codes unlock (shared or unique codes, any case).
    static func unlockedPromotions(_ db: Database, codes: [String]) throws -> Set<Int64> {
        let cleaned = codes.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !cleaned.isEmpty else { return [] }
        let marks = databaseQuestionMarks(count: cleaned.count)
        return Set(try Int64.fetchAll(
            db, sql: "SELECT DISTINCT promotion_id FROM promotion_code WHERE code IN (" + marks + ")",
            arguments: StatementArguments(cleaned)))
    }

    /// How often a customer used each promotion: orders (not cancelled) carrying one of its codes.
    static func customerUses(_ db: Database, customerID: Int64?) throws -> [Int64: Int64] {
        guard let customerID else { return [:] }
        var uses: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT pc.promotion_id, count(DISTINCT o.id) AS orders
            FROM sales_order o JOIN order_line ol ON ol.order_id = o.id
            JOIN promotion_code pc ON pc.code = ol.promotion_code
            WHERE o.customer_id = ? AND o.status <> 'cancelled' AND ol.promotion_code IS NOT NULL
            GROUP BY pc.promotion_id
            """, arguments: [customerID]) {
            uses[row["promotion_id"]] = row["orders"]
        }
        return uses
    }
}
