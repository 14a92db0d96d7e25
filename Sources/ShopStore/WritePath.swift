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
        let context = WriteContext(now: clock(), actor: actor, currency: currency, reason: reason)
        do {
            return try writer.write { db in
                let batch = AuditBatch(context: context, command: Self.commandName(command))
                var version: Int64?
                var created: Int64?
                switch command {
                case .updateProduct(let id, let expectedVersion, _):
                    version = try updateRow(
                        db, table: "product", id: id, expectedVersion: expectedVersion,
                        writes: ProductColumns.writes(validated.values), batch: batch)
                case .editProduct(let id, let expectedVersion, _, let tags, let channels):
                    version = try editProduct(
                        db, id: id, expectedVersion: expectedVersion, values: validated.values, tags: tags,
                        listedChannels: channels, batch: batch)
                case .updateVariant(let id, let expectedVersion, _):
                    version = try updateVariant(
                        db, id: id, expectedVersion: expectedVersion, values: validated.values, override: false, batch: batch)
                case .updateVariants(let edits, let override):
                    for (edit, values) in zip(edits, validated.perEdit) {
                        version = try updateVariant(
                            db, id: edit.id, expectedVersion: edit.expectedVersion, values: values, override: override,
                            batch: batch)
                    }
                    if edits.count > 1 { version = nil }
                case .recordMovement(let variantID, let locationID, let stockReason, let quantity, let reference):
                    try recordMovement(
                        db, variantID: variantID, locationID: locationID, reason: stockReason, quantity: quantity,
                        reference: reference, batch: batch)
                case .transferStock(let variantID, let from, let to, let quantity, let reference, let beyond):
                    try transferStock(
                        db, variantID: variantID, from: from, to: to, quantity: quantity, reference: reference,
                        beyondAvailable: beyond, batch: batch)
                case .stocktake(let variantID, let locationID, let counted, let reference):
                    try stocktake(db, variantID: variantID, locationID: locationID, counted: counted, reference: reference, batch: batch)
                case .receiveBatch(let locationID, let items, let reference):
                    for item in items {
                        try recordMovement(
                            db, variantID: item.variantID, locationID: locationID, reason: .receipt, quantity: item.quantity,
                            reference: reference, batch: batch)
                    }
                case .setReorderSettings(let variantID, let settings):
                    version = try setReorderSettings(db, variantID: variantID, settings: settings, batch: batch)
                case .changeComplaint(let id, let expectedVersion, let change):
                    version = try changeComplaint(db, id: id, expectedVersion: expectedVersion, change: change, batch: batch)
                case .settleComplaint(let id, let expectedVersion, let settlement, let thenResolve, let confirmed):
                    version = try settleComplaint(
                        db, id: id, expectedVersion: expectedVersion, settlement: settlement, thenResolve: thenResolve,
                        confirmed: confirmed, batch: batch)
                case .openComplaint(let complaint):
                    created = try openComplaint(db, complaint, batch: batch)
                    version = 1
                case .revealPersonalData(let complaintID):
                    try revealPersonalData(db, complaintID: complaintID, batch: batch)
                case .undo(let batchID):
                    try undo(db, batchID: batchID, batch: batch)
                case .createProduct:
                    created = try createProduct(db, values: validated.values, variant: validated.perEdit.first ?? [:], batch: batch)
                    version = 1
                case .createVariant(let productID, _, _):
                    created = try createVariant(db, productID: productID, values: validated.values, batch: batch)
                    version = 1
                case .duplicateProduct(let id):
                    created = try duplicateProduct(db, id: id, batch: batch)
                    version = 1
                case .importProduct(let product):
                    let outcome = try importProduct(db, product, batch: batch)
                    if let reject = outcome.rejects.first { throw WriteError.invalid(ValidationError(field: "", message: reject.reason)) }
                    created = outcome.product == .created ? outcome.productID : nil
                case .importPromotion(let promotion):
                    created = try importPromotion(db, promotion, batch: batch).createdID
                case .createPromotion(let promotion, let override):
                    created = try createPromotion(db, promotion: promotion, override: override, batch: batch)
                    version = 1
                case .editPromotion(let id, let expectedVersion, let promotion, let override):
                    version = try editPromotion(
                        db, id: id, expectedVersion: expectedVersion, promotion: promotion, override: override, batch: batch)
                case .setPromotionPaused(let id, let expectedVersion, let paused, let override):
                    version = try setPromotionPaused(
                        db, id: id, expectedVersion: expectedVersion, paused: paused, override: override, batch: batch)
                case .duplicatePromotion(let id):
                    created = try duplicatePromotion(db, id: id, batch: batch)
                    version = 1
                case .endPromotionNow(let id, let expectedVersion):
                    version = try endPromotionNow(db, id: id, expectedVersion: expectedVersion, batch: batch)
                case .generatePromotionCodes(let promotionID, let count, let prefix, let seed):
                    try generatePromotionCodes(db, promotionID: promotionID, count: count, prefix: prefix, seed: seed, batch: batch)
                }
                return WriteResult(batchID: batch.id ?? 0, newVersion: version, changes: batch.changes, createdID: created)
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

    static func commandName(_ command: WriteCommand) -> String {
        switch command {
        case .updateProduct, .editProduct: "edit product"
        case .updateVariant: "edit variant"
        case .updateVariants(let edits, _): edits.count == 1 ? "edit variant" : "bulk edit \(edits.count) variants"
        case .recordMovement(_, _, let reason, _, _): "stock \(reason.label)"
        case .transferStock: "stock transfer"
        case .stocktake: "stocktake"
        case .receiveBatch(_, let items, _): "stock receipt of \(items.count) SKUs"
        case .setReorderSettings: "reorder settings"
        case .changeComplaint(let id, _, _): "complaint #\(id)"
        case .settleComplaint(let id, _, let settlement, _, _): "complaint #\(id) \(settlement.label)"
        case .openComplaint: "open complaint"
        case .revealPersonalData(let id): "reveal personal data of complaint #\(id)"
        case .undo(let batchID): "undo #\(batchID)"
        case .createProduct: "create product"
        case .createVariant: "create variant"
        case .duplicateProduct(let id): "duplicate product \(id)"
        case .importProduct(let product): "import product \(product.handle)"
        case .importPromotion(let imported): "import promotion \(imported.promotion.name)"
        case .createPromotion: "create promotion"
        case .editPromotion(let id, _, _, _): "edit promotion \(id)"
        case .setPromotionPaused(let id, _, let paused, _): paused ? "pause promotion \(id)" : "resume promotion \(id)"
        case .duplicatePromotion(let id): "duplicate promotion \(id)"
        case .endPromotionNow(let id, _): "end promotion \(id) now"
        case .generatePromotionCodes(let id, let count, _, _): "generate \(count) codes for promotion \(id)"
        }
    }

    static func describe(_ error: DatabaseError) -> WriteError {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE:
            let message = error.message ?? ""
            let field = message.contains("sku") ? "sku" : message.contains("barcode") ? "barcode"
                : message.contains("handle") ? "handle" : "value"
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

    // MARK: - Rows

    /// Updates one row at its expected version and audits each changed field. Returns the new
    /// version (unchanged when nothing differed, in which case nothing is written).
    func updateRow(
        _ db: Database, table: String, id: Int64, expectedVersion: Int64, writes: [FieldWrite], batch: AuditBatch,
        check: (_ merged: [String: DatabaseValue], _ changed: Set<String>) throws -> Void = { _, _ in }
    ) throws -> Int64 {
        let request = Table(table).filter(Column("id") == id)
        guard let row = try Row.fetchOne(db, request) else { throw WriteError.notFound(entity: table, id: id) }
        let currentVersion: Int64 = row["version"]
        let sorted = writes.sorted { $0.field < $1.field }
        guard currentVersion == expectedVersion else {
            var current: [String: String?] = [:]
            for write in sorted { current[write.field] = auditText(row[write.column] as DatabaseValue, column: write.column) }
            throw WriteError.conflict(entity: table, id: id, currentVersion: currentVersion, current: current)
        }
        var merged: [String: DatabaseValue] = [:]
        for column in row.columnNames { merged[column] = row[column] }
        var changes: [FieldChange] = []
        var changedColumns: Set<String> = []
        var assignments: [ColumnAssignment] = []
        for write in sorted {
            let newValue = Self.databaseValue(write.value, column: write.column)
            let oldValue: DatabaseValue = row[write.column]
            merged[write.column] = newValue
            guard oldValue != newValue else { continue }
            changes.append(FieldChange(
                field: write.field, oldValue: auditText(oldValue, column: write.column),
                newValue: auditText(newValue, column: write.column)))
            changedColumns.insert(write.column)
            assignments.append(Column(write.column).set(to: newValue))
        }
        try check(merged, changedColumns)
        guard !changes.isEmpty else { return currentVersion }
        assignments.append(Column("version").set(to: currentVersion + 1))
        assignments.append(Column("updated_at").set(to: batch.context.now.iso8601))
        let updated = try request.filter(Column("version") == expectedVersion).updateAll(db, assignments)
        guard updated == 1 else { throw WriteError.notFound(entity: table, id: id) }
        for change in changes { try batch.append(db, entity: table, entityID: id, change: change) }
        return currentVersion + 1
    }

    func updateVariant(
        _ db: Database, id: Int64, expectedVersion: Int64, values: [String: FieldValue], override: Bool, batch: AuditBatch
    ) throws -> Int64 {
        let floor = try Self.marginFloorBasisPoints(db)
        let currency = batch.context.currency
        var overrideNote: String?
        let version = try updateRow(
            db, table: "variant", id: id, expectedVersion: expectedVersion, writes: VariantColumns.writes(values),
            batch: batch,
            check: { merged, changed in
                try VariantColumns.checkPrices(merged, currency: currency)
                guard changed.contains("price_minor") || changed.contains("cost_minor"),
                      let violation = VariantColumns.floorViolation(merged, floor: floor, currency: currency) else { return }
                let sku = (merged["sku"].flatMap(String.fromDatabaseValue)).map { $0.isEmpty ? "variant \(id)" : $0 } ?? "variant \(id)"
                guard override else { throw WriteError.belowMarginFloor("\(sku): \(violation)") }
                overrideNote = violation
            })
        if let overrideNote {
            try batch.append(
                db, entity: "variant", entityID: id,
                change: FieldChange(field: "margin_floor_override", oldValue: nil, newValue: overrideNote))
        }
        return version
    }


    // MARK: - Stock

    func recordMovement(
        _ db: Database, variantID: Int64, locationID: Int64, reason: StockReason, quantity: Int64, reference: String,
        batch: AuditBatch
    ) throws {
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
            arguments: [batch.context.now.iso8601, variantID, locationID, reason.rawValue, quantity, reference, batch.context.actor])
        let movementID = db.lastInsertedRowID
        try batch.append(
            db, entity: "variant", entityID: variantID,
            change: FieldChange(field: "on_hand@\(code)", oldValue: String(before), newValue: String(before + quantity)))
        try batch.append(
            db, entity: "stock_movement", entityID: movementID,
            change: FieldChange(field: "quantity", oldValue: nil, newValue: String(quantity)))
    }

    // MARK: - Values

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

/// Who, when and why, for every write in one transaction.
struct WriteContext {
    let now: Timestamp
    let actor: String
    let currency: Currency
    let reason: String
}

/// The audit batch of one transaction: opened on the first changed field, so a command that
/// changes nothing leaves no trace.
final class AuditBatch {
    let context: WriteContext
    let command: String
    private(set) var id: Int64?
    private(set) var changes: [FieldChange] = []

    init(context: WriteContext, command: String) {
        self.context = context
        self.command = command
    }

    /// Writes the batch row now. An import opens it before its per-row savepoints, so that a
    /// row rolled back cannot take the batch row with it.
    func open(_ db: Database) throws {
        guard id == nil else { return }
        try db.execute(
            sql: "INSERT INTO audit_batch(at, actor, command, reason) VALUES (?, ?, ?, ?)",
            arguments: [context.now.iso8601, context.actor, command, context.reason])
        id = db.lastInsertedRowID
    }

    func append(_ db: Database, entity: String, entityID: Int64, change: FieldChange) throws {
        try open(db)
        try db.execute(
            sql: """
                INSERT INTO audit_log(batch_id, at, actor, entity, entity_id, field, old_value, new_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, context.now.iso8601, context.actor, entity, entityID, change.field, change.oldValue, change.newValue])
        if !change.field.hasPrefix("margin_floor") && entity != "stock_movement" { changes.append(change) }
    }
}

/// One field of an edit: its domain name (what the audit log says), its column, its new value.
struct FieldWrite {
    let field: String
    let column: String
    let value: FieldValue
}

enum ProductColumns {
    static func writes(_ values: [String: FieldValue]) -> [FieldWrite] {
        values.map { FieldWrite(field: $0.key, column: $0.key, value: $0.value) }
    }
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

    static func writes(_ values: [String: FieldValue]) -> [FieldWrite] {
        values.map { FieldWrite(field: $0.key, column: column(for: $0.key), value: $0.value) }
    }

    private static func money(_ row: [String: DatabaseValue], _ column: String, _ currency: Currency) -> Money? {
        Int64.fromDatabaseValue(row[column] ?? .null).map { Money(minorUnits: $0, currency: currency) }
    }

    static func checkPrices(_ row: [String: DatabaseValue], currency: Currency) throws {
        guard let price = money(row, "price_minor", currency) else { return }
        try CatalogRules.validatePrices(
            price: price, compareAt: money(row, "compare_at_minor", currency), cost: money(row, "cost_minor", currency))
    }

    /// Why the merged row's price is under the floor, or nil when it is fine (or has no cost).
    static func floorViolation(_ row: [String: DatabaseValue], floor: Int64, currency: Currency) -> String? {
        guard let price = money(row, "price_minor", currency), let cost = money(row, "cost_minor", currency) else { return nil }
        let marginFloor = (try? MarginFloor(basisPoints: floor)) ?? .atCost
        return marginFloor.check(price: price, cost: cost)?.description
    }
}
