import Foundation
import GRDB
import ShopKit

/// The single write path. Every change to the shop goes through `perform`: the domain validates
/// the command, the row's version is checked (a stale edit is a conflict and never overwrites),
/// the row is written, and audit rows record who changed which field from what to what —
/// all in one transaction, so either everything happens or nothing does.
extension ShopDatabase {
    @discardableResult
    public func perform(_ command: WriteCommand, reason: String = "") throws(WriteError) -> WriteResult {
        if isReadOnly { throw .readOnly("the database file is read-only") }
        let validated: ValidatedChanges
        do { validated = try command.validated(currency: currency) } catch { throw .invalid(error) }
        let now = clock()
        let actor = self.actor
        let currency = self.currency
        do {
            return try writer.write { db in
                switch command {
                case .updateProduct(let id, let expectedVersion, _):
                    let columns = validated.values.map { FieldWrite(field: $0.key, column: $0.key, value: $0.value) }
                    return try updateRow(
                        db, table: "product", id: id, expectedVersion: expectedVersion, columns: columns,
                        now: now, actor: actor, command: "edit product", reason: reason)
                case .updateVariant(let id, let expectedVersion, _):
                    let columns = validated.values.map {
                        FieldWrite(field: $0.key, column: VariantColumns.column(for: $0.key), value: $0.value)
                    }
                    return try updateRow(
                        db, table: "variant", id: id, expectedVersion: expectedVersion, columns: columns,
                        now: now, actor: actor, command: "edit variant", reason: reason,
                        check: { merged in try VariantColumns.checkPrices(merged, currency: currency) })
                case .recordMovement(let variantID, let locationID, let stockReason, let quantity, let reference):
                    return try recordMovement(
                        db, variantID: variantID, locationID: locationID, reason: stockReason, quantity: quantity,
                        reference: reference, now: now, actor: actor, auditReason: reason)
                }
            }
        } catch let error as WriteError {
            throw error
        } catch let error as ValidationError {
            throw .invalid(error)
        } catch let error as DatabaseError {
            throw Self.describe(error)
        } catch {
            throw .unavailable("\(error)")
        }
    }

    static func describe(_ error: DatabaseError) -> WriteError {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE:
            let message = error.message ?? ""
            let field = message.contains("sku") ? "sku" : message.contains("barcode") ? "barcode" : "value"
            return .invalid(ValidationError(
                field: field, message: "that \(field) is already used by another row", hint: "choose a unique \(field)"))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .unavailable("another session held the database for too long; try again")
        case .SQLITE_READONLY:
            return .readOnly("the database file is read-only")
        case .SQLITE_FULL:
            return .unavailable("the disk is full")
        default:
            return .unavailable(error.message ?? "\(error)")
        }
    }

    /// Opens an audit batch: one command by one person at one moment.
    func openBatch(_ db: Database, now: Timestamp, actor: String, command: String, reason: String) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO audit_batch(at, actor, command, reason) VALUES (?, ?, ?, ?)",
            arguments: [now.iso8601, actor, command, reason])
        return db.lastInsertedRowID
    }

    func appendAudit(
        _ db: Database, batchID: Int64, now: Timestamp, actor: String, entity: String, entityID: Int64, change: FieldChange
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO audit_log(batch_id, at, actor, entity, entity_id, field, old_value, new_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [batchID, now.iso8601, actor, entity, entityID, change.field, change.oldValue, change.newValue])
    }

    private func updateRow(
        _ db: Database, table: String, id: Int64, expectedVersion: Int64, columns: [FieldWrite],
        now: Timestamp, actor: String, command: String, reason: String,
        check: ([String: DatabaseValue]) throws -> Void = { _ in }
    ) throws -> WriteResult {
        let request = Table(table).filter(Column("id") == id)
        guard let row = try Row.fetchOne(db, request) else { throw WriteError.notFound(entity: table, id: id) }
        let currentVersion: Int64 = row["version"]
        let sorted = columns.sorted { $0.field < $1.field }
        guard currentVersion == expectedVersion else {
            var current: [String: String?] = [:]
            for write in sorted { current[write.field] = auditText(row[write.column] as DatabaseValue, column: write.column) }
            throw WriteError.conflict(entity: table, id: id, currentVersion: currentVersion, current: current)
        }
        var merged: [String: DatabaseValue] = [:]
        for column in row.columnNames { merged[column] = row[column] }
        var changes: [FieldChange] = []
        var assignments: [ColumnAssignment] = []
        for write in sorted {
            let newValue = Self.databaseValue(write.value, column: write.column)
            let oldValue: DatabaseValue = row[write.column]
            merged[write.column] = newValue
            guard oldValue != newValue else { continue }
            changes.append(FieldChange(
                field: write.field, oldValue: auditText(oldValue, column: write.column),
                newValue: auditText(newValue, column: write.column)))
            assignments.append(Column(write.column).set(to: newValue))
        }
        try check(merged)
        guard !changes.isEmpty else { return WriteResult(batchID: 0, newVersion: currentVersion, changes: []) }
        assignments.append(Column("version").set(to: currentVersion + 1))
        assignments.append(Column("updated_at").set(to: now.iso8601))
        let updated = try request.filter(Column("version") == expectedVersion).updateAll(db, assignments)
        guard updated == 1 else { throw WriteError.notFound(entity: table, id: id) }
        let batchID = try openBatch(db, now: now, actor: actor, command: command, reason: reason)
        for change in changes {
            try appendAudit(db, batchID: batchID, now: now, actor: actor, entity: table, entityID: id, change: change)
        }
        return WriteResult(batchID: batchID, newVersion: currentVersion + 1, changes: changes)
    }

    private func recordMovement(
        _ db: Database, variantID: Int64, locationID: Int64, reason: StockReason, quantity: Int64, reference: String,
        now: Timestamp, actor: String, auditReason: String
    ) throws -> WriteResult {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM variant WHERE id = ?", arguments: [variantID]) != nil else {
            throw WriteError.notFound(entity: "variant", id: variantID)
        }
        guard let code = try String.fetchOne(db, sql: "SELECT code FROM location WHERE id = ?", arguments: [locationID]) else {
            throw WriteError.notFound(entity: "location", id: locationID)
        }
        let before = try Int64.fetchOne(
            db, sql: "SELECT on_hand FROM stock_level WHERE variant_id = ? AND location_id = ?",
            arguments: [variantID, locationID]) ?? 0
        try db.execute(
            sql: """
                INSERT INTO stock_movement(at, variant_id, location_id, reason, quantity, reference, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [now.iso8601, variantID, locationID, reason.rawValue, quantity, reference, actor])
        let movementID = db.lastInsertedRowID
        let batchID = try openBatch(db, now: now, actor: actor, command: "stock \(reason.label)", reason: auditReason)
        let change = FieldChange(field: "on_hand@\(code)", oldValue: String(before), newValue: String(before + quantity))
        try appendAudit(db, batchID: batchID, now: now, actor: actor, entity: "variant", entityID: variantID, change: change)
        try appendAudit(
            db, batchID: batchID, now: now, actor: actor, entity: "stock_movement", entityID: movementID,
            change: FieldChange(field: "quantity", oldValue: nil, newValue: String(quantity)))
        return WriteResult(batchID: batchID, newVersion: nil, changes: [change])
    }

    static func databaseValue(_ value: FieldValue, column: String) -> DatabaseValue {
        switch value {
        case .text(let text): return text.databaseValue
        case .integer(let number): return number.databaseValue
        case .money(let money): return money.minorUnits.databaseValue
        case .none: return column == "sku" ? "".databaseValue : .null
        }
    }

    /// Audit text a person reads: money as decimals (`24.90`), not minor units.
    func auditText(_ value: DatabaseValue, column: String) -> String? {
        if column.hasSuffix("_minor"), let minor = Int64.fromDatabaseValue(value) {
            return Money(minorUnits: minor, currency: currency).decimalText
        }
        return Self.auditText(value)
    }

    static func auditText(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): text
        case .blob(let data): "<\(data.count) bytes>"
        }
    }
}

/// One field of an edit: its domain name (what the audit log says), its column, its new value.
struct FieldWrite {
    let field: String
    let column: String
    let value: FieldValue
}

/// How variant fields map to columns, and the cross-field rules checked on the merged row.
enum VariantColumns {
    static func column(for field: String) -> String {
        switch field {
        case VariantField.price.rawValue: "price_minor"
        case VariantField.compareAtPrice.rawValue: "compare_at_minor"
        case VariantField.cost.rawValue: "cost_minor"
        default: field
        }
    }

    static func checkPrices(_ row: [String: DatabaseValue], currency: Currency) throws {
        func money(_ column: String) -> Money? {
            Int64.fromDatabaseValue(row[column] ?? .null).map { Money(minorUnits: $0, currency: currency) }
        }
        guard let price = money("price_minor") else { return }
        try CatalogRules.validatePrices(price: price, compareAt: money("compare_at_minor"), cost: money("cost_minor"))
    }
}
