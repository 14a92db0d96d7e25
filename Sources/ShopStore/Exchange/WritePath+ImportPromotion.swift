import GRDB
import ShopKit

struct PromotionImportOutcome {
    var outcome: ImportRowOutcome
    var createdID: Int64?
}

/// A promotion read from a discount export through the write path: matched by its code, else by
/// its name; the fields the file states are compared and changed fields audited. Whether it is
/// paused is set when it is created only: a person may resume it after completing what the file
/// could not say, and a re-import must not pause it again.
extension ShopDatabase {
    func importPromotion(_ db: Database, _ imported: ImportedPromotion, batch: AuditBatch) throws -> PromotionImportOutcome {
        let promotion = imported.promotion
        var existingID: Int64?
        if let code = promotion.code {
            existingID = try Int64.fetchOne(db, sql: "SELECT promotion_id FROM promotion_code WHERE code = ?", arguments: [code])
        }
        if existingID == nil {
            existingID = try Int64.fetchOne(
                db, sql: "SELECT id FROM promotion WHERE name = ? ORDER BY id LIMIT 1", arguments: [promotion.name])
        }
        let columns: [(String, DatabaseValue)] = [
            ("name", promotion.name.databaseValue),
            ("kind", promotion.kind.rawValue.databaseValue),
            ("percent_bp", promotion.percentBasisPoints.databaseValue),
            ("amount_minor", promotion.amount?.minorUnits.databaseValue ?? .null),
            ("trigger", promotion.trigger.rawValue.databaseValue),
            ("starts_at", promotion.startsAt.iso8601.databaseValue),
            ("ends_at", promotion.endsAt?.iso8601.databaseValue ?? .null),
            ("usage_limit", promotion.usageLimit.databaseValue),
            ("per_customer_limit", promotion.perCustomerLimit.databaseValue),
            ("combines", promotion.combines.databaseValue),
            ("uses", promotion.uses.databaseValue),
        ]
        guard let id = existingID else {
            try db.execute(sql: """
                INSERT INTO promotion(name, kind, percent_bp, amount_minor, trigger, scope, scope_value, starts_at, ends_at,
                                      paused, usage_limit, per_customer_limit, combines, uses)
                VALUES (?, ?, ?, ?, ?, 'shop', '', ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    promotion.name, promotion.kind.rawValue, promotion.percentBasisPoints, promotion.amount?.minorUnits,
                    promotion.trigger.rawValue, promotion.startsAt.iso8601, promotion.endsAt?.iso8601, promotion.paused,
                    promotion.usageLimit, promotion.perCustomerLimit, promotion.combines, promotion.uses,
                ])
            let id = db.lastInsertedRowID
            if let code = promotion.code {
                try db.execute(sql: "INSERT INTO promotion_code(promotion_id, code, uses) VALUES (?, ?, ?)",
                               arguments: [id, code, promotion.uses])
            }
            for (field, value) in [("name", promotion.name), ("kind", promotion.kind.rawValue), ("value", promotion.valueText),
                                   ("paused", promotion.paused ? "true" : "false")] {
                try batch.append(db, entity: "promotion", entityID: id, change: FieldChange(field: field, oldValue: nil, newValue: value))
            }
            return PromotionImportOutcome(outcome: .created, createdID: id)
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM promotion WHERE id = ?", arguments: [id]) else {
            throw WriteError.notFound(entity: "promotion", id: id)
        }
        var changed = false
        for (column, value) in columns where (row[column] as DatabaseValue) != value {
            // Column names come from the fixed list above, never from the file.
            try db.execute(sql: "UPDATE promotion SET \(column) = ?, version = version + 1 WHERE id = ?", arguments: [value, id])
            try batch.append(db, entity: "promotion", entityID: id, change: FieldChange(
                field: column, oldValue: Self.auditText(row[column]), newValue: Self.auditText(value)))
            changed = true
        }
        return PromotionImportOutcome(outcome: changed ? .updated : .unchanged, createdID: nil)
    }
}
