import CSV
import Foundation
import GRDB
import ShopKit

/// Why a demo or seed file could not be loaded. Nothing is written when loading fails.
public struct LoadError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// Loads the demo shop from `sample-data/demo/*.csv` into an empty database, in one transaction.
/// Dates are shifted by whole days so that the data's anchor date becomes today: the demo shop
/// always has promotions running now, complaints overdue now, and orders from last week.
extension ShopDatabase {
    public func loadDemoShop(from directory: URL, today: Timestamp? = nil) throws {
        let today = today ?? clock()
        let files = DemoFiles(directory: directory)
        let shop = try files.keyValues("shop.csv")
        guard let anchor = shop["anchor_date"].flatMap(Timestamp.init(iso8601:)) else {
            throw LoadError(file: "shop.csv", line: 1, message: "anchor_date is missing")
        }
        // The data runs up to noon UTC of its anchor day; before noon, anchor on yesterday so that
        // nothing in the demo lies in the future.
        let secondsIntoDay = today.secondsSince1970 - today.dayNumber * 86_400
        let shiftDays = today.dayNumber - anchor.dayNumber - (secondsIntoDay < 12 * 3600 ? 1 : 0)
        let currency = shop["currency"].flatMap(Currency.named) ?? .eur
        let actor = self.actor
        let now = clock()
        try writer.write { db in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM product") ?? 0
            guard existing == 0 else {
                throw LoadError(file: "demo", line: 0, message: "the database already holds products; load the demo into a new file")
            }
            var loader = DemoInserter(db: db, files: files, currency: currency, shiftDays: shiftDays, actor: actor)
            try loader.insertAll(settings: shop)
            let context = WriteContext(now: now, actor: actor, currency: currency, reason: "shopdesk init --demo")
            let batch = AuditBatch(context: context, command: "load demo shop")
            try batch.append(
                db, entity: "shop", entityID: 0,
                change: FieldChange(field: "demo", oldValue: nil, newValue: "loaded \(loader.productCount) products"))
        }
    }
}

/// Reads the demo's CSV files by column name.
struct DemoFiles {
    let directory: URL

    func rows(_ name: String) throws -> [(line: Int, value: (String) -> String)] {
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LoadError(file: name, line: 0, message: "cannot read \(url.path)")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw LoadError(file: name, line: 0, message: "is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            throw LoadError(file: name, line: 1, message: "\(error)")
        }
        let header = reader.headerRow ?? []
        var index: [String: Int] = [:]
        for (position, column) in header.enumerated() where index[column] == nil { index[column] = position }
        var result: [(line: Int, value: (String) -> String)] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            result.append((line, { column in index[column].flatMap { $0 < row.count ? row[$0] : nil } ?? "" }))
        }
        if let error = reader.error { throw LoadError(file: name, line: line, message: "\(error)") }
        return result
    }

    func keyValues(_ name: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for row in try rows(name) { values[row.value("key")] = row.value("value") }
        return values
    }
}

/// Inserts the demo rows. Not a person's edits, so not field-by-field audited: the load itself
/// is one audited batch.
private struct DemoInserter {
    let db: Database
    let files: DemoFiles
    let currency: Currency
    let shiftDays: Int64
    let actor: String
    var productCount = 0
    var productIDs: [String: Int64] = [:]
    var variantIDs: [String: Int64] = [:]
    var locationIDs: [String: Int64] = [:]
    var channelIDs: [String: Int64] = [:]
    var orderIDs: [String: Int64] = [:]

    init(db: Database, files: DemoFiles, currency: Currency, shiftDays: Int64, actor: String) {
        self.db = db
        self.files = files
        self.currency = currency
        self.shiftDays = shiftDays
        self.actor = actor
    }

    mutating func insertAll(settings: [String: String]) throws {
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO shop_setting(key, value) VALUES (?, ?)", arguments: [key, value])
        }
        for row in try files.rows("locations.csv") {
            try db.execute(sql: "INSERT INTO location(code, name, kind) VALUES (?, ?, ?)",
                           arguments: [row.value("code"), row.value("name"), row.value("kind")])
            locationIDs[row.value("code")] = db.lastInsertedRowID
        }
        for row in try files.rows("channels.csv") {
            try db.execute(sql: "INSERT INTO channel(code, name) VALUES (?, ?)", arguments: [row.value("code"), row.value("name")])
            channelIDs[row.value("code")] = db.lastInsertedRowID
        }
        try insertProducts()
        try insertListings()
        try insertStockSettings()
        try insertCustomersAndOrders()
        try insertMovements()
        try insertPromotions()
        try insertComplaints()
        for row in try files.rows("web_sessions.csv") {
            try db.execute(sql: "INSERT INTO web_session_day(day, channel_id, sessions) VALUES (?, ?, ?)",
                           arguments: [try shiftedDate(row.value("day"), "web_sessions.csv", row.line),
                                       try id(channelIDs, row.value("channel"), "web_sessions.csv", row.line),
                                       Int64(row.value("sessions")) ?? 0])
        }
    }

    func shifted(_ text: String, _ file: String, _ line: Int) throws -> String? {
        if text.trimmingWhitespace().isEmpty { return nil }
        guard let moment = Timestamp(iso8601: text) else {
            throw LoadError(file: file, line: line, message: "\"\(text)\" is not a date")
        }
        return moment.adding(days: shiftDays).iso8601
    }

    func shiftedDate(_ text: String, _ file: String, _ line: Int) throws -> String {
        guard let value = try shifted(text, file, line) else { throw LoadError(file: file, line: line, message: "date is missing") }
        return String(value.prefix(10))
    }

    func money(_ text: String, _ file: String, _ line: Int, field: String) throws -> Int64? {
        if text.trimmingWhitespace().isEmpty { return nil }
        do { return try MoneyParser.parse(text, currency: currency, field: field, allowNegative: true).minorUnits } catch {
            throw LoadError(file: file, line: line, message: error.description)
        }
    }

    func id(_ map: [String: Int64], _ key: String, _ file: String, _ line: Int) throws -> Int64 {
        guard let value = map[key] else { throw LoadError(file: file, line: line, message: "unknown reference \"\(key)\"") }
        return value
    }

    private mutating func categoryID(_ name: String) throws -> Int64? {
        guard !name.isEmpty else { return nil }
        try db.execute(sql: "INSERT INTO category(name) VALUES (?) ON CONFLICT(name) DO NOTHING", arguments: [name])
        return try Int64.fetchOne(db, sql: "SELECT id FROM category WHERE name = ?", arguments: [name])
    }

    private mutating func insertProducts() throws {
        let file = "products.csv"
        let stamp = Timestamp(secondsSince1970: 0).adding(days: shiftDays).iso8601
        var currentHandle = ""
        var currentProduct: Int64 = 0
        var position = 0
        for row in try files.rows(file) {
            let handle = row.value("Handle")
            guard !handle.isEmpty else { continue }
            if handle != currentHandle && productIDs[handle] == nil {
                let title = row.value("Title")
                let tags = row.value("Tags").split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
                try db.execute(sql: """
                    INSERT INTO product(handle, title, body_html, vendor, product_type, category_id, tags_text, status,
                                        seo_title, seo_description, option1_name, option2_name, option3_name,
                                        created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [
                        handle, title, row.value("Body (HTML)"), row.value("Vendor"), row.value("Type"),
                        try categoryID(row.value("Product Category")), tags.joined(separator: ", "),
                        row.value("Status").isEmpty ? "active" : row.value("Status").lowercased(),
                        row.value("SEO Title"), row.value("SEO Description"),
                        row.value("Option1 Name").isEmpty ? nil : row.value("Option1 Name"),
                        row.value("Option2 Name").isEmpty ? nil : row.value("Option2 Name"),
                        row.value("Option3 Name").isEmpty ? nil : row.value("Option3 Name"), stamp, stamp,
                    ])
                currentProduct = db.lastInsertedRowID
                productIDs[handle] = currentProduct
                productCount += 1
                position = 0
                for tag in tags {
                    try db.execute(sql: "INSERT INTO tag(name) VALUES (?) ON CONFLICT(name) DO NOTHING", arguments: [tag])
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO product_tag(product_id, tag_id) SELECT ?, id FROM tag WHERE name = ?
                        """, arguments: [currentProduct, tag])
                }
            }
            currentHandle = handle
            let productID = productIDs[handle]!
            if !row.value("Image Src").isEmpty {
                try db.execute(sql: "INSERT INTO product_image(product_id, src, position, alt_text) VALUES (?, ?, ?, ?)",
                               arguments: [productID, row.value("Image Src"), Int(row.value("Image Position")) ?? 1,
                                           row.value("Image Alt Text")])
            }
            let sku = row.value("Variant SKU")
            let price = row.value("Variant Price")
            guard !sku.isEmpty || !price.isEmpty else { continue } // an image-only row
            position += 1
            try db.execute(sql: """
                INSERT INTO variant(product_id, sku, barcode, option1, option2, option3, price_minor, compare_at_minor,
                                    cost_minor, grams, position, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    productID, sku, row.value("Variant Barcode").isEmpty ? nil : row.value("Variant Barcode"),
                    row.value("Option1 Value").isEmpty ? nil : row.value("Option1 Value"),
                    row.value("Option2 Value").isEmpty ? nil : row.value("Option2 Value"),
                    row.value("Option3 Value").isEmpty ? nil : row.value("Option3 Value"),
                    try money(price, file, row.line, field: "Variant Price") ?? 0,
                    try money(row.value("Variant Compare At Price"), file, row.line, field: "Variant Compare At Price"),
                    try money(row.value("Cost per item"), file, row.line, field: "Cost per item"),
                    Int64(row.value("Variant Grams")) ?? 0, position, stamp, stamp,
                ])
            variantIDs[sku] = db.lastInsertedRowID
        }
    }

    private func insertListings() throws {
        let file = "listings.csv"
        for row in try files.rows(file) {
            try db.execute(sql: "INSERT INTO product_listing(product_id, channel_id, state, price_minor) VALUES (?, ?, ?, ?)",
                           arguments: [try id(productIDs, row.value("handle"), file, row.line),
                                       try id(channelIDs, row.value("channel"), file, row.line), row.value("state"),
                                       try money(row.value("price"), file, row.line, field: "price")])
        }
    }

    private func insertStockSettings() throws {
        let file = "stock_settings.csv"
        for row in try files.rows(file) {
            try db.execute(sql: """
                INSERT INTO stock_setting(variant_id, reorder_point, reorder_quantity, lead_time_days) VALUES (?, ?, ?, ?)
                """, arguments: [try id(variantIDs, row.value("sku"), file, row.line), Int64(row.value("reorder_point")) ?? 0,
                                 Int64(row.value("reorder_quantity")) ?? 0, Int64(row.value("lead_time_days")) ?? 0])
        }
    }

    private mutating func insertCustomersAndOrders() throws {
        for row in try files.rows("customers.csv") {
            try db.execute(sql: """
                INSERT INTO customer(id, name, email, phone, city, country, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [Int64(row.value("id")), row.value("name"), row.value("email"), row.value("phone"),
                                 row.value("city"), row.value("country"),
                                 try shifted(row.value("created_at"), "customers.csv", row.line)])
        }
        for row in try files.rows("orders.csv") {
            try db.execute(sql: """
                INSERT INTO sales_order(number, customer_id, placed_at, channel_id, status, shipping_minor)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [row.value("number"), Int64(row.value("customer_id")),
                                 try shifted(row.value("placed_at"), "orders.csv", row.line),
                                 try id(channelIDs, row.value("channel"), "orders.csv", row.line), row.value("status"),
                                 try money(row.value("shipping"), "orders.csv", row.line, field: "shipping") ?? 0])
            orderIDs[row.value("number")] = db.lastInsertedRowID
        }
        let file = "order_lines.csv"
        for row in try files.rows(file) {
            try db.execute(sql: """
                INSERT INTO order_line(order_id, line_no, variant_id, quantity, unit_price_minor, discount_minor, promotion_code)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [try id(orderIDs, row.value("order_number"), file, row.line), Int64(row.value("line")) ?? 1,
                                 try id(variantIDs, row.value("sku"), file, row.line), Int64(row.value("quantity")) ?? 1,
                                 try money(row.value("unit_price"), file, row.line, field: "unit_price") ?? 0,
                                 try money(row.value("discount"), file, row.line, field: "discount") ?? 0,
                                 row.value("promotion_code").isEmpty ? nil : row.value("promotion_code")])
        }
    }

    private func insertMovements() throws {
        let file = "stock_movements.csv"
        for row in try files.rows(file) {
            try db.execute(sql: """
                INSERT INTO stock_movement(at, variant_id, location_id, reason, quantity, reference, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [try shifted(row.value("at"), file, row.line),
                                 try id(variantIDs, row.value("sku"), file, row.line),
                                 try id(locationIDs, row.value("location"), file, row.line), row.value("reason"),
                                 Int64(row.value("quantity")) ?? 0, row.value("reference"), row.value("actor")])
        }
    }

    private func insertPromotions() throws {
        let file = "promotions.csv"
        for row in try files.rows(file) {
            let kind = row.value("kind")
            let value = row.value("value")
            var percent: Int64?
            var amount: Int64?
            var bundle: String?
            switch kind {
            case "percentage":
                // "15" or "12.5" percent → basis points, exactly.
                let parts = value.split(separator: ".", maxSplits: 1)
                let whole = Int64(parts.first ?? "0") ?? 0
                let fraction = parts.count > 1 ? String(parts[1].prefix(2)).padding(toLength: 2, withPad: "0", startingAt: 0) : "00"
                percent = whole * 100 + (Int64(fraction) ?? 0)
            case "fixed_amount": amount = try money(value, file, row.line, field: "value")
            case "buy_x_get_y": bundle = value
            default: break
            }
            try db.execute(sql: """
                INSERT INTO promotion(id, name, kind, percent_bp, amount_minor, bundle_rule, trigger, scope, scope_value,
                                      min_order_minor, starts_at, ends_at, paused, usage_limit, per_customer_limit,
                                      combines, uses)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    Int64(row.value("id")), row.value("name"), kind, percent, amount, bundle, row.value("trigger"),
                    row.value("scope"), row.value("scope_value"),
                    try money(row.value("min_order"), file, row.line, field: "min_order"),
                    try shifted(row.value("starts_at"), file, row.line), try shifted(row.value("ends_at"), file, row.line),
                    row.value("paused") == "true", Int64(row.value("usage_limit")), Int64(row.value("per_customer_limit")),
                    row.value("combines") == "combines", Int64(row.value("uses")) ?? 0,
                ])
            if !row.value("code").isEmpty {
                try db.execute(sql: "INSERT INTO promotion_code(promotion_id, code, uses) VALUES (?, ?, ?)",
                               arguments: [Int64(row.value("id")), row.value("code"), Int64(row.value("uses")) ?? 0])
            }
        }
    }

    private func insertComplaints() throws {
        var file = "complaints.csv"
        for row in try files.rows(file) {
            let sku = row.value("sku")
            let order = row.value("order_number")
            try db.execute(sql: """
                INSERT INTO complaint(id, customer_id, order_id, variant_id, kind, channel, priority, status, assignee,
                                      opened_at, due_at, resolved_at, subject, description, resolution)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    Int64(row.value("id")), Int64(row.value("customer_id")),
                    order.isEmpty ? nil : try id(orderIDs, order, file, row.line),
                    sku.isEmpty ? nil : try id(variantIDs, sku, file, row.line),
                    row.value("kind"), row.value("channel"), row.value("priority"), row.value("status"), row.value("assignee"),
                    try shifted(row.value("opened_at"), file, row.line), try shifted(row.value("due_at"), file, row.line),
                    try shifted(row.value("resolved_at"), file, row.line), row.value("subject"), row.value("description"),
                    row.value("resolution"),
                ])
        }
        file = "complaint_events.csv"
        for row in try files.rows(file) {
            try db.execute(sql: "INSERT INTO complaint_event(complaint_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)",
                           arguments: [Int64(row.value("complaint_id")), try shifted(row.value("at"), file, row.line),
                                       row.value("actor"), row.value("kind"), row.value("detail")])
        }
    }
}
