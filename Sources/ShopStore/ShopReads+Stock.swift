import CSV
import Foundation
import GRDB
import ShopKit

/// Stock reads beyond the list window: chosen rows, the reorder list and its CSV.
extension ShopDatabase {
    /// The stock rows of chosen variants (the selected or marked rows), in list order.
    public func stockItems(ids: [Int64]) throws -> [StockListItem] {
        try writer.read { db in
            let list = try stockList(db)
            var items: [StockListItem] = []
            // Bound parameters in chunks (SQLite limits the number of variables per statement).
            for start in stride(from: 0, to: ids.count, by: 500) {
                items += try list.rows(db, ids: Array(ids[start..<min(ids.count, start + 500)]))
            }
            return items.sorted { $0.sortKey.values.lexicographicallyPrecedes($1.sortKey.values) }
        }
    }

    /// The stock rows of the variants with these SKUs (exact match); unknown SKUs are absent.
    public func stockItems(skus: [String]) throws -> [StockListItem] {
        let ids = try writer.read { db in
            var ids: [Int64] = []
            for start in stride(from: 0, to: skus.count, by: 500) {
                let chunk = Array(skus[start..<min(skus.count, start + 500)])
                let marks = databaseQuestionMarks(count: chunk.count)
                ids += try Int64.fetchAll(
                    db, sql: "SELECT id FROM variant WHERE sku IN (" + marks + ") AND sku <> ''",
                    arguments: StatementArguments(chunk))
            }
            return ids
        }
        return try stockItems(ids: ids)
    }

    /// What to order, by vendor then SKU: active variants of active products whose available
    /// stock is at or below their trigger (see `ReorderAdvice`). Read through a cursor, so the
    /// list is built without holding the catalog in memory.
    public func reorderList() throws -> [ReorderLine] {
        try writer.read { db in
            let list = try stockList(db)
            let sql = "SELECT " + list.columns + ", p.vendor AS vendor FROM " + list.from + """
                 WHERE p.status = 'active' AND v.status = 'active'
                   AND (s.reorder_point IS NOT NULL OR v.id IN (SELECT DISTINCT rol.variant_id FROM order_line rol
                        JOIN sales_order ro ON ro.id = rol.order_id WHERE ro.placed_at >= ? AND ro.status <> 'cancelled'))
                 ORDER BY p.vendor, v.sku, v.id
                """
            var lines: [ReorderLine] = []
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: list.columnArguments + list.columnArguments)
            while let row = try cursor.next() {
                let item = try list.decode(row)
                guard item.suggestedReorder > 0 else { continue }
                lines.append(ReorderLine(vendor: row["vendor"], item: item))
            }
            return lines
        }
    }

    /// Writes the reorder list as CSV for a purchase order (whole or not at all: see
    /// `CSVFileWriter`). Returns the line count.
    @discardableResult
    public func exportReorderList(to path: String) throws -> Int {
        let lines = try reorderList()
        let file = try CSVFileWriter(url: URL(fileURLWithPath: path), header: [
            "vendor", "sku", "product", "options", "available", "on_hand", "reserved", "sold_30_days", "per_day",
            "days_of_cover", "reorder_point", "lead_time_days", "order_quantity", "unit_cost", "line_cost",
        ])
        for line in lines {
            let item = line.item
            let texts: [SpreadsheetCell] = [.text(line.vendor), .text(item.sku), .text(item.productTitle), .text(item.optionSummary)]
            let counts: [SpreadsheetCell] = [
                .integer(item.available), .integer(item.onHand), .integer(item.reserved), .integer(item.velocity.unitsSold),
                .number(item.velocity.perDayDecimal),
            ]
            let plan: [SpreadsheetCell] = [
                .integer(item.daysOfCover), .integer(item.reorderPoint), .integer(item.reorder?.leadTimeDays),
                .integer(line.quantity), .money(item.unitCost), .money(line.lineCost),
            ]
            try file.write(texts + counts + plan)
        }
        try file.finish()
        return lines.count
    }

    private func stockList(_ db: Database) throws -> KeysetList<StockListItem> {
        PaneLists(currency: currency, locations: try Self.locations(db), now: clock()).stock
    }
}
