import GRDB
import ShopKit

extension Schema {
    /// The promotion rules of the price engine (docs/PROMOTIONS.md). The promotion table is
    /// rebuilt, because SQLite cannot widen the CHECK on `scope` in place; the migrator runs
    /// with foreign keys deferred, so the codes that point at promotions stay as they are.
    ///
    /// Existing rows keep their meaning: a fixed amount stays off the order, a promotion that
    /// combined still combines with every kind (`combines_with` empty), bundle rules such as
    /// `3for2` get their numbers, and the start stands in for the unknown creation time. Rows
    /// inserted without the new columns (a loader, an importer) get the same defaults.
    static func addPromotionRules(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE promotion_v4 (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('percentage', 'fixed_amount', 'buy_x_get_y', 'free_shipping')),
                percent_bp INTEGER,
                amount_minor INTEGER,
                amount_applies_to TEXT NOT NULL DEFAULT 'order' CHECK (amount_applies_to IN ('item', 'order')),
                bundle_rule TEXT,
                buy_quantity INTEGER,
                get_quantity INTEGER,
                get_percent_bp INTEGER,
                "trigger" TEXT NOT NULL CHECK ("trigger" IN ('automatic', 'code')),
                code_mode TEXT NOT NULL DEFAULT 'shared' CHECK (code_mode IN ('shared', 'unique')),
                scope TEXT NOT NULL
                    CHECK (scope IN ('shop', 'category', 'vendor', 'tag', 'products', 'collection', 'variants')),
                scope_value TEXT NOT NULL DEFAULT '',
                excluded_products TEXT NOT NULL DEFAULT '',
                excluded_variants TEXT NOT NULL DEFAULT '',
                excluded_tags TEXT NOT NULL DEFAULT '',
                channel_code TEXT,
                min_order_minor INTEGER,
                min_quantity INTEGER,
                starts_at TEXT NOT NULL,
                ends_at TEXT,
                paused BOOLEAN NOT NULL DEFAULT 0,
                usage_limit INTEGER,
                per_customer_limit INTEGER,
                combines BOOLEAN NOT NULL DEFAULT 0,
                combines_with TEXT NOT NULL DEFAULT '',
                margin_override BOOLEAN NOT NULL DEFAULT 0,
                uses INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                version INTEGER NOT NULL DEFAULT 1
            );
            INSERT INTO promotion_v4(id, name, kind, percent_bp, amount_minor, bundle_rule, "trigger", code_mode, scope,
                                     scope_value, min_order_minor, starts_at, ends_at, paused, usage_limit,
                                     per_customer_limit, combines, uses, created_at, updated_at, version)
            SELECT id, name, kind, percent_bp, amount_minor, bundle_rule, "trigger",
                   CASE WHEN (SELECT count(*) FROM promotion_code pc WHERE pc.promotion_id = promotion.id) > 1
                        THEN 'unique' ELSE 'shared' END,
                   scope, scope_value, min_order_minor, starts_at, ends_at, paused, usage_limit, per_customer_limit,
                   combines, uses, starts_at, starts_at, version
            FROM promotion;
            DROP TABLE promotion;
            ALTER TABLE promotion_v4 RENAME TO promotion;
            CREATE INDEX promotion_by_start ON promotion(starts_at, id);
            CREATE INDEX promotion_code_by_promotion ON promotion_code(promotion_id, id);
            CREATE INDEX order_line_by_promotion_code ON order_line(promotion_code COLLATE NOCASE)
                WHERE promotion_code IS NOT NULL;
            """)
        let bundles = try Row.fetchAll(db, sql: "SELECT id, bundle_rule FROM promotion WHERE kind = 'buy_x_get_y'")
        for row in bundles {
            guard let rule = (row["bundle_rule"] as String?).flatMap(BuyXGetY.init(parsing:)) else { continue }
            try db.execute(
                sql: "UPDATE promotion SET buy_quantity = ?, get_quantity = ?, get_percent_bp = ? WHERE id = ?",
                arguments: [rule.buy, rule.get, rule.percentOffBasisPoints, row["id"] as Int64])
        }
    }
}
