import GRDB

/// The shop's schema, one migration per step, designed up front for every pane.
///
/// Conventions: money columns end in `_minor` (integer minor units of the shop currency),
/// timestamps are ISO 8601 UTC text (they sort as text), every row a person edits carries a
/// `version` for optimistic concurrency.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 create shop schema", migrate: createShopSchema)
        migrator.registerMigration("v2 add filter indexes", migrate: addFilterIndexes)
        migrator.registerMigration("v3 index variants by margin", migrate: indexVariantsByMargin)
        migrator.registerMigration("v4 promotion rules", migrate: addPromotionRules)
        migrator.registerMigration("v5 complaint workflow", migrate: addComplaintWorkflow)
        migrator.registerMigration("v6 counts, derived stock and indexes for a million products", migrate: addScaleIndexes)
        migrator.registerMigration("v7 index the complaint queue's urgency order", migrate: indexComplaintUrgency)
        migrator.registerMigration("v8 index product titles by id", migrate: indexProductTitlesByID)
        migrator.registerMigration("v9 estimate filters before reading", migrate: addFilterEstimates)
        migrator.registerMigration("v10 stamp changes to what promotion scopes name", migrate: addScopeStamp)
        migrator.registerMigration("v11 keep each complaint's customer name for the queue's search", migrate: keepComplaintCustomerNames)
        return migrator
    }

    private static func createShopSchema(_ db: Database) throws {
        try db.create(table: "shop_setting") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
        try db.create(table: "category") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
        }
        try db.create(table: "product") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("handle", .text).notNull().unique()
            t.column("title", .text).notNull().collate(.nocase)
            t.column("body_html", .text).notNull().defaults(to: "")
            t.column("vendor", .text).notNull().defaults(to: "").collate(.nocase)
            t.column("product_type", .text).notNull().defaults(to: "")
            t.column("category_id", .integer).references("category", onDelete: .setNull)
            t.column("tags_text", .text).notNull().defaults(to: "")
            t.column("status", .text).notNull().defaults(to: "draft")
                .check { ["draft", "active", "archived"].contains($0) }
            t.column("seo_title", .text).notNull().defaults(to: "")
            t.column("seo_description", .text).notNull().defaults(to: "")
            t.column("option1_name", .text)
            t.column("option2_name", .text)
            t.column("option3_name", .text)
            t.column("created_at", .text).notNull()
            t.column("updated_at", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "product_by_title", on: "product", columns: ["title", "id"])
        try db.create(index: "product_by_vendor", on: "product", columns: ["vendor", "id"])
        try db.create(index: "product_by_category", on: "product", columns: ["category_id"])
        try db.create(virtualTable: "product_fts", using: FTS5()) { t in
            t.synchronize(withTable: "product")
            t.tokenizer = .unicode61()
            t.column("title")
            t.column("vendor")
            t.column("product_type")
            t.column("tags_text")
            t.column("handle")
        }
        try db.create(table: "tag") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique().collate(.nocase)
        }
        try db.create(table: "product_tag") { t in
            t.column("product_id", .integer).notNull().references("product", onDelete: .cascade)
            t.column("tag_id", .integer).notNull().references("tag", onDelete: .cascade)
            t.primaryKey(["product_id", "tag_id"])
        }
        try db.create(index: "product_tag_by_tag", on: "product_tag", columns: ["tag_id", "product_id"])
        try db.create(table: "collection") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("handle", .text).notNull().unique()
            t.column("title", .text).notNull()
        }
        try db.create(table: "collection_product") { t in
            t.column("collection_id", .integer).notNull().references("collection", onDelete: .cascade)
            t.column("product_id", .integer).notNull().references("product", onDelete: .cascade)
            t.primaryKey(["collection_id", "product_id"])
        }
        try db.create(table: "product_image") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("product_id", .integer).notNull().references("product", onDelete: .cascade)
            t.column("src", .text).notNull()
            t.column("position", .integer).notNull()
            t.column("alt_text", .text).notNull().defaults(to: "")
        }
        try db.create(index: "product_image_by_product", on: "product_image", columns: ["product_id", "position"])
        try db.create(table: "variant") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("product_id", .integer).notNull().references("product", onDelete: .restrict)
            // Empty when the shop has none; unique otherwise (partial index below).
            t.column("sku", .text).notNull().defaults(to: "")
            t.column("barcode", .text)
            t.column("option1", .text)
            t.column("option2", .text)
            t.column("option3", .text)
            t.column("price_minor", .integer).notNull().check { $0 >= 0 }
            t.column("compare_at_minor", .integer).check { $0 >= 0 }
            t.column("cost_minor", .integer).check { $0 >= 0 }
            t.column("grams", .integer).notNull().defaults(to: 0)
            t.column("position", .integer).notNull().defaults(to: 1)
            t.column("status", .text).notNull().defaults(to: "active").check { ["active", "archived"].contains($0) }
            t.column("created_at", .text).notNull()
            t.column("updated_at", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.execute(sql: "CREATE UNIQUE INDEX variant_unique_sku ON variant(sku) WHERE sku <> ''")
        try db.execute(sql: "CREATE UNIQUE INDEX variant_unique_barcode ON variant(barcode) WHERE barcode IS NOT NULL")
        try db.create(index: "variant_by_sku", on: "variant", columns: ["sku", "id"])
        try db.create(index: "variant_by_product", on: "variant", columns: ["product_id", "position"])

        try db.create(table: "channel") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .text).notNull().unique()
            t.column("name", .text).notNull()
        }
        try db.create(table: "product_listing") { t in
            t.column("product_id", .integer).notNull().references("product", onDelete: .cascade)
            t.column("channel_id", .integer).notNull().references("channel", onDelete: .cascade)
            t.column("state", .text).notNull().check { ["listed", "unlisted"].contains($0) }
            t.column("price_minor", .integer)
            t.column("version", .integer).notNull().defaults(to: 1)
            t.primaryKey(["product_id", "channel_id"])
        }

        try db.create(table: "location") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .text).notNull().unique()
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull().check { ["warehouse", "fulfilment", "store", "damaged"].contains($0) }
        }
        // The ledger is the truth; stock_level is its running sum, kept by a trigger so that no
        // code path can change a level without a movement.
        try db.create(table: "stock_movement") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .text).notNull()
            t.column("variant_id", .integer).notNull().references("variant", onDelete: .restrict)
            t.column("location_id", .integer).notNull().references("location", onDelete: .restrict)
            t.column("reason", .text).notNull().check {
                ["receipt", "sale", "return", "adjustment", "damage", "loss", "found",
                 "transfer_out", "transfer_in", "stocktake"].contains($0)
            }
            t.column("quantity", .integer).notNull().check { $0 != 0 }
            t.column("reference", .text).notNull().defaults(to: "")
            t.column("actor", .text).notNull()
        }
        try db.create(index: "stock_movement_by_variant", on: "stock_movement", columns: ["variant_id", "at", "id"])
        try db.create(table: "stock_level") { t in
            t.column("variant_id", .integer).notNull().references("variant", onDelete: .restrict)
            t.column("location_id", .integer).notNull().references("location", onDelete: .restrict)
            t.column("on_hand", .integer).notNull()
            t.primaryKey(["variant_id", "location_id"])
        }
        try db.execute(sql: """
            CREATE TRIGGER stock_movement_updates_level AFTER INSERT ON stock_movement BEGIN
                INSERT INTO stock_level(variant_id, location_id, on_hand)
                VALUES (NEW.variant_id, NEW.location_id, NEW.quantity)
                ON CONFLICT(variant_id, location_id) DO UPDATE SET on_hand = on_hand + NEW.quantity;
            END;
            CREATE TRIGGER stock_movement_is_append_only_update BEFORE UPDATE ON stock_movement BEGIN
                SELECT RAISE(ABORT, 'the stock ledger is append-only: record a correcting movement');
            END;
            CREATE TRIGGER stock_movement_is_append_only_delete BEFORE DELETE ON stock_movement BEGIN
                SELECT RAISE(ABORT, 'the stock ledger is append-only: record a correcting movement');
            END;
            """)
        try db.create(table: "stock_setting") { t in
            t.column("variant_id", .integer).notNull().primaryKey().references("variant", onDelete: .cascade)
            t.column("reorder_point", .integer).notNull().check { $0 >= 0 }
            t.column("reorder_quantity", .integer).notNull().check { $0 >= 0 }
            t.column("lead_time_days", .integer).notNull().check { $0 >= 0 }
            t.column("version", .integer).notNull().defaults(to: 1)
        }

        try db.create(table: "promotion") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull().check { ["percentage", "fixed_amount", "buy_x_get_y", "free_shipping"].contains($0) }
            t.column("percent_bp", .integer)
            t.column("amount_minor", .integer)
            t.column("bundle_rule", .text)
            t.column("trigger", .text).notNull().check { ["automatic", "code"].contains($0) }
            t.column("scope", .text).notNull().check { ["shop", "category", "vendor", "tag", "products"].contains($0) }
            t.column("scope_value", .text).notNull().defaults(to: "")
            t.column("min_order_minor", .integer)
            t.column("starts_at", .text).notNull()
            t.column("ends_at", .text)
            t.column("paused", .boolean).notNull().defaults(to: false)
            t.column("usage_limit", .integer)
            t.column("per_customer_limit", .integer)
            t.column("combines", .boolean).notNull().defaults(to: false)
            t.column("uses", .integer).notNull().defaults(to: 0)
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "promotion_by_start", on: "promotion", columns: ["starts_at", "id"])
        try db.create(table: "promotion_code") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("promotion_id", .integer).notNull().references("promotion", onDelete: .cascade)
            t.column("code", .text).notNull().unique().collate(.nocase)
            t.column("uses", .integer).notNull().defaults(to: 0)
        }

        try db.create(table: "customer") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().collate(.nocase)
            t.column("email", .text).notNull().collate(.nocase)
            t.column("phone", .text).notNull().defaults(to: "")
            t.column("city", .text).notNull().defaults(to: "")
            t.column("country", .text).notNull().defaults(to: "")
            t.column("created_at", .text).notNull()
            t.column("store_credit_minor", .integer).notNull().defaults(to: 0)
            t.column("erased_at", .text)
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "customer_by_email", on: "customer", columns: ["email"])
        try db.create(index: "customer_by_name", on: "customer", columns: ["name", "id"])
        try db.create(table: "sales_order") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("number", .text).notNull().unique()
            t.column("customer_id", .integer).references("customer", onDelete: .restrict)
            t.column("placed_at", .text).notNull()
            t.column("channel_id", .integer).references("channel", onDelete: .restrict)
            t.column("status", .text).notNull().check { ["open", "shipped", "cancelled", "returned"].contains($0) }
            t.column("shipping_minor", .integer).notNull().defaults(to: 0)
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "sales_order_by_customer", on: "sales_order", columns: ["customer_id", "placed_at"])
        try db.create(index: "sales_order_by_placed", on: "sales_order", columns: ["placed_at"])
        try db.create(index: "sales_order_by_status", on: "sales_order", columns: ["status"])
        try db.create(table: "order_line") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("order_id", .integer).notNull().references("sales_order", onDelete: .cascade)
            t.column("line_no", .integer).notNull()
            t.column("variant_id", .integer).references("variant", onDelete: .restrict)
            t.column("quantity", .integer).notNull().check { $0 > 0 }
            t.column("unit_price_minor", .integer).notNull()
            t.column("discount_minor", .integer).notNull().defaults(to: 0)
            t.column("promotion_code", .text)
            t.uniqueKey(["order_id", "line_no"])
        }
        try db.create(index: "order_line_by_variant", on: "order_line", columns: ["variant_id"])

        try db.create(table: "complaint") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("customer_id", .integer).references("customer", onDelete: .restrict)
            t.column("order_id", .integer).references("sales_order", onDelete: .restrict)
            t.column("variant_id", .integer).references("variant", onDelete: .restrict)
            t.column("kind", .text).notNull().check {
                ["damaged", "wrong_item", "late_delivery", "missing_item", "quality", "negative_review", "other"].contains($0)
            }
            t.column("channel", .text).notNull().check { ["email", "phone", "social", "marketplace", "review_site"].contains($0) }
            t.column("priority", .text).notNull().check { ["urgent", "high", "normal", "low"].contains($0) }
            t.column("status", .text).notNull().check {
                ["new", "investigating", "waiting_for_customer", "resolved", "rejected"].contains($0)
            }
            t.column("assignee", .text).notNull().defaults(to: "")
            t.column("opened_at", .text).notNull()
            t.column("due_at", .text)
            t.column("resolved_at", .text)
            t.column("subject", .text).notNull()
            t.column("description", .text).notNull().defaults(to: "")
            t.column("resolution", .text).notNull().defaults(to: "")
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "complaint_by_opened", on: "complaint", columns: ["opened_at", "id"])
        try db.create(index: "complaint_by_status", on: "complaint", columns: ["status", "due_at"])
        try db.create(table: "complaint_event") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("complaint_id", .integer).notNull().references("complaint", onDelete: .cascade)
            t.column("at", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("detail", .text).notNull().defaults(to: "")
        }
        try db.create(index: "complaint_event_by_complaint", on: "complaint_event", columns: ["complaint_id", "at"])

        try db.create(table: "web_session_day") { t in
            t.column("day", .text).notNull()
            t.column("channel_id", .integer).notNull().references("channel", onDelete: .cascade)
            t.column("sessions", .integer).notNull().check { $0 >= 0 }
            t.primaryKey(["day", "channel_id"])
        }

        // Accountability: every change belongs to a batch (one command, one person, one moment)
        // with one row per changed field. Both tables refuse UPDATE and DELETE.
        try db.create(table: "audit_batch") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("command", .text).notNull()
            t.column("reason", .text).notNull().defaults(to: "")
        }
        try db.create(table: "audit_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("batch_id", .integer).notNull().references("audit_batch", onDelete: .restrict)
            t.column("at", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("entity_id", .integer).notNull()
            t.column("field", .text).notNull()
            t.column("old_value", .text)
            t.column("new_value", .text)
        }
        try db.create(index: "audit_log_by_entity", on: "audit_log", columns: ["entity", "entity_id", "id"])
        try db.execute(sql: """
            CREATE TRIGGER audit_batch_refuses_update BEFORE UPDATE ON audit_batch BEGIN
                SELECT RAISE(ABORT, 'the audit log is append-only');
            END;
            CREATE TRIGGER audit_batch_refuses_delete BEFORE DELETE ON audit_batch BEGIN
                SELECT RAISE(ABORT, 'the audit log is append-only');
            END;
            CREATE TRIGGER audit_log_refuses_update BEFORE UPDATE ON audit_log BEGIN
                SELECT RAISE(ABORT, 'the audit log is append-only');
            END;
            CREATE TRIGGER audit_log_refuses_delete BEFORE DELETE ON audit_log BEGIN
                SELECT RAISE(ABORT, 'the audit log is append-only');
            END;
            """)
    }

    /// Pricing sorted by margin pages by keyset over the same expression as `PaneLists.marginSQL`.
    private static func indexVariantsByMargin(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX variant_by_margin ON variant(" + PaneLists.marginSQL + ", id)")
    }
}
