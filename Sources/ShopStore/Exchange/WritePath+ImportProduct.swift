import GRDB
import ShopKit

/// Whether an imported row made something new, changed something, or matched what was stored.
enum ImportRowOutcome: Sendable, Equatable {
    case created, updated, unchanged
}

/// What importing one product did; variants refused by the database are listed as rejects and
/// the rest of the product is kept.
struct ProductImportOutcome {
    var product: ImportRowOutcome = .unchanged
    var productID: Int64?
    var variantsCreated = 0
    var variantsUpdated = 0
    var variantsUnchanged = 0
    var stockCounted = 0
    var stockUnchanged = 0
    var locationsCreated: [String] = []
    var rejects: [ImportReject] = []
}

/// An imported product through the write path: upserted by handle, each changed field audited,
/// variants matched by SKU (anywhere) or by option values (within the product), stock counted
/// as stocktake movements at the default location. Variants and images absent from the file
/// are left as they are: an import never deletes.
extension ShopDatabase {
    func importProduct(_ db: Database, _ product: ImportedProduct, batch: AuditBatch) throws -> ProductImportOutcome {
        var outcome = ProductImportOutcome()
        let productID: Int64
        if let existing = try Row.fetchOne(db, sql: "SELECT id, version FROM product WHERE handle = ?", arguments: [product.handle]) {
            productID = existing["id"]
            if let fields = product.fields,
               try updateImportedProduct(db, id: productID, version: existing["version"], fields: fields, batch: batch) {
                outcome.product = .updated
            }
        } else {
            guard let fields = product.fields else {
                throw WriteError.invalid(ValidationError(
                    field: "handle", message: "there is no product \(product.handle) for these rows",
                    hint: "import the product's own row first"))
            }
            productID = try insertImportedProduct(db, handle: product.handle, fields: fields, batch: batch)
            outcome.product = .created
        }
        outcome.productID = productID
        if let images = product.images, try setImportedImages(db, productID: productID, images: images,
                                                              replace: product.fields != nil, batch: batch),
           outcome.product == .unchanged {
            outcome.product = .updated
        }
        for variant in product.variants {
            do {
                try db.inSavepoint {
                    try importVariant(db, productID: productID, variant: variant, batch: batch, outcome: &outcome)
                    return .commit
                }
            } catch {
                outcome.rejects.append(ImportReject(line: variant.line, reason: Self.importFailure(error)))
            }
        }
        return outcome
    }

    /// A person-readable reason for a refused row.
    static func importFailure(_ error: Error) -> String {
        switch error {
        case let error as WriteError: error.description
        case let error as ValidationError: error.description
        case let error as DatabaseError: describe(error).description
        default: "\(error)"
        }
    }

    // MARK: - Product

    func insertImportedProduct(
        _ db: Database, handle: String, fields: ImportedProductFields, batch: AuditBatch
    ) throws -> Int64 {
        let stamp = batch.context.now.iso8601
        let status = (fields.status ?? .draft).rawValue
        let options = fields.optionNames ?? [nil, nil, nil]
        try db.execute(sql: """
            INSERT INTO product(handle, title, body_html, vendor, product_type, category_id, status, seo_title,
                                seo_description, option1_name, option2_name, option3_name, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                handle, fields.title, fields.bodyHTML ?? "", fields.vendor ?? "", fields.productType ?? "",
                try categoryID(db, fields.category ?? ""), status, fields.seoTitle ?? "", fields.seoDescription ?? "",
                options[0], options[1], options[2], stamp, stamp,
            ])
        let id = db.lastInsertedRowID
        // A new row is audited by its identity (the handle from nothing marks a creation, which
        // undo refuses); the rest of its content is in the file named as the batch's reason.
        for (field, value) in [("handle", handle), ("title", fields.title), ("status", status)] {
            try batch.append(db, entity: "product", entityID: id, change: FieldChange(field: field, oldValue: nil, newValue: value))
        }
        if let tags = fields.tags, !tags.isEmpty { _ = try setTags(db, productID: id, tags: tags, batch: batch) }
        return id
    }

    /// Updates the fields the file gives; returns whether anything changed.
    func updateImportedProduct(
        _ db: Database, id: Int64, version: Int64, fields: ImportedProductFields, batch: AuditBatch
    ) throws -> Bool {
        var writes = [FieldWrite(field: "title", column: "title", value: .text(fields.title))]
        func text(_ column: String, _ value: String?) {
            if let value { writes.append(FieldWrite(field: column, column: column, value: .text(value))) }
        }
        text("body_html", fields.bodyHTML)
        text("vendor", fields.vendor)
        text("product_type", fields.productType)
        text("status", fields.status?.rawValue)
        text("seo_title", fields.seoTitle)
        text("seo_description", fields.seoDescription)
        if let names = fields.optionNames {
            for (index, name) in names.prefix(3).enumerated() {
                let column = "option\(index + 1)_name"
                writes.append(FieldWrite(field: column, column: column, value: name.map(FieldValue.text) ?? .none))
            }
        }
        if let category = fields.category {
            let value = try categoryID(db, category).map(FieldValue.integer) ?? .none
            writes.append(FieldWrite(field: "category_id", column: "category_id", value: value))
        }
        let newVersion = try updateRow(db, table: "product", id: id, expectedVersion: version, writes: writes, batch: batch)
        var changed = newVersion != version
        if let tags = fields.tags, try setTags(db, productID: id, tags: tags, batch: batch) {
            if !changed {
                try db.execute(sql: "UPDATE product SET version = version + 1, updated_at = ? WHERE id = ?",
                               arguments: [batch.context.now.iso8601, id])
            }
            changed = true
        }
        return changed
    }

    func categoryID(_ db: Database, _ name: String) throws -> Int64? {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        try db.execute(sql: "INSERT INTO category(name) VALUES (?) ON CONFLICT(name) DO NOTHING", arguments: [trimmed])
        return try Int64.fetchOne(db, sql: "SELECT id FROM category WHERE name = ?", arguments: [trimmed])
    }

    /// Product rows replace the image list when it differs; continuation rows only add images.
    func setImportedImages(
        _ db: Database, productID: Int64, images: [ImportedImage], replace: Bool, batch: AuditBatch
    ) throws -> Bool {
        let rows = try Row.fetchAll(db, sql: """
            SELECT src, position, alt_text FROM product_image WHERE product_id = ? ORDER BY position, src
            """, arguments: [productID])
        let current = rows.map { ImportedImage(src: $0["src"], position: $0["position"], altText: $0["alt_text"]) }
        let sorted = images.sorted { ($0.position, $0.src) < ($1.position, $1.src) }
        var wanted = sorted
        if !replace {
            let known = Set(current.map(\.src))
            wanted = current + sorted.filter { !known.contains($0.src) }
        }
        guard wanted != current else { return false }
        try db.execute(sql: "DELETE FROM product_image WHERE product_id = ?", arguments: [productID])
        for image in wanted {
            try db.execute(sql: "INSERT INTO product_image(product_id, src, position, alt_text) VALUES (?, ?, ?, ?)",
                           arguments: [productID, image.src, image.position, image.altText])
        }
        // Not a column: the '@' keeps undo from treating it as one (images are not put back by undo).
        try batch.append(db, entity: "product", entityID: productID, change: FieldChange(
            field: "images@import", oldValue: "\(current.count) images", newValue: "\(wanted.count) images"))
        return true
    }

    // MARK: - Variants

    func importVariant(
        _ db: Database, productID: Int64, variant: ImportedVariant, batch: AuditBatch, outcome: inout ProductImportOutcome
    ) throws {
        var existing: Row?
        if let sku = variant.sku {
            existing = try Row.fetchOne(db, sql: "SELECT id, product_id, version FROM variant WHERE sku = ?", arguments: [sku])
            if let existing, existing["product_id"] as Int64 != productID {
                let handle = try String.fetchOne(db, sql: "SELECT handle FROM product WHERE id = ?",
                                                 arguments: [existing["product_id"] as Int64]) ?? "?"
                throw WriteError.invalid(ValidationError(
                    field: "sku", message: "SKU \(sku) belongs to product \(handle)", hint: "SKUs are unique across the shop"))
            }
        }
        if existing == nil {
            // Same options within the product (a variant that had no SKU yet, or a file without SKUs).
            existing = try Row.fetchOne(db, sql: """
                SELECT id, product_id, version FROM variant
                WHERE product_id = ? AND option1 IS ? AND option2 IS ? AND option3 IS ? AND (sku = '' OR ? IS NULL)
                ORDER BY position, id LIMIT 1
                """, arguments: [productID, variant.options[0], variant.options[1], variant.options[2], variant.sku])
        }
        var values: [String: FieldValue] = [:]
        for (index, option) in variant.options.prefix(3).enumerated() { values["option\(index + 1)"] = option.map(FieldValue.text) ?? FieldValue.none }
        if let sku = variant.sku { values[VariantField.sku.rawValue] = .text(sku) }
        if let barcode = variant.barcode { values[VariantField.barcode.rawValue] = barcode.map(FieldValue.text) ?? FieldValue.none }
        if let price = variant.price { values[VariantField.price.rawValue] = .money(price) }
        if let compareAt = variant.compareAtPrice { values[VariantField.compareAtPrice.rawValue] = compareAt.map(FieldValue.money) ?? FieldValue.none }
        if let cost = variant.cost { values[VariantField.cost.rawValue] = cost.map(FieldValue.money) ?? FieldValue.none }
        if let grams = variant.grams { values[VariantField.grams.rawValue] = .integer(grams) }
        let variantID: Int64
        if let existing {
            variantID = existing["id"]
            let currency = batch.context.currency
            let version: Int64 = existing["version"]
            let newVersion = try updateRow(
                db, table: "variant", id: variantID, expectedVersion: version, writes: VariantColumns.writes(values),
                batch: batch, check: { merged, _ in try VariantColumns.checkPrices(merged, currency: currency) })
            if newVersion != version { outcome.variantsUpdated += 1 } else { outcome.variantsUnchanged += 1 }
        } else {
            if values[VariantField.price.rawValue] == nil { values[VariantField.price.rawValue] = .money(.zero(batch.context.currency)) }
            variantID = try insertImportedVariant(db, productID: productID, values: values, batch: batch)
            outcome.variantsCreated += 1
        }
        if let counted = variant.stock {
            let location = try defaultStockLocation(db, batch: batch, outcome: &outcome)
            let onHand = try Int64.fetchOne(
                db, sql: "SELECT on_hand FROM stock_level WHERE variant_id = ? AND location_id = ?",
                arguments: [variantID, location]) ?? 0
            if onHand == counted {
                outcome.stockUnchanged += 1
            } else {
                try stocktake(db, variantID: variantID, locationID: location, counted: counted,
                              reference: String(batch.context.reason.prefix(120)), batch: batch)
                outcome.stockCounted += 1
            }
        }
    }

    func insertImportedVariant(_ db: Database, productID: Int64, values: [String: FieldValue], batch: AuditBatch) throws -> Int64 {
        let writes = VariantColumns.writes(values)
        var row: [String: DatabaseValue] = [:]
        for write in writes { row[write.column] = Self.databaseValue(write.value, column: write.column) }
        try VariantColumns.checkPrices(row, currency: batch.context.currency)
        let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM variant WHERE product_id = ?", arguments: [productID]) ?? 0) + 1
        let stamp = batch.context.now.iso8601
        let columns = writes.map(\.column).sorted()
        // Column names come from VariantField's fixed names and option1…3, never from the file.
        let sql = "INSERT INTO variant(product_id, position, created_at, updated_at, " + columns.joined(separator: ", ")
            + ") VALUES (?, ?, ?, ?, " + databaseQuestionMarks(count: columns.count) + ")"
        var arguments: StatementArguments = [productID, position, stamp, stamp]
        arguments += StatementArguments(columns.map { row[$0]! })
        try db.execute(sql: sql, arguments: arguments)
        let id = db.lastInsertedRowID
        // The price from nothing marks a created variant for undo; the SKU identifies it.
        try batch.append(db, entity: "variant", entityID: id, change: FieldChange(
            field: "price", oldValue: nil, newValue: auditText(row["price_minor"]!, column: "price_minor")))
        if let sku = values[VariantField.sku.rawValue]?.auditText {
            try batch.append(db, entity: "variant", entityID: id, change: FieldChange(field: "sku", oldValue: nil, newValue: sku))
        }
        return id
    }

    /// Where quantities in a product file are counted: the first sellable location. A shop
    /// without locations gets one, `main`, recorded in the audit log.
    func defaultStockLocation(_ db: Database, batch: AuditBatch, outcome: inout ProductImportOutcome) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM location WHERE kind <> 'damaged' ORDER BY id LIMIT 1") {
            return id
        }
        let id = try createLocation(db, code: "main", name: "Main warehouse", batch: batch)
        outcome.locationsCreated.append("main")
        return id
    }

    func createLocation(_ db: Database, code: String, name: String, batch: AuditBatch) throws -> Int64 {
        try db.execute(sql: "INSERT INTO location(code, name, kind) VALUES (?, ?, 'warehouse')", arguments: [code, name])
        let id = db.lastInsertedRowID
        try batch.append(db, entity: "location", entityID: id, change: FieldChange(field: "code", oldValue: nil, newValue: code))
        return id
    }
}
