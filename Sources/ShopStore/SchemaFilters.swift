import GRDB

extension Schema {
    /// Indexes for the `key:value` list filters, so that a filtered window stays cheap on a large
    /// shop. Each serves a filter the v1 indexes could only answer by reading every row:
    ///
    /// - `status:draft` and `status:archived` read those products in title order. Only products
    ///   not active are indexed: active ones are most of a catalog, found as fast by the title
    ///   order, and an index over them would make SQLite walk them in title order when counting
    ///   `stock:out`, which is far slower than reading the table in its own order;
    /// - `type:` is a case-insensitive prefix: a range of a NOCASE index;
    /// - `channel:` finds the products listed on a channel without reading every listing;
    /// - `cost:missing` reads only the variants without a cost, in SKU order;
    /// - `status:` and `assignee:` on complaints read the matching complaints newest first.
    ///
    /// Idempotent, so it may also run on a file that already has them.
    static func addFilterIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX IF NOT EXISTS product_not_active_by_status ON product(status, title, id) WHERE status <> 'active';
            CREATE INDEX IF NOT EXISTS product_by_type ON product(product_type COLLATE NOCASE, id);
            CREATE INDEX IF NOT EXISTS product_listing_by_channel ON product_listing(channel_id, state, product_id);
            CREATE INDEX IF NOT EXISTS variant_without_cost_by_sku ON variant(sku, id) WHERE cost_minor IS NULL;
            CREATE INDEX IF NOT EXISTS complaint_by_status_opened ON complaint(status, opened_at, id);
            CREATE INDEX IF NOT EXISTS complaint_by_assignee ON complaint(assignee COLLATE NOCASE, opened_at, id);
            """)
    }
}
