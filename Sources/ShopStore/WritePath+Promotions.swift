import GRDB
import ShopKit

/// Promotions through the write path. Every save runs the margin guard; a promotion that would
/// sell under the floor is refused unless the command overrides it, and an override is written
/// to the audit log and kept on the promotion (`margin_override`) so lists can flag it.
extension ShopDatabase {
    func createPromotion(_ db: Database, promotion: Promotion, override: Bool, batch: AuditBatch) throws -> Int64 {
        var promotion = try PromotionColumns.normalized(promotion)
        promotion.id = 0
        promotion.channel = try channelCode(db, promotion.channel)
        if promotion.trigger == .code && promotion.codeMode == .shared, let code = promotion.code {
            try checkCodeFree(db, code, promotionID: nil)
        }
        let overrideNote = try guardMargin(db, promotion, override: override)
        let writes = PromotionColumns.writes(promotion)
            + [FieldWrite(field: "margin_override", column: "margin_override", value: .integer(overrideNote == nil ? 0 : 1))]
        let stamp = batch.context.now.iso8601
        // Column names come from PromotionColumns' fixed list, never from input.
        let columns = writes.map { "\"\($0.column)\"" } + ["created_at", "updated_at"]
        let sql = "INSERT INTO promotion(" + columns.joined(separator: ", ") + ") VALUES ("
            + databaseQuestionMarks(count: columns.count) + ")"
        var arguments = StatementArguments(writes.map { Self.databaseValue($0.value, column: $0.column) })
        arguments += [stamp, stamp]
        try db.execute(sql: sql, arguments: arguments)
        let id = db.lastInsertedRowID
        for write in writes {
            let value = Self.databaseValue(write.value, column: write.column)
            guard !value.isNull else { continue }
            try batch.append(db, entity: "promotion", entityID: id, change: FieldChange(
                field: write.field, oldValue: nil, newValue: auditText(value, column: write.column)))
        }
        if promotion.trigger == .code && promotion.codeMode == .shared, let code = promotion.code {
            try db.execute(sql: "INSERT INTO promotion_code(promotion_id, code) VALUES (?, ?)", arguments: [id, code])
            try batch.append(db, entity: "promotion", entityID: id, change: FieldChange(field: "code", oldValue: nil, newValue: code))
        }
        try auditOverride(db, id: id, note: overrideNote, batch: batch)
        return id
    }

    func editPromotion(
        _ db: Database, id: Int64, expectedVersion: Int64, promotion: Promotion, override: Bool, batch: AuditBatch
    ) throws -> Int64 {
        let current = try currentPromotion(db, id: id, expectedVersion: expectedVersion)
        var promotion = try PromotionColumns.normalized(promotion)
        promotion.id = id
        promotion.uses = current.uses
        promotion.channel = try channelCode(db, promotion.channel)
        let sharedCode = promotion.trigger == .code && promotion.codeMode == .shared ? promotion.code : nil
        if let sharedCode { try checkCodeFree(db, sharedCode, promotionID: id) }
        let overrideNote = try guardMargin(db, promotion, override: override)
        let writes = PromotionColumns.writes(promotion)
            + [FieldWrite(field: "margin_override", column: "margin_override", value: .integer(overrideNote == nil ? 0 : 1))]
        var version = try updateRow(db, table: "promotion", id: id, expectedVersion: expectedVersion, writes: writes, batch: batch)
        if let sharedCode, try setSharedCode(db, id: id, code: sharedCode, batch: batch), version == expectedVersion {
            try db.execute(sql: "UPDATE promotion SET version = version + 1, updated_at = ? WHERE id = ?",
                           arguments: [batch.context.now.iso8601, id])
            version += 1
        }
        try auditOverride(db, id: id, note: overrideNote, batch: batch)
        return version
    }

    func setPromotionPaused(
        _ db: Database, id: Int64, expectedVersion: Int64, paused: Bool, override: Bool, batch: AuditBatch
    ) throws -> Int64 {
        var promotion = try currentPromotion(db, id: id, expectedVersion: expectedVersion)
        guard promotion.paused != paused else { return expectedVersion }
        promotion.paused = paused
        var writes = [FieldWrite(field: "paused", column: "paused", value: .integer(paused ? 1 : 0))]
        var overrideNote: String?
        // Resuming puts the promotion back on sale: the guard looks again at today's prices and
        // promotions, unless someone already accepted its margin.
        if !paused && !promotion.marginOverride {
            overrideNote = try guardMargin(db, promotion, override: override)
            if overrideNote != nil { writes.append(FieldWrite(field: "margin_override", column: "margin_override", value: .integer(1))) }
        }
        let version = try updateRow(db, table: "promotion", id: id, expectedVersion: expectedVersion, writes: writes, batch: batch)
        try auditOverride(db, id: id, note: overrideNote, batch: batch)
        return version
    }

    func endPromotionNow(_ db: Database, id: Int64, expectedVersion: Int64, batch: AuditBatch) throws -> Int64 {
        let promotion = try currentPromotion(db, id: id, expectedVersion: expectedVersion)
        let now = batch.context.now
        if let endsAt = promotion.endsAt, endsAt <= now {
            throw WriteError.invalid(ValidationError(field: "ends_at", message: "the promotion has already ended", hint: "nothing to do"))
        }
        guard promotion.startsAt < now else {
            throw WriteError.invalid(ValidationError(
                field: "ends_at", message: "the promotion has not started yet", hint: "pause it, or move its start"))
        }
        return try updateRow(
            db, table: "promotion", id: id, expectedVersion: expectedVersion,
            writes: [FieldWrite(field: "ends_at", column: "ends_at", value: .text(now.iso8601))], batch: batch)
    }

    func duplicatePromotion(_ db: Database, id: Int64, batch: AuditBatch) throws -> Int64 {
        guard let name = try String.fetchOne(db, sql: "SELECT name FROM promotion WHERE id = ?", arguments: [id]) else {
            throw WriteError.notFound(entity: "promotion", id: id)
        }
        let stamp = batch.context.now.iso8601
        let copyName = String((name + " (copy)").prefix(120))
        try db.execute(sql: """
            INSERT INTO promotion(name, kind, percent_bp, amount_minor, amount_applies_to, bundle_rule, buy_quantity,
                                  get_quantity, get_percent_bp, "trigger", code_mode, scope, scope_value, excluded_products,
                                  excluded_variants, excluded_tags, channel_code, min_order_minor, min_quantity, starts_at,
                                  ends_at, paused, usage_limit, per_customer_limit, combines, combines_with, margin_override,
                                  uses, created_at, updated_at, version)
            SELECT ?, kind, percent_bp, amount_minor, amount_applies_to, bundle_rule, buy_quantity, get_quantity,
                   get_percent_bp, "trigger", code_mode, scope, scope_value, excluded_products, excluded_variants,
                   excluded_tags, channel_code, min_order_minor, min_quantity, starts_at, ends_at, 1, usage_limit,
                   per_customer_limit, combines, combines_with, 0, 0, ?, ?, 1
            FROM promotion WHERE id = ?
            """, arguments: [copyName, stamp, stamp, id])
        let copyID = db.lastInsertedRowID
        for (field, value) in [("name", copyName), ("paused", "1"), ("copied_from", String(id))] {
            try batch.append(db, entity: "promotion", entityID: copyID, change: FieldChange(field: field, oldValue: nil, newValue: value))
        }
        return copyID
    }

    /// Adds `count` single-use codes. One audit row says how many codes the promotion had and
    /// has (ten thousand rows of "code added" would drown the log); the codes themselves are
    /// the record, and their export lists them.
    func generatePromotionCodes(
        _ db: Database, promotionID: Int64, count: Int, prefix: String, seed: UInt64?, batch: AuditBatch
    ) throws {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT \"trigger\", code_mode FROM promotion WHERE id = ?", arguments: [promotionID]) else {
            throw WriteError.notFound(entity: "promotion", id: promotionID)
        }
        guard (row["trigger"] as String) == PromotionTrigger.code.rawValue else {
            throw WriteError.invalid(ValidationError(
                field: "trigger", message: "an automatic promotion takes no codes", hint: "make it a code promotion first"))
        }
        let prefix = try PromotionCode.validateRequest(count: count, prefix: prefix)
        let before = try Int64.fetchOne(
            db, sql: "SELECT count(*) FROM promotion_code WHERE promotion_id = ?", arguments: [promotionID]) ?? 0
        let now = batch.context.now
        var generator = PromotionCodeGenerator(
            prefix: prefix,
            seed: seed ?? (UInt64(bitPattern: now.secondsSince1970) &* 0x9E37_79B9 ^ UInt64(bitPattern: promotionID << 32 | before)))
        let taken = try db.cachedStatement(sql: "SELECT 1 FROM promotion_code WHERE code = ?")
        let codes = try generator.codes(count: count) { code in try Bool.fetchOne(taken, arguments: [code]) != nil }
        guard codes.count == count else {
            throw WriteError.invalid(ValidationError(
                field: "prefix", message: "only \(codes.count) more codes are free with prefix \(prefix)", hint: "use a longer prefix"))
        }
        let insert = try db.cachedStatement(sql: "INSERT INTO promotion_code(promotion_id, code) VALUES (?, ?)")
        for code in codes { try insert.execute(arguments: [promotionID, code]) }
        if (row["code_mode"] as String) != PromotionCodeMode.unique.rawValue {
            try db.execute(sql: "UPDATE promotion SET code_mode = 'unique', version = version + 1, updated_at = ? WHERE id = ?",
                           arguments: [now.iso8601, promotionID])
            try batch.append(db, entity: "promotion", entityID: promotionID, change: FieldChange(
                field: "code_mode", oldValue: row["code_mode"], newValue: PromotionCodeMode.unique.rawValue))
        }
        try batch.append(db, entity: "promotion", entityID: promotionID, change: FieldChange(
            field: "codes", oldValue: String(before), newValue: String(before + Int64(codes.count))))
        try batch.append(db, entity: "promotion", entityID: promotionID, change: FieldChange(
            field: "code_prefix", oldValue: nil, newValue: prefix.isEmpty ? "(none)" : prefix))
    }

    // MARK: - Checks

    /// The promotion at the version the person saw, or the conflict (or absence) that stops the write.
    private func currentPromotion(_ db: Database, id: Int64, expectedVersion: Int64) throws -> Promotion {
        guard let promotion = try Self.promotion(db, id: id, currency: currency) else {
            throw WriteError.notFound(entity: "promotion", id: id)
        }
        guard promotion.version == expectedVersion else {
            throw WriteError.conflict(
                entity: "promotion", id: id, currentVersion: promotion.version,
                current: ["name": promotion.name, "paused": promotion.paused ? "1" : "0", "ends_at": promotion.endsAt?.iso8601])
        }
        return promotion
    }

    /// Runs the guard: nil when clean, the note to audit when overridden; throws the violations otherwise.
    private func guardMargin(_ db: Database, _ promotion: Promotion, override: Bool) throws -> String? {
        let report = try Self.marginGuard(db, for: promotion, currency: currency)
        guard !report.isClean else { return nil }
        guard override else { throw WriteError.promotionBelowMargin(report.violations) }
        let first = report.violations.prefix(3).map(\.description).joined(separator: "; ")
        return "\(report.violations.count) below the floor: \(first)" + (report.violations.count > 3 ? "; …" : "")
    }

    private func auditOverride(_ db: Database, id: Int64, note: String?, batch: AuditBatch) throws {
        guard let note else { return }
        try batch.append(db, entity: "promotion", entityID: id, change: FieldChange(
            field: "margin_guard_override", oldValue: nil, newValue: note))
    }

    /// "Code already in use" is a store check: codes are unique across all promotions.
    private func checkCodeFree(_ db: Database, _ code: String, promotionID: Int64?) throws {
        guard let owner = try Row.fetchOne(db, sql: """
            SELECT pr.id, pr.name FROM promotion_code pc JOIN promotion pr ON pr.id = pc.promotion_id WHERE pc.code = ?
            """, arguments: [code]), (owner["id"] as Int64) != promotionID else { return }
        throw WriteError.invalid(ValidationError(
            field: "code", message: "code \(code) is already in use by \"\(owner["name"] as String)\"", hint: "choose another code"))
    }

    /// The shared code after an edit: the promotion's only code changes with it; returns whether it changed.
    private func setSharedCode(_ db: Database, id: Int64, code: String, batch: AuditBatch) throws -> Bool {
        let existing = try Row.fetchAll(
            db, sql: "SELECT id, code FROM promotion_code WHERE promotion_id = ? ORDER BY id LIMIT 2", arguments: [id])
        if existing.isEmpty {
            try db.execute(sql: "INSERT INTO promotion_code(promotion_id, code) VALUES (?, ?)", arguments: [id, code])
            try batch.append(db, entity: "promotion", entityID: id, change: FieldChange(field: "code", oldValue: nil, newValue: code))
            return true
        }
        let old: String = existing[0]["code"]
        guard existing.count == 1, old != code else { return false }
        try db.execute(sql: "UPDATE promotion_code SET code = ? WHERE id = ?", arguments: [code, existing[0]["id"] as Int64])
        try batch.append(db, entity: "promotion", entityID: id, change: FieldChange(field: "code", oldValue: old, newValue: code))
        return true
    }

    /// A channel code as the shop spells it, or a refusal naming the channels there are.
    private func channelCode(_ db: Database, _ code: String?) throws -> String? {
        guard let code = code?.trimmingWhitespace(), !code.isEmpty else { return nil }
        if let known = try String.fetchOne(db, sql: "SELECT code FROM channel WHERE code = ? COLLATE NOCASE", arguments: [code]) {
            return known
        }
        let all = try String.fetchAll(db, sql: "SELECT code FROM channel ORDER BY id")
        throw WriteError.invalid(ValidationError(
            field: "channel", message: "there is no channel \"\(code)\"",
            hint: all.isEmpty ? "add the channel first" : "channels are " + all.joined(separator: ", ")))
    }
}
