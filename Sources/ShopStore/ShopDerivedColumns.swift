import GRDB

/// Columns kept up to date from other tables by triggers (see `Schema.addScaleIndexes`), so
/// that list filters and counts read a column or an index instead of summing other tables per row.
enum ShopDerivedColumns {
    /// Recomputes every derived value from its source tables: when the migration adds them,
    /// and after a bulk load, which runs without the triggers. Each sum is one grouped pass
    /// joined back (UPDATE … FROM), not a subquery per row.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM list_count;
            INSERT INTO list_count(name, n) VALUES
                ('product', (SELECT count(*) FROM product)),
                ('variant', (SELECT count(*) FROM variant)),
                ('complaint', (SELECT count(*) FROM complaint));
            UPDATE variant SET sellable_on_hand = 0, reserved = 0 WHERE sellable_on_hand <> 0 OR reserved <> 0;
            UPDATE variant SET sellable_on_hand = s.q
            FROM (SELECT l.variant_id, SUM(l.on_hand) AS q FROM stock_level l JOIN location lo ON lo.id = l.location_id
                  WHERE lo.kind <> 'damaged' GROUP BY l.variant_id) AS s
            WHERE s.variant_id = variant.id AND s.q <> 0;
            UPDATE variant SET reserved = r.q
            FROM (SELECT ol.variant_id, SUM(ol.quantity) AS q FROM order_line ol JOIN sales_order o ON o.id = ol.order_id
                  WHERE o.status = 'open' AND ol.variant_id IS NOT NULL GROUP BY ol.variant_id) AS r
            WHERE r.variant_id = variant.id;
            UPDATE product SET on_hand = 0 WHERE on_hand <> 0;
            UPDATE product SET on_hand = t.q
            FROM (SELECT v.product_id, SUM(l.on_hand) AS q FROM stock_level l JOIN variant v ON v.id = l.variant_id
                  GROUP BY v.product_id) AS t
            WHERE t.product_id = product.id AND t.q <> 0;
            """)
    }

    /// Each complaint's customer name (schema v11), from the customers: when the migration adds
    /// the column, and after a bulk load.
    static func rebuildComplaintCustomerNames(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE complaint SET customer_name = cu.name FROM customer cu
            WHERE cu.id = complaint.customer_id AND complaint.customer_name <> cu.name
            """)
    }
}
