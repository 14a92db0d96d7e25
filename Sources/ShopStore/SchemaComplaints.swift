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

    /// The complaint queue's urgency order, less its clock-dependent first key: closed or not,
    /// priority rank, oldest first (`PaneLists.urgencyGroups` reads one group at a time from it).
    /// The expressions are those of `PaneLists.closedSQL` and `priorityRankSQL` as written there,
    /// or SQLite would not match them. `due_at` and `waiting_since` come last so that the overdue
    /// test is answered from the index while it skips rows of the other open group.
    static func indexComplaintUrgency(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX complaint_by_urgency ON complaint(
                (status IN ('resolved', 'rejected')),
                (CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END),
                opened_at, id, due_at, waiting_since)
            """)
    }

    /// `complaint.customer_name`: the name of the complaint's customer, kept by triggers, so that
    /// the queue's free text is matched on the complaint rows alone. Joining each complaint to
    /// its customer to match the name tripled the cost of a search that matches few.
    static func keepComplaintCustomerNames(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE complaint ADD COLUMN customer_name TEXT NOT NULL DEFAULT '';
            CREATE TRIGGER complaint_customer_name_on_insert AFTER INSERT ON complaint WHEN NEW.customer_id IS NOT NULL BEGIN
              UPDATE complaint SET customer_name = COALESCE((SELECT cu.name FROM customer cu WHERE cu.id = NEW.customer_id), '')
              WHERE id = NEW.id;
            END;
            CREATE TRIGGER complaint_customer_name_on_change AFTER UPDATE OF customer_id ON complaint BEGIN
              UPDATE complaint SET customer_name = COALESCE((SELECT cu.name FROM customer cu WHERE cu.id = NEW.customer_id), '')
              WHERE id = NEW.id;
            END;
            CREATE TRIGGER customer_name_to_complaints AFTER UPDATE OF name ON customer BEGIN
              UPDATE complaint SET customer_name = COALESCE(NEW.name, '') WHERE customer_id = NEW.id;
            END;
            """)
        try ShopDerivedColumns.rebuildComplaintCustomerNames(db)
    }
}
