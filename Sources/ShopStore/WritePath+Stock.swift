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
