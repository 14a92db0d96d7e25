import GRDB

extension Schema {
    /// What a million products need beyond an index per sort order:
    ///
    /// - `list_count`: the unfiltered count of each large list ("row n of N", and `G`, which
    ///   places the last row by it), kept by triggers instead of counting millions of rows after
    ///   every commit another process makes;
    /// - `variant.sellable_on_hand` and `variant.reserved` (on hand outside damaged/quarantine
    ///   locations; units on open orders) and `product.on_hand` (all locations), kept by triggers on
    ///   the stock levels, order lines and order status, so that the stock filters read a column
    ///   instead of summing the ledger and the order history per row;
    /// - partial indexes in list order over just the rows the common stock filters look for;
    /// - the search index is rewritten only when a searched column changes (the maintained
    ///   columns change with every stock movement).
    ///
    /// `ShopDerivedColumns.rebuild` computes the same values from scratch (migration, bulk load).
    static func addScaleIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE list_count(name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
            ALTER TABLE variant ADD COLUMN sellable_on_hand INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE variant ADD COLUMN reserved INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE product ADD COLUMN on_hand INTEGER NOT NULL DEFAULT 0;

            DROP TRIGGER "__product_fts_au";
            CREATE TRIGGER "__product_fts_au" AFTER UPDATE OF title, vendor, product_type, tags_text, handle ON "product" BEGIN
                INSERT INTO "product_fts"("product_fts", "rowid", "title", "vendor", "product_type", "tags_text", "handle")
                VALUES ('delete', old."id", old."title", old."vendor", old."product_type", old."tags_text", old."handle");
                INSERT INTO "product_fts"("rowid", "title", "vendor", "product_type", "tags_text", "handle")
                VALUES (new."id", new."title", new."vendor", new."product_type", new."tags_text", new."handle");
            END;
            """)
        for table in ["product", "variant", "complaint"] {
            try db.execute(sql: """
                CREATE TRIGGER list_count_\(table)_insert AFTER INSERT ON \(table) BEGIN
                    UPDATE list_count SET n = n + 1 WHERE name = '\(table)';
                END;
                CREATE TRIGGER list_count_\(table)_delete AFTER DELETE ON \(table) BEGIN
                    UPDATE list_count SET n = n - 1 WHERE name = '\(table)';
                END;
                """)
        }
        try db.execute(sql: """
            CREATE TRIGGER stock_level_insert_derived AFTER INSERT ON stock_level BEGIN
                UPDATE variant SET sellable_on_hand = sellable_on_hand + NEW.on_hand
                WHERE id = NEW.variant_id AND NOT EXISTS (SELECT 1 FROM location WHERE id = NEW.location_id AND kind = 'damaged');
                UPDATE product SET on_hand = on_hand + NEW.on_hand WHERE id = (SELECT product_id FROM variant WHERE id = NEW.variant_id);
            END;
            CREATE TRIGGER stock_level_update_derived AFTER UPDATE OF on_hand ON stock_level BEGIN
                UPDATE variant SET sellable_on_hand = sellable_on_hand + NEW.on_hand - OLD.on_hand
                WHERE id = NEW.variant_id AND NOT EXISTS (SELECT 1 FROM location WHERE id = NEW.location_id AND kind = 'damaged');
                UPDATE product SET on_hand = on_hand + NEW.on_hand - OLD.on_hand
                WHERE id = (SELECT product_id FROM variant WHERE id = NEW.variant_id);
            END;
            CREATE TRIGGER stock_level_delete_derived AFTER DELETE ON stock_level BEGIN
                UPDATE variant SET sellable_on_hand = sellable_on_hand - OLD.on_hand
                WHERE id = OLD.variant_id AND NOT EXISTS (SELECT 1 FROM location WHERE id = OLD.location_id AND kind = 'damaged');
                UPDATE product SET on_hand = on_hand - OLD.on_hand WHERE id = (SELECT product_id FROM variant WHERE id = OLD.variant_id);
            END;
            CREATE TRIGGER location_kind_derived AFTER UPDATE OF kind ON location BEGIN
                UPDATE variant SET sellable_on_hand = (
                    SELECT COALESCE(SUM(l.on_hand), 0) FROM stock_level l JOIN location lo ON lo.id = l.location_id
                    WHERE l.variant_id = variant.id AND lo.kind <> 'damaged')
                WHERE id IN (SELECT variant_id FROM stock_level WHERE location_id = NEW.id);
            END;
            CREATE TRIGGER order_line_insert_derived AFTER INSERT ON order_line
            WHEN (SELECT status FROM sales_order WHERE id = NEW.order_id) = 'open' BEGIN
                UPDATE variant SET reserved = reserved + NEW.quantity WHERE id = NEW.variant_id;
            END;
            CREATE TRIGGER order_line_delete_derived AFTER DELETE ON order_line
            WHEN (SELECT status FROM sales_order WHERE id = OLD.order_id) = 'open' BEGIN
                UPDATE variant SET reserved = reserved - OLD.quantity WHERE id = OLD.variant_id;
            END;
            CREATE TRIGGER order_line_update_derived AFTER UPDATE OF quantity, variant_id, order_id ON order_line BEGIN
                UPDATE variant SET reserved = reserved - OLD.quantity
                WHERE id = OLD.variant_id AND (SELECT status FROM sales_order WHERE id = OLD.order_id) = 'open';
                UPDATE variant SET reserved = reserved + NEW.quantity
                WHERE id = NEW.variant_id AND (SELECT status FROM sales_order WHERE id = NEW.order_id) = 'open';
            END;
            CREATE TRIGGER sales_order_status_derived AFTER UPDATE OF status ON sales_order
            WHEN (OLD.status = 'open') <> (NEW.status = 'open') BEGIN
                UPDATE variant SET reserved = reserved + (CASE WHEN NEW.status = 'open' THEN 1 ELSE -1 END)
                    * (SELECT SUM(quantity) FROM order_line WHERE order_id = NEW.id AND variant_id = variant.id)
                WHERE id IN (SELECT variant_id FROM order_line WHERE order_id = NEW.id);
            END;
            CREATE TRIGGER sales_order_delete_derived BEFORE DELETE ON sales_order WHEN OLD.status = 'open' BEGIN
                UPDATE variant SET reserved = reserved
                    - (SELECT SUM(quantity) FROM order_line WHERE order_id = OLD.id AND variant_id = variant.id)
                WHERE id IN (SELECT variant_id FROM order_line WHERE order_id = OLD.id);
            END;
            """)
        try ShopDerivedColumns.rebuild(db)
        try db.execute(sql: """
            CREATE INDEX variant_unavailable_by_sku ON variant(sku, id) WHERE sellable_on_hand - reserved <= 0;
            CREATE INDEX variant_oversold_by_sku ON variant(sku, id) WHERE sellable_on_hand - reserved < 0;
            CREATE INDEX product_active_without_stock_by_title ON product(title, id) WHERE status = 'active' AND on_hand <= 0;
            """)
    }

    /// Titles by product id: a catalog window filtered by free text sorts its matches by title,
    /// and reads each match's title here instead of from its product row (which holds the
    /// description). `PaneLists.products` names this index.
    static func indexProductTitlesByID(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX product_title_by_id ON product(id, title)")
    }

    /// What `FilterPlan` needs to choose how to read a filtered list before reading it:
    ///
    /// - `product_fts_vocab`, the search index's own term list with the number of products per
    ///   term (a view of the index; it stores nothing), so that free text can be estimated from
    ///   the terms its words begin before any match is read;
    /// - SKUs in case-insensitive order, the order `LIKE` compares in, so that a SKU prefix is a
    ///   range that can be counted and read without walking every variant;
    /// - the stock held at each location, so that `location:` on a location holding few
    ///   variants (quarantine) reads just those.
    static func addFilterEstimates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE product_fts_vocab USING fts5vocab(product_fts, 'row');
            CREATE INDEX variant_by_sku_nocase ON variant(sku COLLATE NOCASE);
            CREATE INDEX stock_level_held_by_location ON stock_level(location_id, variant_id) WHERE on_hand > 0;
            """)
    }

    /// `scope_stamp`: a counter that every change to promotions and to what a promotion's scope
    /// can name moves, by any process, so that the promotions list keeps its overlap flags
    /// (`OverlapFlagCache`) while nothing they depend on has changed. Price and stock changes, the
    /// frequent ones, do not move it.
    static func addScopeStamp(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE scope_stamp(n INTEGER NOT NULL); INSERT INTO scope_stamp(n) VALUES (0);")
        let events = [
            ("product", ["INSERT", "DELETE", "UPDATE OF product_type, category_id, vendor, handle, status"]),
            ("variant", ["INSERT", "DELETE", "UPDATE OF sku, status, product_id"]),
            ("product_tag", ["INSERT", "DELETE"]),
            ("tag", ["UPDATE OF name"]),
            ("collection_product", ["INSERT", "DELETE"]),
            ("collection", ["UPDATE OF handle, title"]),
            ("category", ["UPDATE OF name"]),
            ("promotion", ["INSERT", "DELETE", "UPDATE"]),
        ]
        for (table, kinds) in events {
            for kind in kinds {
                let name = "scope_stamp_" + table + "_" + (kind.split(separator: " ").first.map(String.init) ?? "").lowercased()
                try db.execute(sql: """
                    CREATE TRIGGER \(name) AFTER \(kind) ON \(table) BEGIN UPDATE scope_stamp SET n = n + 1; END;
                    """)
            }
        }
    }
}
