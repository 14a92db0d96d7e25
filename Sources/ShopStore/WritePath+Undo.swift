import GRDB
import ShopKit

/// Undo through the write path: an earlier batch's fields put back as a new audited batch.
extension ShopDatabase {
    /// Puts back every field an earlier batch changed. A movement is undone by a correcting
    /// movement (the ledger is never rewritten).
    func undo(_ db: Database, batchID: Int64, batch: AuditBatch) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT entity, entity_id, field, old_value, new_value FROM audit_log WHERE batch_id = ? ORDER BY id
            """, arguments: [batchID])
        guard !rows.isEmpty else { throw WriteError.notFound(entity: "change", id: batchID) }
        if rows.contains(where: { ($0["field"] as String) == "handle" && ($0["old_value"] as String?) == nil }) {
            throw WriteError.invalid(ValidationError(
                field: "", message: "a new product is not undone by deleting it",
                hint: "archive it instead (a, then y): products with history are never deleted"))
        }
        var fieldsByRow: [String: [(field: String, old: String?, new: String?)]] = [:]
        var rowOrder: [String] = []
        for row in rows {
            let entity: String = row["entity"]
            let field: String = row["field"]
            let key = "\(entity):\(row["entity_id"] as Int64)"
            if entity == "stock_movement" && field == "quantity" {
                try reverseMovement(db, movementID: row["entity_id"], undoneBatch: batchID, batch: batch)
                continue
            }
            guard entity == "product" || entity == "variant", !field.contains("@"), field != "margin_floor_override" else {
                continue
            }
            if fieldsByRow[key] == nil { rowOrder.append(key) }
            fieldsByRow[key, default: []].append((field, row["old_value"], row["new_value"]))
        }
        for key in rowOrder {
            let parts = key.split(separator: ":")
            let table = String(parts[0])
            let id = Int64(parts[1])!
            guard let row = try Row.fetchOne(db, Table(table).filter(Column("id") == id)) else {
                throw WriteError.notFound(entity: table, id: id)
            }
            var writes: [FieldWrite] = []
            var current: [String: String?] = [:]
            var conflict = false
            for change in fieldsByRow[key]! {
                let column = table == "variant" ? VariantColumns.column(for: change.field) : change.field
                let now = auditText(row[column] as DatabaseValue, column: column)
                current[change.field] = now
                if now != change.new { conflict = true }
                writes.append(FieldWrite(field: change.field, column: column, value: try fieldValue(change.old, column: column)))
            }
            if conflict {
                throw WriteError.conflict(entity: table, id: id, currentVersion: row["version"], current: current)
            }
            // The reverted row must still be a valid row (a compare-at price changed since may no
            // longer be above the price put back).
            let currency = self.currency
            _ = try updateRow(
                db, table: table, id: id, expectedVersion: row["version"], writes: writes, batch: batch,
                check: { merged, _ in if table == "variant" { try VariantColumns.checkPrices(merged, currency: currency) } })
        }
    }

    func reverseMovement(_ db: Database, movementID: Int64, undoneBatch: Int64, batch: AuditBatch) throws {
        guard let movement = try Row.fetchOne(
            db, sql: "SELECT variant_id, location_id, quantity FROM stock_movement WHERE id = ?", arguments: [movementID])
        else { throw WriteError.notFound(entity: "stock_movement", id: movementID) }
        try recordMovement(
            db, variantID: movement["variant_id"], locationID: movement["location_id"], reason: .adjustment,
            quantity: -(movement["quantity"] as Int64), reference: "undo #\(undoneBatch)", batch: batch)
    }

    /// Turns audit text back into a value for its column (money audit text is decimal).
    func fieldValue(_ text: String?, column: String) throws -> FieldValue {
        guard let text else { return .none }
        if column.hasSuffix("_minor") {
            return .money(try MoneyParser.parse(text, currency: currency, field: column, allowNegative: true))
        }
        if column == "grams" || column == "version", let number = Int64(text) { return .integer(number) }
        return .text(text)
    }

}
