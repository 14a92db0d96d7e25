import GRDB
import ShopKit

/// Stock actions made of movements: a transfer is two, a stocktake is the difference. Levels
/// follow from the ledger (trigger), so two managers moving the same stock both land.
extension ShopDatabase {
    func transferStock(
        _ db: Database, variantID: Int64, from: Int64, to: Int64, quantity: Int64, reference: String,
        beyondAvailable: Bool, batch: AuditBatch
    ) throws {
        let onHand = try Int64.fetchOne(
            db, sql: "SELECT on_hand FROM stock_level WHERE variant_id = ? AND location_id = ?", arguments: [variantID, from]) ?? 0
        if quantity > onHand && !beyondAvailable {
            throw WriteError.invalid(ValidationError(
                field: "quantity", message: "only \(onHand) on hand at the source, \(quantity) asked",
                hint: "move at most \(onHand), or confirm moving more than is there"))
        }
        try recordMovement(db, variantID: variantID, locationID: from, reason: .transferOut, quantity: -quantity,
                           reference: reference, batch: batch)
        try recordMovement(db, variantID: variantID, locationID: to, reason: .transferIn, quantity: quantity,
                           reference: reference, batch: batch)
    }

    func stocktake(
        _ db: Database, variantID: Int64, locationID: Int64, counted: Int64, reference: String, batch: AuditBatch
    ) throws {
        let onHand = try Int64.fetchOne(
            db, sql: "SELECT on_hand FROM stock_level WHERE variant_id = ? AND location_id = ?",
            arguments: [variantID, locationID]) ?? 0
        guard counted != onHand else { return } // the count agrees with the ledger: nothing to record
        try recordMovement(db, variantID: variantID, locationID: locationID, reason: .stocktake, quantity: counted - onHand,
                           reference: reference.isEmpty ? "stocktake" : reference, batch: batch)
    }
}

/// Reorder settings: the one part of stock that is edited, not moved, so it is version-checked.
extension ShopDatabase {
    func setReorderSettings(_ db: Database, variantID: Int64, settings: ReorderSettings, batch: AuditBatch) throws -> Int64 {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM variant WHERE id = ?", arguments: [variantID]) != nil else {
            throw WriteError.notFound(entity: "variant", id: variantID)
        }
        let fields = ["reorder_point", "reorder_quantity", "lead_time_days"]
        let newValues = [settings.reorderPoint, settings.reorderQuantity, settings.leadTimeDays]
        let row = try Row.fetchOne(
            db, sql: "SELECT reorder_point, reorder_quantity, lead_time_days, version FROM stock_setting WHERE variant_id = ?",
            arguments: [variantID])
        let currentVersion: Int64? = row?["version"]
        guard currentVersion == settings.version else {
            var current: [String: String?] = [:]
            for field in fields { current[field] = (row?[field] as Int64?).map(String.init) }
            throw WriteError.conflict(
                entity: "stock_setting", id: variantID, currentVersion: currentVersion ?? 0, current: current)
        }
        let oldValues: [Int64?] = fields.map { row?[$0] }
        let changes = zip(fields, zip(oldValues, newValues)).filter { $0.1.0 != $0.1.1 }
        guard !changes.isEmpty else { return currentVersion ?? 0 }
        let version = (currentVersion ?? 0) + 1
        if let currentVersion {
            try db.execute(
                sql: """
                    UPDATE stock_setting SET reorder_point = ?, reorder_quantity = ?, lead_time_days = ?, version = ?
                    WHERE variant_id = ? AND version = ?
                    """,
                arguments: [settings.reorderPoint, settings.reorderQuantity, settings.leadTimeDays, version, variantID,
                            currentVersion])
        } else {
            try db.execute(
                sql: """
                    INSERT INTO stock_setting(variant_id, reorder_point, reorder_quantity, lead_time_days, version)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [variantID, settings.reorderPoint, settings.reorderQuantity, settings.leadTimeDays, version])
        }
        for (field, (old, new)) in changes {
            try batch.append(
                db, entity: "stock_setting", entityID: variantID,
                change: FieldChange(field: field, oldValue: old.map(String.init), newValue: String(new)))
        }
        return version
    }
}
