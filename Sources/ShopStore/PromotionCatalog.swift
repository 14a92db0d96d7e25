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

    static func pricedVariant(_ db: Database, id: Int64, currency: Currency) throws -> PricedVariant? {
        try Row.fetchOne(db, sql: variantSelection + " WHERE v.id = ?", arguments: [id]).map { pricedVariant($0, currency: currency) }
    }

    /// The variants still on sale (variant active, product not archived) that the promotion's
    /// scope names, exclusions applied, in id order.
    static func pricedVariants(_ db: Database, inScopeOf promotion: Promotion, currency: Currency) throws -> [PricedVariant] {
        let values = promotion.scopeValues
        let marks = "(" + Array(repeating: "?", count: max(1, values.count)).joined(separator: ", ") + ")"
        var arguments = StatementArguments(values.isEmpty ? [""] : values)
        let condition: String
        switch promotion.scope {
        case .shop:
            condition = "1"
            arguments = []
        case .category:
            condition = "(p.product_type COLLATE NOCASE IN \(marks) OR c.name COLLATE NOCASE IN \(marks))"
            arguments += arguments
        case .vendor:
            condition = "p.vendor COLLATE NOCASE IN \(marks)"
        case .tag:
            condition = "p.id IN (SELECT st.product_id FROM product_tag st JOIN tag sg ON sg.id = st.tag_id WHERE sg.name IN \(marks))"
        case .collection:
            condition = """
                p.id IN (SELECT scp.product_id FROM collection_product scp JOIN collection sco ON sco.id = scp.collection_id
                         WHERE sco.handle COLLATE NOCASE IN \(marks) OR sco.title COLLATE NOCASE IN \(marks))
                """
            arguments += arguments
        case .products:
            condition = "p.handle COLLATE NOCASE IN \(marks)"
        case .variants:
            condition = "v.sku <> '' AND v.sku COLLATE NOCASE IN \(marks)"
        }
        // `marks` is only question marks, one per value: the SQL text never holds a value.
        let sql = variantSelection + " WHERE v.status = 'active' AND p.status <> 'archived' AND " + condition + " ORDER BY v.id"
        return try Row.fetchAll(db, sql: sql, arguments: arguments)
            .map { pricedVariant($0, currency: currency) }
            .filter { promotion.covers($0) }
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
        try Row.fetchOne(db, sql: "SELECT \(PromotionColumns.selection) FROM promotion pr WHERE pr.id = ?", arguments: [id])
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
        return MarginGuard.check(
            promotion, others: try promotions(db, overlapping: promotion, currency: currency),
            variants: try pricedVariants(db, inScopeOf: promotion, currency: currency), floor: floor)
    }

    /// The promotions the typed codes unlock (shared or unique codes, any case).
    static func unlockedPromotions(_ db: Database, codes: [String]) throws -> Set<Int64> {
        let cleaned = codes.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !cleaned.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: cleaned.count).joined(separator: ", ")
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
