import Foundation
import GRDB
import ShopKit

/// Stock counts from a Shopify inventory file, recorded as stocktake movements (the difference
/// to the ledger) with the file name as reference. Variants are found by SKU, or by handle and
/// option values when the file has no SKU. A location the shop does not know is created (a
/// warehouse, its code made from the name) and listed in the summary, so that no count is lost.
extension ShopDatabase {
    public func importInventory(
        from url: URL, options: ImportOptions = ImportOptions(), progress: ImportProgressHandler? = nil
    ) throws -> ImportSummary {
        let reader = try CSVFileReader(url: url)
        let mapper = try InventoryFileMapper(columns: ColumnIndex(header: reader.header))
        return try ImportRun(
            database: self, url: url, options: options, command: "import inventory", progress: progress,
            apply: { db, count, batch, summary in
                let variantID = try self.variantID(db, for: count)
                let locationID = try self.locationID(db, named: count.location, batch: batch, summary: &summary)
                let onHand = try Int64.fetchOne(
                    db, sql: "SELECT on_hand FROM stock_level WHERE variant_id = ? AND location_id = ?",
                    arguments: [variantID, locationID]) ?? 0
                if onHand == count.counted {
                    summary.stockUnchanged += 1
                } else {
                    try self.stocktake(db, variantID: variantID, locationID: locationID, counted: count.counted,
                                       reference: String(batch.context.reason.prefix(120)), batch: batch)
                    summary.stockCounted += 1
                }
                return []
            }
        ).run(reader: reader, mapper: mapper)
    }

    func variantID(_ db: Database, for count: ImportedStockCount) throws -> Int64 {
        if let sku = count.sku {
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM variant WHERE sku = ?", arguments: [sku]) else {
                throw WriteError.invalid(ValidationError(field: "sku", message: "no variant has SKU \(sku)",
                                                         hint: "import the products first"))
            }
            return id
        }
        let ids = try Int64.fetchAll(db, sql: """
            SELECT v.id FROM variant v JOIN product p ON p.id = v.product_id
            WHERE p.handle = ? AND v.option1 IS ? AND v.option2 IS ? AND v.option3 IS ? ORDER BY v.position, v.id LIMIT 2
            """, arguments: [count.handle, count.options[0], count.options[1], count.options[2]])
        let options = count.options.compactMap { $0 }.joined(separator: " / ")
        guard let id = ids.first else {
            throw WriteError.invalid(ValidationError(
                field: "handle", message: "no variant of \(count.handle) has the options \(options.isEmpty ? "(none)" : options)",
                hint: "import the products first"))
        }
        guard ids.count == 1 else {
            throw WriteError.invalid(ValidationError(
                field: "handle", message: "several variants of \(count.handle) have the options \(options)",
                hint: "give the variants SKUs"))
        }
        return id
    }

    /// The location a file names, by code or name; created when the shop has none of that name.
    func locationID(_ db: Database, named name: String, batch: AuditBatch, summary: inout ImportSummary) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM location WHERE code = ? COLLATE NOCASE OR name = ? COLLATE NOCASE ORDER BY id LIMIT 1
            """, arguments: [name, name]) {
            return id
        }
        let base = CatalogRules.handle(from: name)
        var code = base
        var suffix = 2
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM location WHERE code = ?", arguments: [code]) != nil {
            code = "\(base)-\(suffix)"
            suffix += 1
        }
        try db.execute(sql: "INSERT INTO location(code, name, kind) VALUES (?, ?, 'warehouse')", arguments: [code, name])
        let id = db.lastInsertedRowID
        try batch.append(db, entity: "location", entityID: id, change: FieldChange(field: "code", oldValue: nil, newValue: code))
        summary.locationsCreated.append("\(code) (\(name))")
        return id
    }
}
