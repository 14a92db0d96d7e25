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
