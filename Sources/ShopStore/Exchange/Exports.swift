import Foundation
import GRDB
import ShopKit

/// What `shopdesk export` can write.
public enum ExportKind: String, CaseIterable, Sendable {
    case products, stock, complaints, prices, audit
    /// What to order, by vendor (the Stock pane's reorder list).
    case reorder
}

/// Exports read in keyset windows (`WHERE id > ? ORDER BY id LIMIT ?`) inside one read
/// transaction: a consistent snapshot, never a whole table in memory.
extension ShopDatabase {
    static let exportWindow = 500

    /// Writes the export and returns the number of data rows written.
    @discardableResult
    public func export(_ kind: ExportKind, to url: URL) throws -> Int {
        switch kind {
        case .products: return try exportProducts(to: url)
        case .stock: return try exportStock(to: url)
        case .complaints: return try exportComplaints(to: url)
        case .prices: return try exportPrices(to: url)
        case .audit: return try exportAudit(to: url)
        case .reorder: return try exportReorderList(to: url.path)
        }
    }

    /// Pages through `sql` (which takes the last key as its only argument and ends in
    /// `ORDER BY <key> LIMIT ?`), handing each row to `write`, until a page comes back short.
    func forEachWindow(
        _ db: Database, sql: String, key: String, write: (Row) throws -> Void
    ) throws {
        var last: Int64 = Int64.min
        while true {
            let rows = try Row.fetchAll(db, sql: sql, arguments: [last, Self.exportWindow])
            for row in rows { try write(row) }
            guard rows.count == Self.exportWindow, let next = rows.last?[key] as Int64? else { return }
            last = next
        }
    }

    // MARK: - Products, in the Shopify layout

    func exportProducts(to url: URL) throws -> Int {
        let file = try CSVFileWriter(url: url, header: ShopifyProductLayout.header)
        var count = 0
        try writer.read { db in
            let location = try Int64.fetchOne(db, sql: "SELECT id FROM location WHERE kind <> 'damaged' ORDER BY id LIMIT 1")
            try forEachWindow(db, sql: """
                SELECT p.*, c.name AS category_name FROM product p LEFT JOIN category c ON c.id = p.category_id
                WHERE p.id > ? ORDER BY p.id LIMIT ?
                """, key: "id") { row in
                for cells in ShopifyProductLayout.rows(try exportedProduct(db, row, stockLocation: location)) {
                    try file.write(cells)
                    count += 1
                }
            }
        }
        try file.finish()
        return count
    }

    /// A stored product as the records an import makes, so that export and import are one mapping.
    func exportedProduct(_ db: Database, _ row: Row, stockLocation: Int64?) throws -> ImportedProduct {
        let id: Int64 = row["id"]
        let tags = try String.fetchAll(db, sql: """
            SELECT t.name FROM product_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.product_id = ? ORDER BY t.name
            """, arguments: [id])
        let fields = ImportedProductFields(
            title: row["title"], bodyHTML: row["body_html"], vendor: row["vendor"], productType: row["product_type"],
            category: (row["category_name"] as String?) ?? "", tags: tags,
            status: ProductStatus(rawValue: row["status"]) ?? .draft, seoTitle: row["seo_title"],
            seoDescription: row["seo_description"],
            optionNames: [row["option1_name"], row["option2_name"], row["option3_name"]])
        let images = try Row.fetchAll(db, sql: """
            SELECT src, position, alt_text FROM product_image WHERE product_id = ? ORDER BY position, src
            """, arguments: [id]).map { ImportedImage(src: $0["src"], position: $0["position"], altText: $0["alt_text"]) }
        // Archived variants are not sold and not exported; an import never archives, so a
        // re-import leaves them as they are.
        let variants = try Row.fetchAll(db, sql: """
            SELECT v.*, l.on_hand FROM variant v
            LEFT JOIN stock_level l ON l.variant_id = v.id AND l.location_id = ?
            WHERE v.product_id = ? AND v.status = 'active' ORDER BY v.position, v.id
            """, arguments: [stockLocation, id]).map { variant in
            let sku: String = variant["sku"]
            return ImportedVariant(
                line: 0, sku: sku.isEmpty ? nil : sku, barcode: .some(variant["barcode"]),
                options: [variant["option1"], variant["option2"], variant["option3"]],
                price: money(variant["price_minor"]), compareAtPrice: .some(money(variant["compare_at_minor"])),
                cost: .some(money(variant["cost_minor"])), grams: variant["grams"],
                stock: stockLocation == nil ? nil : ((variant["on_hand"] as Int64?) ?? 0))
        }
        return ImportedProduct(handle: row["handle"], fields: fields, variants: variants, images: images, lines: [])
    }

    func money(_ minor: Int64?) -> Money? { minor.map { Money(minorUnits: $0, currency: currency) } }

    // MARK: - Plain exports

    func exportStock(to url: URL) throws -> Int {
        let file = try CSVFileWriter(
            url: url, header: ["sku", "handle", "title", "options", "location", "location_name", "on_hand"])
        var count = 0
        try writer.read { db in
            // Keyed by the ledger's level rows in rowid order.
            try forEachWindow(db, sql: """
                SELECT l.rowid AS k, v.sku, p.handle, p.title, v.option1, v.option2, v.option3, o.code, o.name, l.on_hand
                FROM stock_level l JOIN variant v ON v.id = l.variant_id JOIN product p ON p.id = v.product_id
                JOIN location o ON o.id = l.location_id
                WHERE l.rowid > ? ORDER BY l.rowid LIMIT ?
                """, key: "k") { row in
                try file.write([.text(row["sku"]), .text(row["handle"]), .text(row["title"]), .text(Self.options(row)),
                                .text(row["code"]), .text(row["name"]), .integer(row["on_hand"] as Int64)])
                count += 1
            }
        }
        try file.finish()
        return count
    }

    func exportPrices(to url: URL) throws -> Int {
        let file = try CSVFileWriter(
            url: url, header: ["sku", "handle", "title", "options", "status", "price", "compare_at_price", "cost", "margin_percent"])
        var count = 0
        try writer.read { db in
            try forEachWindow(db, sql: """
                SELECT v.id, v.sku, p.handle, p.title, v.option1, v.option2, v.option3, v.status, v.price_minor,
                       v.compare_at_minor, v.cost_minor
                FROM variant v JOIN product p ON p.id = v.product_id WHERE v.id > ? ORDER BY v.id LIMIT ?
                """, key: "id") { row in
                let price = Money(minorUnits: row["price_minor"], currency: currency)
                let cost = money(row["cost_minor"])
                let margin = cost.flatMap { Margin(price: price, cost: $0).marginBasisPoints }
                try file.write([.text(row["sku"]), .text(row["handle"]), .text(row["title"]), .text(Self.options(row)),
                                .text(row["status"]), .money(price), .money(money(row["compare_at_minor"])), .money(cost),
                                margin.map { .number(Self.percentText($0)) } ?? .text("")])
                count += 1
            }
        }
        try file.finish()
        return count
    }

    func exportComplaints(to url: URL) throws -> Int {
        let columns = ["id", "opened_at", "status", "priority", "kind", "channel", "assignee", "due_at", "resolved_at",
                       "order_number", "sku", "customer_id", "subject", "description", "resolution"]
        let file = try CSVFileWriter(url: url, header: columns)
        var count = 0
        try writer.read { db in
            // Customers appear by id only: their personal data is exported on its own, on request.
            try forEachWindow(db, sql: """
                SELECT c.id, c.opened_at, c.status, c.priority, c.kind, c.channel, c.assignee, c.due_at, c.resolved_at,
                       o.number AS order_number, v.sku, c.customer_id, c.subject, c.description, c.resolution
                FROM complaint c LEFT JOIN sales_order o ON o.id = c.order_id LEFT JOIN variant v ON v.id = c.variant_id
                WHERE c.id > ? ORDER BY c.id LIMIT ?
                """, key: "id") { row in
                try file.write(columns.map { column in
                    if column == "id" || column == "customer_id" { return .integer(row[column] as Int64?) }
                    return .text((row[column] as String?) ?? "")
                })
                count += 1
            }
        }
        try file.finish()
        return count
    }

    func exportAudit(to url: URL) throws -> Int {
        let file = try CSVFileWriter(url: url, header: [
            "id", "batch", "at", "actor", "command", "reason", "entity", "entity_id", "field", "old_value", "new_value",
        ])
        var count = 0
        try writer.read { db in
            try forEachWindow(db, sql: """
                SELECT l.id, l.batch_id, l.at, l.actor, b.command, b.reason, l.entity, l.entity_id, l.field, l.old_value,
                       l.new_value
                FROM audit_log l JOIN audit_batch b ON b.id = l.batch_id WHERE l.id > ? ORDER BY l.id LIMIT ?
                """, key: "id") { row in
                // Old and new values are text even when they look like numbers: they are what was typed.
                try file.write([.integer(row["id"] as Int64), .integer(row["batch_id"] as Int64), .text(row["at"]),
                                .text(row["actor"]), .text(row["command"]), .text(row["reason"]), .text(row["entity"]),
                                .integer(row["entity_id"] as Int64), .text(row["field"]),
                                .text((row["old_value"] as String?) ?? ""), .text((row["new_value"] as String?) ?? "")])
                count += 1
            }
        }
        try file.finish()
        return count
    }

    static func options(_ row: Row) -> String {
        [row["option1"], row["option2"], row["option3"]].compactMap { (value: String?) in value }
            .filter { !$0.isEmpty }.joined(separator: " / ")
    }

    /// Basis points as a plain decimal percentage, exactly: 4250 → "42.50", -305 → "-3.05".
    static func percentText(_ basisPoints: Int64) -> String {
        let sign = basisPoints < 0 ? "-" : ""
        let magnitude = basisPoints.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
