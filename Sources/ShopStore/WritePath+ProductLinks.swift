import GRDB
import ShopKit

/// A product's tags and channel listings: not columns of the product row, but edited and
/// audited with it (field `tags`, field `channels`), so the form saves in one step.
extension ShopDatabase {
    func editProduct(
        _ db: Database, id: Int64, expectedVersion: Int64, values: [String: FieldValue], tags: [String]?,
        listedChannels: [String]?, batch: AuditBatch
    ) throws -> Int64 {
        guard let current = try Int64.fetchOne(db, sql: "SELECT version FROM product WHERE id = ?", arguments: [id]) else {
            throw WriteError.notFound(entity: "product", id: id)
        }
        guard current == expectedVersion else {
            throw WriteError.conflict(entity: "product", id: id, currentVersion: current, current: [:])
        }
        var version = try updateRow(
            db, table: "product", id: id, expectedVersion: expectedVersion, writes: ProductColumns.writes(values), batch: batch)
        let rowChanged = version != expectedVersion
        var linksChanged = false
        if let tags { linksChanged = try setTags(db, productID: id, tags: tags, batch: batch) || linksChanged }
        if let listedChannels {
            linksChanged = try setListedChannels(db, productID: id, codes: listedChannels, batch: batch) || linksChanged
        }
        if linksChanged && !rowChanged {
            try db.execute(sql: "UPDATE product SET version = version + 1, updated_at = ? WHERE id = ?",
                           arguments: [batch.context.now.iso8601, id])
            version += 1
        }
        return version
    }

    /// Replaces the product's tags (case-insensitively deduplicated, in the order given);
    /// returns whether anything changed.
    func setTags(_ db: Database, productID: Int64, tags: [String], batch: AuditBatch) throws -> Bool {
        var seen = Set<String>()
        let cleaned = tags.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
        let old = try String.fetchAll(db, sql: """
            SELECT t.name FROM product_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.product_id = ? ORDER BY t.name
            """, arguments: [productID])
        guard old.map({ $0.lowercased() }).sorted() != cleaned.map({ $0.lowercased() }).sorted() else { return false }
        try db.execute(sql: "DELETE FROM product_tag WHERE product_id = ?", arguments: [productID])
        for tag in cleaned {
            try db.execute(sql: "INSERT INTO tag(name) VALUES (?) ON CONFLICT(name) DO NOTHING", arguments: [tag])
            try db.execute(sql: "INSERT OR IGNORE INTO product_tag(product_id, tag_id) SELECT ?, id FROM tag WHERE name = ?",
                           arguments: [productID, tag])
        }
        // The search index reads tags_text, kept in step here.
        try db.execute(sql: "UPDATE product SET tags_text = ? WHERE id = ?", arguments: [cleaned.joined(separator: ", "), productID])
        try batch.append(db, entity: "product", entityID: productID, change: FieldChange(
            field: "tags", oldValue: old.joined(separator: ", "), newValue: cleaned.joined(separator: ", ")))
        return true
    }

    /// Lists the product on exactly these channels (codes) and unlists it elsewhere; an unknown
    /// code is refused. Returns whether anything changed.
    func setListedChannels(_ db: Database, productID: Int64, codes: [String], batch: AuditBatch) throws -> Bool {
        let channels = try Row.fetchAll(db, sql: "SELECT id, code FROM channel ORDER BY id")
        let known = Set(channels.map { ($0["code"] as String).lowercased() })
        let wanted = Set(codes.map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty })
        if let unknown = wanted.subtracting(known).sorted().first {
            throw WriteError.invalid(ValidationError(
                field: "channels", message: "there is no channel \"\(unknown)\"",
                hint: "channels are " + channels.map { $0["code"] as String }.joined(separator: ", ")))
        }
        let old = try String.fetchAll(db, sql: """
            SELECT c.code FROM product_listing pl JOIN channel c ON c.id = pl.channel_id
            WHERE pl.product_id = ? AND pl.state = 'listed' ORDER BY c.id
            """, arguments: [productID])
        guard Set(old.map { $0.lowercased() }) != wanted else { return false }
        for channel in channels {
            let state = wanted.contains((channel["code"] as String).lowercased()) ? "listed" : "unlisted"
            try db.execute(sql: """
                INSERT INTO product_listing(product_id, channel_id, state) VALUES (?, ?, ?)
                ON CONFLICT(product_id, channel_id) DO UPDATE SET state = excluded.state, version = version + 1
                """, arguments: [productID, channel["id"] as Int64, state])
        }
        let new = channels.map { $0["code"] as String }.filter { wanted.contains($0.lowercased()) }
        try batch.append(db, entity: "product", entityID: productID, change: FieldChange(
            field: "channels", oldValue: old.joined(separator: " "), newValue: new.joined(separator: " ")))
        return true
    }
}
