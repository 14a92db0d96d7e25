import GRDB
import ShopKit

/// Finding the customer a new complaint is about.
extension ShopDatabase {
    /// An order number finds its customer with that order; otherwise an exact email, or the
    /// start of a name or email (at most `limit`, by name). Both lookups use an index.
    public func findCustomers(matching text: String, limit: Int = 6) throws -> [CustomerMatch] {
        let needle = text.trimmingWhitespace()
        guard !needle.isEmpty else { return [] }
        return try writer.read { db in
            func customer(_ row: Row) -> Customer {
                Customer(
                    id: row["id"], name: row["name"], email: row["email"], phone: row["phone"], city: row["city"],
                    country: row["country"], createdAt: Timestamp(iso8601: row["created_at"]) ?? Timestamp(secondsSince1970: 0))
            }
            if let order = try Row.fetchOne(db, sql: """
                SELECT cu.*, o.id AS order_id, o.number AS order_number,
                       (SELECT count(*) FROM sales_order ao WHERE ao.customer_id = cu.id) AS order_count
                FROM sales_order o JOIN customer cu ON cu.id = o.customer_id WHERE o.number = ? COLLATE NOCASE
                """, arguments: [needle]) {
                return [CustomerMatch(customer: customer(order), orderID: order["order_id"], orderNumber: order["order_number"],
                                      orderCount: order["order_count"])]
            }
            let prefix = FilterText.prefix(needle)
            return try Row.fetchAll(db, sql: """
                SELECT cu.*, (SELECT count(*) FROM sales_order ao WHERE ao.customer_id = cu.id) AS order_count
                FROM customer cu
                WHERE cu.erased_at IS NULL AND (cu.email = ? OR cu.name LIKE ? ESCAPE '\\' OR cu.email LIKE ? ESCAPE '\\')
                ORDER BY cu.email = ? DESC, cu.name, cu.id LIMIT ?
                """, arguments: [needle, prefix, prefix, needle, limit]).map {
                CustomerMatch(customer: customer($0), orderCount: $0["order_count"])
            }
        }
    }

    /// The id of the variant with this SKU, if there is one.
    public func variantID(sku: String) throws -> Int64? {
        let trimmed = sku.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        return try writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM variant WHERE sku = ?", arguments: [trimmed])
        }
    }
}

extension ShopDatabase {
    /// The complaint pane's summary at the store's clock: open, overdue, closed in the last 30
    /// days with their median time to close, and the top kinds and products of the last 30 days.
    public func complaintSummary() throws -> ComplaintSummary {
        try writer.read { db in
            let now = clock()
            let since = now.adding(days: -30).iso8601
            let open = ComplaintStatus.allCases.filter(\.isOpen).map(\.rawValue)
            let marks = databaseQuestionMarks(count: open.count)
            let counts = try Row.fetchOne(db, sql: """
                SELECT COALESCE(SUM(status IN (\(marks))), 0) AS open,
                       COALESCE(SUM(status IN (\(marks)) AND due_at <= ? AND (waiting_since IS NULL OR due_at <= waiting_since)), 0) AS overdue
                FROM complaint
                """, arguments: StatementArguments(open + open + [now.iso8601]))
            let durations = try Row.fetchAll(db, sql: """
                SELECT opened_at, resolved_at FROM complaint
                WHERE status IN ('resolved', 'rejected') AND resolved_at >= ?
                """, arguments: [since]).compactMap { row -> Int64? in
                guard let opened = Timestamp(iso8601: row["opened_at"]), let closed = (row["resolved_at"] as String?)
                    .flatMap(Timestamp.init(iso8601:)) else { return nil }
                return max(0, closed - opened)
            }
            let kinds = try Row.fetchAll(db, sql: """
                SELECT kind, count(*) AS n FROM complaint WHERE opened_at >= ? GROUP BY kind ORDER BY n DESC, kind LIMIT 5
                """, arguments: [since]).compactMap { row in
                ComplaintKind(rawValue: row["kind"]).map { (kind: $0, count: row["n"] as Int) }
            }
            let products = try Row.fetchAll(db, sql: """
                SELECT p.title, count(*) AS n FROM complaint c JOIN variant v ON v.id = c.variant_id
                JOIN product p ON p.id = v.product_id
                WHERE c.opened_at >= ? GROUP BY p.id ORDER BY n DESC, p.title LIMIT 5
                """, arguments: [since]).map { (title: $0["title"] as String, count: $0["n"] as Int) }
            return ComplaintSummary(
                open: counts?["open"] ?? 0, overdue: counts?["overdue"] ?? 0, resolvedLast30Days: durations.count,
                medianSecondsToResolve: ComplaintSummary.median(durations), topKinds: kinds, topProducts: products)
        }
    }
}
