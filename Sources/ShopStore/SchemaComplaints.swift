import GRDB

extension Schema {
    /// The complaint workflow: a service clock that can pause while waiting for the customer,
    /// and refunds booked against orders (append-only, like every money record).
    static func addComplaintWorkflow(_ db: Database) throws {
        try db.alter(table: "complaint") { t in
            t.add(column: "paused_seconds", .integer).notNull().defaults(to: 0)
            t.add(column: "waiting_since", .text)
        }
        try db.create(table: "refund") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("order_id", .integer).notNull().references("sales_order", onDelete: .restrict)
            t.column("complaint_id", .integer).references("complaint", onDelete: .restrict)
            t.column("amount_minor", .integer).notNull().check { $0 > 0 }
            t.column("at", .text).notNull()
            t.column("actor", .text).notNull()
        }
        try db.create(index: "refund_by_order", on: "refund", columns: ["order_id"])
        try db.execute(sql: """
            CREATE TRIGGER refund_is_append_only_update BEFORE UPDATE ON refund BEGIN
              SELECT RAISE(ABORT, 'refunds are append-only');
            END;
            CREATE TRIGGER refund_is_append_only_delete BEFORE DELETE ON refund BEGIN
              SELECT RAISE(ABORT, 'refunds are append-only');
            END;
            CREATE INDEX IF NOT EXISTS complaint_by_customer ON complaint(customer_id);
            """)
    }
}
