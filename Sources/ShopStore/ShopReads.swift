import GRDB
import ShopKit

/// Everything the console reads: windows of the five lists, their counts, and detail records.
/// Each method is one short read transaction on a pooled connection.
extension ShopDatabase {
    public func overview() throws -> ShopOverview {
        try writer.read { db in
            let settings = try Dictionary(
                Row.fetchAll(db, sql: "SELECT key, value FROM shop_setting").map { ($0["key"] as String, $0["value"] as String) },
                uniquingKeysWith: { first, _ in first })
            let locations = try Self.locations(db)

            return ShopOverview(
                name: settings["name"] ?? "", currency: currency, locations: locations,
                marginFloorBasisPoints: try Self.marginFloorBasisPoints(db))
        }
    }

    static func locations(_ db: Database) throws -> [Location] {
        try Row.fetchAll(db, sql: "SELECT id, code, name, kind FROM location ORDER BY id").map {
            Location(id: $0["id"], code: $0["code"], name: $0["name"], kind: LocationKind(rawValue: $0["kind"]) ?? .warehouse)
        }
    }

    private func lists(_ db: Database) throws -> PaneLists {
        var lists = PaneLists(currency: currency, locations: try Self.locations(db), now: clock())
        lists.actor = actor
        return lists
    }

    private func page<Item>(_ list: KeyPath<PaneLists, KeysetList<Item>>, _ request: PageRequest) throws -> [Item] {
        try writer.read { db in try lists(db)[keyPath: list].page(db, request) }
    }

    private func count<Item>(_ list: KeyPath<PaneLists, KeysetList<Item>>, filter: String) throws -> Int {
        try writer.read { db in try lists(db)[keyPath: list].count(db, filter: filter) }
    }

    public func productPage(_ request: PageRequest) throws -> [ProductListItem] {
        try writer.read { db in try lists(db).products(order: request.order).page(db, request) }
    }

    public func productCount(filter: String) throws -> Int {
        try writer.read { db in try lists(db).products().count(db, filter: filter) }
    }
    public func pricePage(_ request: PageRequest) throws -> [VariantPriceItem] {
        try writer.read { db in try lists(db).prices(order: request.order).page(db, request) }
    }

    public func priceCount(filter: String) throws -> Int {
        try writer.read { db in try lists(db).prices().count(db, filter: filter) }
    }
    public func stockPage(_ request: PageRequest) throws -> [StockListItem] { try page(\.stock, request) }
    public func stockCount(filter: String) throws -> Int { try count(\.stock, filter: filter) }
    public func promotionPage(_ request: PageRequest) throws -> [PromotionListItem] { try page(\.promotions, request) }
    public func promotionCount(filter: String) throws -> Int { try count(\.promotions, filter: filter) }
    public func complaintPage(_ request: PageRequest) throws -> [ComplaintListItem] {
        try writer.read { db in try lists(db).complaints(order: request.order).page(db, request) }
    }
    public func complaintCount(filter: String) throws -> Int {
        try writer.read { db in try lists(db).complaints().count(db, filter: filter) }
    }

    /// The pricing rows of chosen variants, in SKU order; ids that no longer exist are left out.
    public func priceItems(ids: [Int64]) throws -> [VariantPriceItem] {
        try writer.read { db in
            let list = try lists(db).prices()
            var items: [VariantPriceItem] = []
            // Bound parameters in chunks (SQLite limits the number of variables per statement).
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(ids.count, start + 500)])
                items += try list.rows(db, ids: chunk)
            }
            return items.sorted { $0.sortKey.values.lexicographicallyPrecedes($1.sortKey.values) }
        }
    }

    public func productDetail(id: Int64) throws -> ProductDetail? {
        try writer.read { db in
            guard let product = try Self.product(db, id: id, currency: currency) else { return nil }
            let variants = try Self.variants(db, productID: id, currency: currency)
            var stock: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT v.id, COALESCE(SUM(l.on_hand), 0) AS on_hand FROM variant v
                LEFT JOIN stock_level l ON l.variant_id = v.id WHERE v.product_id = ? GROUP BY v.id
                """, arguments: [id]) {
                stock[row["id"]] = row["on_hand"]
            }
            var listings: [String: ListingState] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT c.code, pl.state FROM product_listing pl JOIN channel c ON c.id = pl.channel_id WHERE pl.product_id = ?
                """, arguments: [id]) {
                listings[row["code"]] = ListingState(rawValue: row["state"]) ?? .unlisted
            }
            let images = try String.fetchAll(
                db, sql: "SELECT src FROM product_image WHERE product_id = ? ORDER BY position, id", arguments: [id])
            return ProductDetail(
                product: product, variants: variants, stockByVariant: stock, listings: listings, imageCount: images.count,
                images: images)
        }
    }

    public func variantDetail(id: Int64) throws -> VariantDetail? {
        try writer.read { db in
            guard let productID = try Int64.fetchOne(db, sql: "SELECT product_id FROM variant WHERE id = ?", arguments: [id]),
                  let product = try Self.product(db, id: productID, currency: currency),
                  let variant = try Self.variants(db, productID: productID, currency: currency).first(where: { $0.id == id })
            else { return nil }
            let reserved = try Int64.fetchOne(db, sql: """
                SELECT COALESCE(SUM(ol.quantity), 0) FROM order_line ol JOIN sales_order o ON o.id = ol.order_id
                WHERE ol.variant_id = ? AND o.status = 'open'
                """, arguments: [id]) ?? 0
            var onHand: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT location_id, on_hand FROM stock_level WHERE variant_id = ?", arguments: [id]) {
                onHand[row["location_id"]] = row["on_hand"]
            }
            // Open orders are not tied to a location yet: their reservation is shown on the first one.
            let locations = try Self.locations(db)
            let levels = locations.enumerated().map { index, location in
                (location: location, level: StockLevel(onHand: onHand[location.id] ?? 0, reserved: index == 0 ? reserved : 0))
            }
            let movements = try Row.fetchAll(db, sql: """
                SELECT * FROM (
                    SELECT m.id, m.at, l.code, m.reason, m.quantity, m.reference, m.actor,
                           SUM(m.quantity) OVER (PARTITION BY m.location_id ORDER BY m.at, m.id) AS balance
                    FROM stock_movement m JOIN location l ON l.id = m.location_id WHERE m.variant_id = ?)
                ORDER BY at DESC, id DESC LIMIT 50
                """, arguments: [id]).map { row in
                LedgerLine(
                    at: Timestamp(iso8601: row["at"]) ?? Timestamp(secondsSince1970: 0), locationCode: row["code"],
                    reason: StockReason(rawValue: row["reason"]) ?? .adjustment, quantity: row["quantity"],
                    reference: row["reference"], actor: row["actor"], balance: row["balance"])
            }
            return VariantDetail(
                product: product, variant: variant, levels: levels, recentMovements: movements,
                priceHistory: try priceHistory(db, variantID: id))
        }
    }

    public func promotionDetail(id: Int64) throws -> Promotion? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT pr.*, (SELECT code FROM promotion_code pc WHERE pc.promotion_id = pr.id ORDER BY pc.id LIMIT 1) AS first_code
                FROM promotion pr WHERE pr.id = ?
                """, arguments: [id]) else { return nil }
            return try PaneLists.promotion(row, currency: currency)
        }
    }

    public func complaintDetail(id: Int64) throws -> ComplaintDetail? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.*, COALESCE(cu.name, '') AS customer_name, c.opened_at AS sort0, c.id AS sort1,
                       o.number AS order_number, v.sku AS variant_sku
                FROM complaint c LEFT JOIN customer cu ON cu.id = c.customer_id
                LEFT JOIN sales_order o ON o.id = c.order_id LEFT JOIN variant v ON v.id = c.variant_id
                WHERE c.id = ?
                """, arguments: [id]) else { return nil }
            let customer = try (row["customer_id"] as Int64?).flatMap { customerID in
                try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [customerID]).map {
                    Customer(
                        id: $0["id"], name: $0["name"], email: $0["email"], phone: $0["phone"], city: $0["city"],
                        country: $0["country"], createdAt: Timestamp(iso8601: $0["created_at"]) ?? Timestamp(secondsSince1970: 0))
                }
            }
            let events = try Row.fetchAll(db, sql: """
                SELECT at, actor, kind, detail FROM complaint_event WHERE complaint_id = ? ORDER BY at, id
                """, arguments: [id]).map {
                ComplaintEvent(
                    at: Timestamp(iso8601: $0["at"]) ?? Timestamp(secondsSince1970: 0), actor: $0["actor"], kind: $0["kind"],
                    detail: $0["detail"])
            }
            let currency = self.currency
            let money: (Int64?) -> Money? = { $0.map { Money(minorUnits: $0, currency: currency) } }
            let orderID: Int64? = row["order_id"]
            let lines = try orderID.map { orderID in
                try Row.fetchAll(db, sql: """
                    SELECT COALESCE(v.sku, '') AS sku, COALESCE(p.title, '') AS title, ol.quantity,
                           ol.quantity * ol.unit_price_minor - ol.discount_minor AS paid
                    FROM order_line ol LEFT JOIN variant v ON v.id = ol.variant_id LEFT JOIN product p ON p.id = v.product_id
                    WHERE ol.order_id = ? ORDER BY ol.line_no
                    """, arguments: [orderID]).map {
                    OrderLineSummary(sku: $0["sku"], title: $0["title"], quantity: $0["quantity"],
                                     paid: Money(minorUnits: $0["paid"], currency: currency))
                }
            } ?? []
            let history = try (row["customer_id"] as Int64?).flatMap { customerID in
                try Row.fetchOne(db, sql: """
                    SELECT count(*) AS orders,
                           COALESCE(SUM(CASE WHEN o.status <> 'cancelled' THEN (SELECT SUM(ol.quantity * ol.unit_price_minor
                             - ol.discount_minor) FROM order_line ol WHERE ol.order_id = o.id) END), 0) AS spent,
                           COALESCE(SUM(o.status = 'returned'), 0) AS returns,
                           (SELECT store_credit_minor FROM customer WHERE id = ?) AS credit
                    FROM sales_order o WHERE o.customer_id = ?
                    """, arguments: [customerID, customerID])
            }
            let refunded = try orderID.map {
                try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(amount_minor), 0) FROM refund WHERE order_id = ?", arguments: [$0]) ?? 0
            }
            return ComplaintDetail(
                item: try PaneLists.complaintItem(row), channel: ComplaintChannel(rawValue: row["channel"]) ?? .email,
                customer: customer, orderNumber: row["order_number"], sku: row["variant_sku"],
                description: row["description"], resolution: row["resolution"],
                resolvedAt: (row["resolved_at"] as String?).flatMap(Timestamp.init(iso8601:)), events: events,
                version: row["version"], variantID: row["variant_id"], orderID: orderID, orderLines: lines,
                customerOrders: history?["orders"] ?? 0, customerSpent: money(history?["spent"]),
                customerReturns: history?["returns"] ?? 0, storeCredit: money(history?["credit"]), refunded: money(refunded),
                refundable: try orderID.map { try Self.refundable(db, orderID: $0, currency: currency) })
        }
    }

    /// How many complaints each queue of the complaint pane holds now.
    public func complaintQueueCounts() throws -> [ComplaintQueue: Int] {
        try writer.read { db in
            let open = ComplaintStatus.allCases.filter(\.isOpen).map(\.rawValue)
            let marks = databaseQuestionMarks(count: open.count)
            let now = clock().iso8601
            guard let row = try Row.fetchOne(db, sql: """
                SELECT COALESCE(SUM(status = 'new'), 0) AS new,
                       COALESCE(SUM(status IN (\(marks)) AND assignee = ?), 0) AS mine,
                       COALESCE(SUM(status IN (\(marks)) AND due_at <= ? AND (waiting_since IS NULL OR due_at <= waiting_since)), 0) AS overdue,
                       COALESCE(SUM(status = 'waiting_for_customer'), 0) AS waiting,
                       COALESCE(SUM(status IN (\(marks))), 0) AS open,
                       COALESCE(SUM(status IN ('resolved', 'rejected')), 0) AS resolved
                FROM complaint
                """, arguments: StatementArguments(open + [actor] + open + [now] + open)) else { return [:] }
            var counts: [ComplaintQueue: Int] = [:]
            for queue in ComplaintQueue.allCases { counts[queue] = row[queue.rawValue] }
            return counts
        }
    }

    /// On hand per location at the end of a moment, from the ledger: the sum of every movement
    /// up to and including `at`.
    public func stockLevels(variantID: Int64, at moment: Timestamp) throws -> [(location: Location, onHand: Int64)] {
        try writer.read { db in
            let sums = try Row.fetchAll(db, sql: """
                SELECT location_id, SUM(quantity) AS on_hand FROM stock_movement
                WHERE variant_id = ? AND at <= ? GROUP BY location_id
                """, arguments: [variantID, moment.iso8601])
            var byLocation: [Int64: Int64] = [:]
            for row in sums { byLocation[row["location_id"]] = row["on_hand"] }
            return try Self.locations(db).map { ($0, byLocation[$0.id] ?? 0) }
        }
    }

    /// Price changes of a variant from the audit log, newest first (at most 50).
    func priceHistory(_ db: Database, variantID: Int64) throws -> [PriceChangeRecord] {
        try Row.fetchAll(db, sql: """
            SELECT l.at, l.actor, l.old_value, l.new_value, b.command, b.id AS batch_id,
                   (SELECT count(DISTINCT entity_id) FROM audit_log WHERE batch_id = b.id) AS rows_in_batch
            FROM audit_log l JOIN audit_batch b ON b.id = l.batch_id
            WHERE l.entity = 'variant' AND l.entity_id = ? AND l.field = 'price'
            ORDER BY l.id DESC LIMIT 50
            """, arguments: [variantID]).map { row in
            let money: (String?) -> Money? = { text in
                text.flatMap { try? MoneyParser.parse($0, currency: self.currency, allowNegative: true) }
            }
            let rows: Int = row["rows_in_batch"]
            let command: String = row["command"]
            return PriceChangeRecord(
                at: Timestamp(iso8601: row["at"]) ?? Timestamp(secondsSince1970: 0), oldPrice: money(row["old_value"]),
                newPrice: money(row["new_value"]), actor: row["actor"],
                batch: rows > 1 || command.hasPrefix("undo") ? "\(command) (#\(row["batch_id"] as Int64))" : nil)
        }
    }

    static func product(_ db: Database, id: Int64, currency: Currency) throws -> Product? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT p.*, COALESCE(c.name, '') AS category_name FROM product p
            LEFT JOIN category c ON c.id = p.category_id WHERE p.id = ?
            """, arguments: [id]) else { return nil }
        let tags = try String.fetchAll(db, sql: """
            SELECT t.name FROM product_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.product_id = ? ORDER BY t.name
            """, arguments: [id])
        return Product(
            id: row["id"], handle: row["handle"], title: row["title"], bodyHTML: row["body_html"], vendor: row["vendor"],
            productType: row["product_type"], category: row["category_name"], tags: tags,
            status: ProductStatus(rawValue: row["status"]) ?? .draft, seoTitle: row["seo_title"],
            seoDescription: row["seo_description"],
            optionNames: [row["option1_name"], row["option2_name"], row["option3_name"]].compactMap { $0 as String? },
            version: row["version"])
    }

    static func variants(_ db: Database, productID: Int64, currency: Currency) throws -> [Variant] {
        try Row.fetchAll(db, sql: "SELECT * FROM variant WHERE product_id = ? ORDER BY position, id", arguments: [productID]).map { row in
            let money: (String) -> Money? = { (row[$0] as Int64?).map { Money(minorUnits: $0, currency: currency) } }
            let sku: String = row["sku"]
            return Variant(
                id: row["id"], productID: row["product_id"], sku: sku.isEmpty ? nil : sku, barcode: row["barcode"],
                optionValues: [row["option1"], row["option2"], row["option3"]].compactMap { $0 as String? },
                price: money("price_minor") ?? .zero(currency), compareAtPrice: money("compare_at_minor"),
                cost: money("cost_minor"), grams: row["grams"], position: row["position"], version: row["version"])
        }
    }
}
