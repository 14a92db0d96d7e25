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
        // Putting a promotion back would bypass its margin guard and its codes: refused, not skipped.
        if rows.contains(where: { ($0["entity"] as String) == "promotion" }) {
            throw WriteError.invalid(ValidationError(
                field: "", message: "promotion changes are not undone",
                hint: "edit the promotion back, pause it or end it"))
        }
        let createsRow = rows.contains { row in
            let field: String = row["field"]
            return (field == "handle" || (field == "price" && (row["entity"] as String) == "variant"))
                && (row["old_value"] as String?) == nil
        }
        if createsRow {
            throw WriteError.invalid(ValidationError(
                field: "", message: "a new product or variant is not undone by deleting it",
                hint: "archive it instead (a, then y): rows with history are never deleted"))
        }
        var fieldsByRow: [String: [(field: String, old: String?, new: String?)]] = [:]
        var rowOrder: [String] = []
        var linkedProducts: Set<Int64> = []
        var settingChanges: [Int64: [String: (old: String?, new: String?)]] = [:]
        for row in rows {
            let entity: String = row["entity"]
            let field: String = row["field"]
            let key = "\(entity):\(row["entity_id"] as Int64)"
            if entity == "stock_setting" {
                settingChanges[row["entity_id"], default: [:]][field] = (row["old_value"], row["new_value"])
                continue
            }
            if entity == "stock_movement" && field == "quantity" {
                try reverseMovement(db, movementID: row["entity_id"], undoneBatch: batchID, batch: batch)
                continue
            }
            if entity == "product" && (field == "tags" || field == "channels") {
                if try undoLinks(db, productID: row["entity_id"], field: field, old: row["old_value"], new: row["new_value"], batch: batch) {
                    linkedProducts.insert(row["entity_id"])
                }
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
        for (variantID, changes) in settingChanges.sorted(by: { $0.key < $1.key }) {
            try undoReorderSettings(db, variantID: variantID, changes: changes, batch: batch)
        }
        // Tags and channels are not columns: their change still makes a new product version, once.
        let updatedProducts = Set(rowOrder.filter { $0.hasPrefix("product:") }.compactMap { Int64($0.dropFirst(8)) })
        for productID in linkedProducts.subtracting(updatedProducts) {
            try db.execute(sql: "UPDATE product SET version = version + 1, updated_at = ? WHERE id = ?",
                           arguments: [batch.context.now.iso8601, productID])
        }
    }

    /// Puts reorder settings back, unless someone changed them since. Settings that did not
    /// exist before stay, at the values they had (there is no "no settings" value to put back).
    private func undoReorderSettings(
        _ db: Database, variantID: Int64, changes: [String: (old: String?, new: String?)], batch: AuditBatch
    ) throws {
        let fields = ["reorder_point", "reorder_quantity", "lead_time_days"]
        guard let row = try Row.fetchOne(
            db, sql: "SELECT reorder_point, reorder_quantity, lead_time_days, version FROM stock_setting WHERE variant_id = ?",
            arguments: [variantID])
        else { throw WriteError.notFound(entity: "stock_setting", id: variantID) }
        var current: [String: String?] = [:]
        for field in fields { current[field] = (row[field] as Int64?).map(String.init) }
        for (field, change) in changes where current[field] != change.new {
            throw WriteError.conflict(entity: "stock_setting", id: variantID, currentVersion: row["version"], current: current)
        }
        if changes.values.contains(where: { $0.old == nil }) {
            throw WriteError.invalid(ValidationError(
                field: "", message: "new reorder settings are not undone by removing them",
                hint: "edit them instead (S on the Stock pane)"))
        }
        func value(_ field: String) -> Int64 {
            Int64(changes[field]?.old ?? current[field].flatMap { $0 } ?? "0") ?? 0
        }
        _ = try setReorderSettings(
            db, variantID: variantID,
            settings: ReorderSettings(
                reorderPoint: value("reorder_point"), reorderQuantity: value("reorder_quantity"),
                leadTimeDays: value("lead_time_days"), version: row["version"]),
            batch: batch)
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


    /// Puts a product's tags or channels back, unless someone changed them since.
    private func undoLinks(
        _ db: Database, productID: Int64, field: String, old: String?, new: String?, batch: AuditBatch
    ) throws -> Bool {
        let current: String
        if field == "tags" {
            current = try String.fetchAll(db, sql: """
                SELECT t.name FROM product_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.product_id = ? ORDER BY t.name
                """, arguments: [productID]).joined(separator: ", ")
        } else {
            current = try String.fetchAll(db, sql: """
                SELECT c.code FROM product_listing pl JOIN channel c ON c.id = pl.channel_id
                WHERE pl.product_id = ? AND pl.state = 'listed' ORDER BY c.id
                """, arguments: [productID]).joined(separator: " ")
        }
        let separator: Character = field == "tags" ? "," : " "
        func normalized(_ text: String?) -> [String] {
            (text ?? "").split(separator: separator).map { String($0).trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }.sorted()
        }
        guard normalized(current) == normalized(new) else {
            let version = try Int64.fetchOne(db, sql: "SELECT version FROM product WHERE id = ?", arguments: [productID]) ?? 0
            throw WriteError.conflict(entity: "product", id: productID, currentVersion: version, current: [field: current])
        }
        let values = (old ?? "").split(separator: separator).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        return field == "tags"
            ? try setTags(db, productID: productID, tags: values, batch: batch)
            : try setListedChannels(db, productID: productID, codes: values, batch: batch)
    }
}
