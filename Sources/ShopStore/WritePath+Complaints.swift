import GRDB
import ShopKit

/// Complaints through the write path: every change is a timeline event and audit rows, and a
/// settlement books its money or stock in the same transaction.
extension ShopDatabase {
    /// The shop's service levels (`sla_hours_<priority>`, `sla_pause_while_waiting`).
    static func serviceLevels(_ db: Database) throws -> ServiceLevels {
        ServiceLevels.from(settings: try shopSettings(db))
    }

    static func shopSettings(_ db: Database) throws -> [String: String] {
        Dictionary(
            try Row.fetchAll(db, sql: "SELECT key, value FROM shop_setting").map { ($0["key"] as String, $0["value"] as String) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Refunds above this need a confirmation (`refund_confirm_above`, default 100.00).
    static func refundConfirmationThreshold(_ db: Database, currency: Currency) throws -> Money {
        let text = try String.fetchOne(db, sql: "SELECT value FROM shop_setting WHERE key = 'refund_confirm_above'")
        if let text, let money = try? MoneyParser.parse(text, currency: currency, field: "refund_confirm_above") { return money }
        return Money(minorUnits: 100 * currency.minorPerMajor, currency: currency)
    }

    private struct ComplaintRow {
        let row: Row
        var status: ComplaintStatus { ComplaintStatus(rawValue: row["status"]) ?? .new }
        var priority: ComplaintPriority { ComplaintPriority(rawValue: row["priority"]) ?? .normal }
        var version: Int64 { row["version"] }
        var clock: ComplaintClock {
            ComplaintClock(
                openedAt: Timestamp(iso8601: row["opened_at"]) ?? Timestamp(secondsSince1970: 0), priority: priority,
                pausedSeconds: row["paused_seconds"], waitingSince: (row["waiting_since"] as String?).flatMap(Timestamp.init(iso8601:)))
        }
    }

    private func complaintRow(_ db: Database, id: Int64, expectedVersion: Int64?) throws -> ComplaintRow {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM complaint WHERE id = ?", arguments: [id]) else {
            throw WriteError.notFound(entity: "complaint", id: id)
        }
        let complaint = ComplaintRow(row: row)
        if let expectedVersion, complaint.version != expectedVersion {
            throw WriteError.conflict(
                entity: "complaint", id: id, currentVersion: complaint.version,
                current: ["status": complaint.status.label, "assignee": row["assignee"], "priority": complaint.priority.rawValue])
        }
        return complaint
    }

    private func event(_ db: Database, complaintID: Int64, kind: String, detail: String, batch: AuditBatch) throws {
        try db.execute(
            sql: "INSERT INTO complaint_event(complaint_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [complaintID, batch.context.now.iso8601, batch.context.actor, kind, detail])
    }

    /// Writes changed complaint columns with a new version, and audits each.
    private func writeComplaint(
        _ db: Database, _ complaint: ComplaintRow, id: Int64, columns: [String: DatabaseValue], batch: AuditBatch
    ) throws -> Int64 {
        let changed = columns.filter { complaint.row[$0.key] as DatabaseValue != $0.value }.sorted { $0.key < $1.key }
        guard !changed.isEmpty else { return complaint.version }
        let assignments = changed.map { Column($0.key).set(to: $0.value) } + [Column("version").set(to: complaint.version + 1)]
        let updated = try Table("complaint").filter(Column("id") == id && Column("version") == complaint.version)
            .updateAll(db, assignments)
        guard updated == 1 else { throw WriteError.notFound(entity: "complaint", id: id) }
        for (column, value) in changed {
            try batch.append(db, entity: "complaint", entityID: id, change: FieldChange(
                field: column, oldValue: Self.auditText(complaint.row[column] as DatabaseValue), newValue: Self.auditText(value)))
        }
        return complaint.version + 1
    }

    func changeComplaint(
        _ db: Database, id: Int64, expectedVersion: Int64, change: ComplaintChange, batch: AuditBatch
    ) throws -> Int64 {
        // A note adds to the timeline and never overwrites anything: like a movement, it cannot conflict.
        if case .note(let text) = change {
            let complaint = try complaintRow(db, id: id, expectedVersion: nil)
            try event(db, complaintID: id, kind: "note", detail: text, batch: batch)
            try batch.append(db, entity: "complaint", entityID: id, change: FieldChange(field: "note", oldValue: nil, newValue: text))
            return complaint.version
        }
        let complaint = try complaintRow(db, id: id, expectedVersion: expectedVersion)
        let levels = try Self.serviceLevels(db)
        let now = batch.context.now
        switch change {
        case .status(let status, let text):
            try ComplaintWorkflow.check(from: complaint.status, to: status, text: text)
            return try setStatus(db, complaint, id: id, to: status, text: text, levels: levels, batch: batch)
        case .assign(let user):
            let name = user.trimmingWhitespace()
            let before: String = complaint.row["assignee"]
            guard name != before else {
                throw ValidationError(field: "assignee", message: name.isEmpty ? "nobody is assigned" : "\(name) is already assigned",
                                      hint: "choose someone else")
            }
            try event(db, complaintID: id, kind: "assigned",
                      detail: "\(before.isEmpty ? "nobody" : before) → \(name.isEmpty ? "nobody" : name)", batch: batch)
            return try writeComplaint(db, complaint, id: id, columns: ["assignee": name.databaseValue], batch: batch)
        case .priority(let priority):
            guard priority != complaint.priority else {
                throw ValidationError(field: "priority", message: "the priority is already \(priority.rawValue)",
                                      hint: "choose another priority")
            }
            var clock = complaint.clock
            clock.priority = priority
            var columns: [String: DatabaseValue] = ["priority": priority.rawValue.databaseValue]
            // The due time follows the priority, counted from the opening (closed complaints keep theirs).
            if complaint.status.isOpen { columns["due_at"] = clock.dueAt(levels, now: now).iso8601.databaseValue }
            try event(db, complaintID: id, kind: "priority", detail: "\(complaint.priority.rawValue) → \(priority.rawValue)",
                      batch: batch)
            return try writeComplaint(db, complaint, id: id, columns: columns, batch: batch)
        case .note:
            return complaint.version
        }
    }

    private func setStatus(
        _ db: Database, _ complaint: ComplaintRow, id: Int64, to status: ComplaintStatus, text: String, levels: ServiceLevels,
        batch: AuditBatch
    ) throws -> Int64 {
        let now = batch.context.now
        let clock = complaint.clock.after(statusChangeTo: status, at: now, levels: levels)
        var columns: [String: DatabaseValue] = [
            "status": status.rawValue.databaseValue,
            "paused_seconds": clock.pausedSeconds.databaseValue,
            "waiting_since": clock.waitingSince?.iso8601.databaseValue ?? .null,
        ]
        if status.isOpen {
            columns["due_at"] = clock.dueAt(levels, now: now).iso8601.databaseValue
            columns["resolved_at"] = .null
        } else {
            columns["resolved_at"] = now.iso8601.databaseValue
            columns["resolution"] = text.trimmingWhitespace().databaseValue
        }
        let trimmed = text.trimmingWhitespace()
        try event(db, complaintID: id, kind: "status",
                  detail: "\(complaint.status.label) → \(status.label)" + (trimmed.isEmpty ? "" : ": " + trimmed), batch: batch)
        return try writeComplaint(db, complaint, id: id, columns: columns, batch: batch)
    }

    func settleComplaint(
        _ db: Database, id: Int64, expectedVersion: Int64, settlement: Settlement, thenResolve: Bool, confirmed: Bool,
        batch: AuditBatch
    ) throws -> Int64 {
        let complaint = try complaintRow(db, id: id, expectedVersion: expectedVersion)
        guard complaint.status.isOpen else {
            throw ValidationError(field: "status", message: "complaint #\(id) is \(complaint.status.label): nothing can be settled",
                                  hint: "reopen it first (status investigating)")
        }
        let currency = batch.context.currency
        let reference = "complaint #\(id)"
        let detail: String
        switch settlement {
        case .refund(let amount):
            guard let orderID = complaint.row["order_id"] as Int64? else {
                throw ValidationError(field: "amount", message: "the complaint has no order to refund against",
                                      hint: "give store credit instead")
            }
            let refundable = try Self.refundable(db, orderID: orderID, currency: currency)
            guard amount <= refundable else {
                throw ValidationError(field: "amount", message: "\(amount.formatted) is more than can be refunded",
                                      hint: "at most \(refundable.formatted): what the lines were paid less earlier refunds")
            }
            let threshold = try Self.refundConfirmationThreshold(db, currency: currency)
            if amount > threshold && !confirmed {
                throw WriteError.needsConfirmation("a refund of \(amount.formatted) is above \(threshold.formatted)")
            }
            try db.execute(
                sql: "INSERT INTO refund(order_id, complaint_id, amount_minor, at, actor) VALUES (?, ?, ?, ?, ?)",
                arguments: [orderID, id, amount.minorUnits, batch.context.now.iso8601, batch.context.actor])
            try batch.append(db, entity: "refund", entityID: db.lastInsertedRowID,
                             change: FieldChange(field: "amount", oldValue: nil, newValue: amount.decimalText))
            detail = "refund \(amount.formatted)"
        case .storeCredit(let amount):
            guard let customerID = complaint.row["customer_id"] as Int64? else {
                throw ValidationError(field: "amount", message: "the complaint has no customer to credit", hint: "refund instead")
            }
            let before = try Int64.fetchOne(db, sql: "SELECT store_credit_minor FROM customer WHERE id = ?", arguments: [customerID]) ?? 0
            try db.execute(sql: "UPDATE customer SET store_credit_minor = ?, version = version + 1 WHERE id = ?",
                           arguments: [before + amount.minorUnits, customerID])
            try batch.append(db, entity: "customer", entityID: customerID, change: FieldChange(
                field: "store_credit",
                oldValue: Money(minorUnits: before, currency: currency).decimalText,
                newValue: Money(minorUnits: before + amount.minorUnits, currency: currency).decimalText))
            detail = "store credit \(amount.formatted)"
        case .replacement(let locationID, let quantity):
            let variantID = try Self.complaintVariant(complaint.row, id: id)
            try recordMovement(db, variantID: variantID, locationID: locationID, reason: .sale, quantity: -quantity,
                               reference: reference + " replacement", batch: batch)
            detail = "replacement of \(quantity) from \(try Self.locationCode(db, locationID))"
        case .returnReceived(let locationID, let quantity, let disposition):
            let variantID = try Self.complaintVariant(complaint.row, id: id)
            let kind = try String.fetchOne(db, sql: "SELECT kind FROM location WHERE id = ?", arguments: [locationID])
            guard let kind else { throw WriteError.notFound(entity: "location", id: locationID) }
            let isDamagedLocation = kind == LocationKind.damaged.rawValue
            if disposition == .quarantine && !isDamagedLocation {
                throw ValidationError(field: "location", message: "quarantine needs a damaged/quarantine location",
                                      hint: "choose one such as QUA, or restock")
            }
            if disposition == .restock && isDamagedLocation {
                throw ValidationError(field: "location", message: "a damaged/quarantine location holds nothing for sale",
                                      hint: "choose a warehouse to restock, or quarantine")
            }
            try recordMovement(db, variantID: variantID, locationID: locationID, reason: .return, quantity: quantity,
                               reference: reference, batch: batch)
            if disposition == .writeOff {
                try recordMovement(db, variantID: variantID, locationID: locationID, reason: .damage, quantity: -quantity,
                                   reference: reference + " written off", batch: batch)
            }
            detail = "return of \(quantity) received at \(try Self.locationCode(db, locationID)): \(disposition.rawValue)"
        case .reject(let reason):
            return try setStatus(db, complaint, id: id, to: .rejected, text: reason, levels: try Self.serviceLevels(db), batch: batch)
        }
        try event(db, complaintID: id, kind: "settlement", detail: detail, batch: batch)
        guard thenResolve else {
            // The settlement changed the complaint's record: a copy opened before it is stale.
            try db.execute(sql: "UPDATE complaint SET version = version + 1 WHERE id = ?", arguments: [id])
            return complaint.version + 1
        }
        return try setStatus(db, complaint, id: id, to: .resolved, text: detail, levels: try Self.serviceLevels(db), batch: batch)
    }

    /// What the order's lines were paid, less what was refunded already.
    static func refundable(_ db: Database, orderID: Int64, currency: Currency) throws -> Money {
        let paid = try Int64.fetchOne(db, sql: """
            SELECT COALESCE(SUM(quantity * unit_price_minor - discount_minor), 0) FROM order_line WHERE order_id = ?
            """, arguments: [orderID]) ?? 0
        let refunded = try Int64.fetchOne(
            db, sql: "SELECT COALESCE(SUM(amount_minor), 0) FROM refund WHERE order_id = ?", arguments: [orderID]) ?? 0
        return Money(minorUnits: max(0, paid - refunded), currency: currency)
    }

    private static func complaintVariant(_ row: Row, id: Int64) throws -> Int64 {
        guard let variantID = row["variant_id"] as Int64? else {
            throw ValidationError(field: "quantity", message: "complaint #\(id) names no product variant",
                                  hint: "only goods of a known SKU can be sent or received")
        }
        return variantID
    }

    private static func locationCode(_ db: Database, _ id: Int64) throws -> String {
        guard let code = try String.fetchOne(db, sql: "SELECT code FROM location WHERE id = ?", arguments: [id]) else {
            throw WriteError.notFound(entity: "location", id: id)
        }
        return code
    }

    func openComplaint(_ db: Database, _ complaint: NewComplaint, batch: AuditBatch) throws -> Int64 {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [complaint.customerID]) != nil else {
            throw WriteError.notFound(entity: "customer", id: complaint.customerID)
        }
        if let orderID = complaint.orderID {
            let owner = try Int64.fetchOne(db, sql: "SELECT customer_id FROM sales_order WHERE id = ?", arguments: [orderID])
            guard owner == complaint.customerID else {
                throw ValidationError(field: "order", message: "that order is not the customer's", hint: "choose one of their orders")
            }
        }
        let now = batch.context.now
        let clock = ComplaintClock(openedAt: now, priority: complaint.priority)
        let due = clock.dueAt(try Self.serviceLevels(db), now: now)
        try db.execute(sql: """
            INSERT INTO complaint(customer_id, order_id, variant_id, kind, channel, priority, status, assignee, opened_at, due_at,
                                  subject, description)
            VALUES (?, ?, ?, ?, ?, ?, 'new', '', ?, ?, ?, ?)
            """, arguments: [
                complaint.customerID, complaint.orderID, complaint.variantID, complaint.kind.rawValue, complaint.channel.rawValue,
                complaint.priority.rawValue, now.iso8601, due.iso8601, complaint.subject.trimmingWhitespace(),
                complaint.description,
            ])
        let id = db.lastInsertedRowID
        try event(db, complaintID: id, kind: "opened", detail: "\(complaint.kind.label) via \(complaint.channel.label)", batch: batch)
        try batch.append(db, entity: "complaint", entityID: id,
                         change: FieldChange(field: "subject", oldValue: nil, newValue: complaint.subject))
        return id
    }

    /// Who saw which customer's personal data, and when.
    func revealPersonalData(_ db: Database, complaintID: Int64, batch: AuditBatch) throws {
        let complaint = try complaintRow(db, id: complaintID, expectedVersion: nil)
        guard let customerID = complaint.row["customer_id"] as Int64? else {
            throw ValidationError(field: "", message: "the complaint has no customer", hint: "nothing to reveal")
        }
        try batch.append(db, entity: "customer", entityID: customerID, change: FieldChange(
            field: "personal_data_revealed", oldValue: nil, newValue: "complaint #\(complaintID)"))
    }
}
