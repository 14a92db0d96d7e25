import GRDB
import ShopKit

/// New products through the write path: created as drafts, duplicated without their unique
/// codes, every field audited as set from nothing.
extension ShopDatabase {
    func createProduct(
        _ db: Database, values: [String: FieldValue], variant: [String: FieldValue], batch: AuditBatch
    ) throws -> Int64 {
        var fields = values
        if fields[ProductField.status.rawValue] == nil { fields[ProductField.status.rawValue] = .text(ProductStatus.draft.rawValue) }
        let handle = try freeHandle(db, fields[ProductField.handle.rawValue]?.auditText ?? "product")
        fields[ProductField.handle.rawValue] = .text(handle)
        let stamp = batch.context.now.iso8601
        let columns = fields.keys.sorted()
        let sql = "INSERT INTO product(" + (columns + ["created_at", "updated_at"]).joined(separator: ", ") + ") VALUES ("
            + databaseQuestionMarks(count: columns.count + 2) + ")"
        var arguments = StatementArguments(columns.map { Self.databaseValue(fields[$0]!, column: $0) })
        arguments += [stamp, stamp]
        // Column names come from ProductField's fixed raw values, never from input.
        try db.execute(sql: sql, arguments: arguments)
        let productID = db.lastInsertedRowID
        for column in columns {
            try batch.append(db, entity: "product", entityID: productID,
                             change: FieldChange(field: column, oldValue: nil, newValue: fields[column]!.auditText))
        }
        let price = variant[VariantField.price.rawValue] ?? .money(.zero(batch.context.currency))
        let sku = variant[VariantField.sku.rawValue] ?? .none
        try db.execute(sql: """
            INSERT INTO variant(product_id, sku, price_minor, option1, position, created_at, updated_at)
            VALUES (?, ?, ?, 'Default Title', 1, ?, ?)
            """, arguments: [productID, Self.databaseValue(sku, column: "sku"), Self.databaseValue(price, column: "price_minor"),
                             stamp, stamp])
        let variantID = db.lastInsertedRowID
        try batch.append(db, entity: "variant", entityID: variantID,
                         change: FieldChange(field: "price", oldValue: nil, newValue: price.auditText))
        if let skuText = sku.auditText {
            try batch.append(db, entity: "variant", entityID: variantID,
                             change: FieldChange(field: "sku", oldValue: nil, newValue: skuText))
        }
        return productID
    }

    func duplicateProduct(_ db: Database, id: Int64, batch: AuditBatch) throws -> Int64 {
        guard let product = try Row.fetchOne(db, sql: "SELECT * FROM product WHERE id = ?", arguments: [id]) else {
            throw WriteError.notFound(entity: "product", id: id)
        }
        let handle = try freeHandle(db, (product["handle"] as String) + "-copy")
        let title = (product["title"] as String) + " (copy)"
        let stamp = batch.context.now.iso8601
        try db.execute(sql: """
            INSERT INTO product(handle, title, body_html, vendor, product_type, category_id, tags_text, status, seo_title,
                                seo_description, option1_name, option2_name, option3_name, created_at, updated_at)
            SELECT ?, ?, body_html, vendor, product_type, category_id, tags_text, 'draft', seo_title, seo_description,
                   option1_name, option2_name, option3_name, ?, ? FROM product WHERE id = ?
            """, arguments: [handle, title, stamp, stamp, id])
        let copyID = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO product_tag(product_id, tag_id) SELECT ?, tag_id FROM product_tag WHERE product_id = ?",
                       arguments: [copyID, id])
        try db.execute(sql: """
            INSERT INTO product_image(product_id, src, position, alt_text) SELECT ?, src, position, alt_text
            FROM product_image WHERE product_id = ?
            """, arguments: [copyID, id])
        try db.execute(sql: """
            INSERT INTO variant(product_id, sku, barcode, option1, option2, option3, price_minor, compare_at_minor, cost_minor,
                                grams, position, created_at, updated_at)
            SELECT ?, '', NULL, option1, option2, option3, price_minor, compare_at_minor, cost_minor, grams, position, ?, ?
            FROM variant WHERE product_id = ? ORDER BY position, id
            """, arguments: [copyID, stamp, stamp, id])
        for (field, value) in [("handle", handle), ("title", title), ("status", "draft"), ("copied_from", String(id))] {
            try batch.append(db, entity: "product", entityID: copyID, change: FieldChange(field: field, oldValue: nil, newValue: value))
        }
        return copyID
    }

    /// `handle` if no product has it yet, else the first free `handle-2`, `handle-3`, …
    func freeHandle(_ db: Database, _ handle: String) throws -> String {
        var candidate = handle
        var suffix = 2
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM product WHERE handle = ?", arguments: [candidate]) != nil {
            candidate = "\(handle)-\(suffix)"
            suffix += 1
        }
        return candidate
    }


    func createVariant(_ db: Database, productID: Int64, values: [String: FieldValue], batch: AuditBatch) throws -> Int64 {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM product WHERE id = ?", arguments: [productID]) != nil else {
            throw WriteError.notFound(entity: "product", id: productID)
        }
        let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM variant WHERE product_id = ?", arguments: [productID]) ?? 0) + 1
        let writes = VariantColumns.writes(values)
        let currency = batch.context.currency
        var row: [String: DatabaseValue] = [:]
        for write in writes { row[write.column] = Self.databaseValue(write.value, column: write.column) }
        try VariantColumns.checkPrices(row, currency: currency)
        let stamp = batch.context.now.iso8601
        let columns = writes.map(\.column).sorted()
        // Column names come from VariantField's fixed names and option1…3, never from input.
        let sql = "INSERT INTO variant(product_id, position, created_at, updated_at, " + columns.joined(separator: ", ")
            + ") VALUES (?, ?, ?, ?, " + databaseQuestionMarks(count: columns.count) + ")"
        var arguments: StatementArguments = [productID, position, stamp, stamp]
        arguments += StatementArguments(columns.map { row[$0]! })
        try db.execute(sql: sql, arguments: arguments)
        let variantID = db.lastInsertedRowID
        for write in writes.sorted(by: { $0.field < $1.field }) {
            try batch.append(db, entity: "variant", entityID: variantID, change: FieldChange(
                field: write.field, oldValue: nil, newValue: auditText(row[write.column]!, column: write.column)))
        }
        return variantID
    }
}
