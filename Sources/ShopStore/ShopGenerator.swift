import Foundation
import GRDB
import ShopKit

/// How large a generated shop is and how it is drawn.
public struct GeneratorPlan: Sendable {
    /// Changes whenever the same plan would give different rows (benchmarks cache shops by it).
    public static let version = 1

    public var products: Int
    public var seed: Int
    /// The generation day: dates are laid out backwards from its noon (UTC), so the same plan on
    /// the same day gives the same file, and every shop has recent orders and running promotions.
    public var today: Timestamp

    public init(products: Int, seed: Int = 1, today: Timestamp = SystemClock.now()) {
        self.products = max(1, products)
        self.seed = seed
        self.today = today
    }

    var customers: Int { max(50, products / 10) }
    var orders: Int { max(100, products / 4) }
    var promotions: Int { max(20, products / 5_000) }
    var complaints: Int { max(10, products / 100) }
}

/// Builds a coherent synthetic shop of any size: products with about three variants each,
/// channels and listings, a stock ledger over four locations (one for damaged goods) with the
/// levels it sums to, reorder settings, customers, orders and their lines (sales booked in the
/// ledger, open orders reserving stock), promotions with codes, and complaints.
///
/// A bulk loader, not a person's edits: it writes with set-based statements in one
/// transaction, outside the audited write path, and records one audit batch saying the shop was
/// generated (as the demo loader does). Rows are drawn inside SQLite from a seeded integer hash,
/// so the work and the memory do not grow with Swift-side state, and the same plan gives the
/// same rows. Indexes and triggers are dropped while loading and created again afterwards
/// (sorting once is far cheaper than keeping a dozen B-trees in order row by row); stock levels
/// and the search index are then derived from what was loaded, exactly as the triggers would
/// have kept them.
public enum ShopGenerator {
    /// Generates into `path`, which must be a new or empty shop database (it is created and
    /// migrated first). The file uses WAL again when done.
    public static func generate(
        path: String, plan: GeneratorPlan, actor: String = OSUser.loginName, progress: @escaping (String) -> Void = { _ in }
    ) throws {
        // Create the schema through the normal opening path (application id, migrations).
        let shop = try ShopDatabase.open(path: path, actor: actor)
        try shop.close()

        var config = Configuration()
        config.label = "shopdesk-generator"
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in
            // The file is new and is built aside by the caller: no journal needed while loading.
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            // A fixed cache (64 MiB), whatever the size of the shop.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            try db.inTransaction {
                let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM product") ?? 0
                guard existing == 0 else {
                    throw LoadError(file: path, line: 0, message: "the database already holds products; generate into a new file")
                }
                var loader = GeneratedShop(db: db, plan: plan, actor: actor, progress: progress)
                try loader.load()
                return .commit
            }
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
    }
}

/// The statements of one generation run, in dependency order.
private struct GeneratedShop {
    let db: Database
    let plan: GeneratorPlan
    let actor: String
    let progress: (String) -> Void
    /// Noon (UTC) of the generation day, in seconds since 1970.
    let noon: Int64
    let salt: Int

    init(db: Database, plan: GeneratorPlan, actor: String, progress: @escaping (String) -> Void) {
        self.db = db
        self.plan = plan
        self.actor = actor
        self.progress = progress
        noon = plan.today.dayNumber * 86_400 + 12 * 3_600
        salt = (abs(plan.seed) % 1_000_000) * 1_000
    }

    /// A pseudo-random integer in [0, 2³¹ − 1) from an integer SQL expression, mixed with the seed
    /// and a per-use constant. The square makes it non-linear, so that columns drawn from the
    /// same row number do not correlate. Every intermediate stays below 2⁶³ for expressions
    /// below 10⁹.
    func hash(_ expression: String, _ use: Int) -> String {
        let mixed = "((((\(expression)) + \(use * 7_919)) * 1103515245 + \(salt + use)) % 2147483647)"
        return "((\(mixed) * \(mixed) % 2147483647 * 48271 + \(mixed)) % 2147483647)"
    }

    /// A word of `list` chosen by a hash.
    func word(_ list: String, _ count: Int, _ expression: String, _ use: Int) -> String {
        "(SELECT w FROM temp.gen_word WHERE list = '\(list)' AND n = \(hash(expression, use)) % \(count))"
    }

    /// An ISO 8601 text for `seconds` before the generation day's noon.
    func before(_ seconds: String) -> String {
        "strftime('%Y-%m-%dT%H:%M:%SZ', \(noon) - (\(seconds)), 'unixepoch')"
    }

    /// The numbers 1…`count`, as a CTE named `n(i)`.
    func numbers(_ count: Int) -> String {
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))"
    }

    mutating func load() throws {
        let started = Date()
        func step(_ name: String, _ body: () throws -> Void) rethrows {
            try body()
            progress(String(format: "%6.1f s  %@", Date().timeIntervalSince(started), name))
        }
        let saved = try dropIndexesAndTriggers()
        try step("vocabulary") { try insertVocabulary() }
        try step("products") { try insertProducts() }
        try step("variants") { try insertVariants() }
        try step("listings, images, tags") { try insertListingsImagesTags() }
        try step("customers and orders") { try insertCustomersAndOrders() }
        try step("stock ledger") { try insertLedger() }
        try step("promotions and complaints") { try insertPromotionsAndComplaints() }
        try step("indexes") {
            for (_, sql) in saved.indexes { try db.execute(sql: sql) }
        }
        try step("stock levels") {
            try db.execute(sql: """
                INSERT INTO stock_level(variant_id, location_id, on_hand)
                SELECT variant_id, location_id, SUM(quantity) FROM stock_movement GROUP BY variant_id, location_id
                """)
        }
        try step("search index") {
            try db.execute(sql: "INSERT INTO product_fts(product_fts) VALUES ('rebuild')")
        }
        try step("derived columns") {
            try ShopDerivedColumns.rebuild(db)
            try ShopDerivedColumns.rebuildComplaintCustomerNames(db)
        }
        try step("triggers") {
            for (_, sql) in saved.triggers { try db.execute(sql: sql) }
            try db.execute(sql: "DROP TABLE temp.gen_word; DROP TABLE temp.gen_seq")
        }
        try audit()
    }

    /// Every index that has SQL of its own (not the automatic ones of UNIQUE constraints) and
    /// every trigger, dropped until the rows are in; returned so they can be created again as they were.
    private func dropIndexesAndTriggers() throws -> (indexes: [(String, String)], triggers: [(String, String)]) {
        let read = { (type: String) in
            try Row.fetchAll(self.db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid
                """, arguments: [type]).map { ($0["name"] as String, $0["sql"] as String) }
        }
        let indexes = try read("index")
        let triggers = try read("trigger")
        for (name, _) in indexes { try db.execute(sql: "DROP INDEX " + name.quotedDatabaseIdentifier) }
        for (name, _) in triggers { try db.execute(sql: "DROP TRIGGER " + name.quotedDatabaseIdentifier) }
        return (indexes, triggers)
    }

    private func insertVocabulary() throws {
        try db.execute(sql: """
            CREATE TEMP TABLE gen_word(list TEXT NOT NULL, n INTEGER NOT NULL, w TEXT NOT NULL, PRIMARY KEY (list, n)) WITHOUT ROWID;
            CREATE TEMP TABLE gen_seq(n INTEGER PRIMARY KEY);
            """)
        let lists: [(String, [String])] = [
            ("adj", GeneratorWords.adjectives), ("mat", GeneratorWords.materials),
            ("noun", GeneratorWords.types.map(\.noun)), ("vendor", GeneratorWords.vendors), ("tag", GeneratorWords.tags),
            ("size", GeneratorWords.sizes), ("first", GeneratorWords.firstNames), ("last", GeneratorWords.lastNames),
            ("city", GeneratorWords.cities.map(\.0)), ("country", GeneratorWords.cities.map(\.1)),
            ("subject", GeneratorWords.complaintSubjects), ("assignee", GeneratorWords.assignees),
            ("kind", ["damaged", "wrong_item", "late_delivery", "missing_item", "quality", "negative_review", "other"]),
            ("channel", ["email", "phone", "social", "marketplace", "review_site"]),
            ("priority", ["urgent", "high", "normal", "normal", "normal", "low"]),
            ("cstatus", ["new", "investigating", "waiting_for_customer", "resolved", "resolved", "resolved", "rejected"]),
        ]
        let insert = try db.makeStatement(sql: "INSERT INTO temp.gen_word(list, n, w) VALUES (?, ?, ?)")
        for (list, words) in lists {
            for (index, word) in words.enumerated() { try insert.execute(arguments: [list, index, word]) }
        }
        for n in 1...8 { try db.execute(sql: "INSERT INTO temp.gen_seq(n) VALUES (?)", arguments: [n]) }

        let settings = [("name", "Generated Outfitters"), ("currency", "EUR"), ("timezone", "Europe/Berlin"),
                        ("margin_floor_percent", "25")]
        for (key, value) in settings {
            try db.execute(sql: "INSERT INTO shop_setting(key, value) VALUES (?, ?)", arguments: [key, value])
        }
        for (code, name, kind) in [("BER", "Berlin warehouse", "warehouse"), ("HAM", "Hamburg warehouse", "warehouse"),
                                   ("FBA", "Amazon FBA Leipzig", "fulfilment"), ("QUA", "Berlin quarantine", "damaged")] {
            try db.execute(sql: "INSERT INTO location(code, name, kind) VALUES (?, ?, ?)", arguments: [code, name, kind])
        }
        for (code, name) in [("web", "Web shop"), ("amazon", "Amazon"), ("ebay", "eBay")] {
            try db.execute(sql: "INSERT INTO channel(code, name) VALUES (?, ?)", arguments: [code, name])
        }
        for (index, type) in GeneratorWords.types.enumerated() {
            try db.execute(sql: "INSERT INTO category(id, name) VALUES (?, ?)", arguments: [index + 1, type.category])
        }
        for (index, tag) in GeneratorWords.tags.enumerated() {
            try db.execute(sql: "INSERT INTO tag(id, name) VALUES (?, ?)", arguments: [index + 1, tag])
        }
    }

    private func insertProducts() throws {
        let types = GeneratorWords.types
        let typeCase = "CASE t " + types.enumerated().map { "WHEN \($0.offset) THEN '\($0.element.type)'" }
            .joined(separator: " ") + " END"
        try db.execute(sql: """
            \(numbers(plan.products))
            INSERT INTO product(id, handle, title, body_html, vendor, product_type, category_id, tags_text, status,
                                seo_title, seo_description, option1_name, created_at, updated_at)
            SELECT i, 'gen-' || i, title, CASE WHEN c < 5 THEN '' ELSE '<p>' || body_words || '.</p>' END, vendor,
                   \(typeCase), t + 1, tag,
                   CASE WHEN s < 85 THEN 'active' WHEN s < 95 THEN 'draft' ELSE 'archived' END,
                   CASE WHEN c BETWEEN 5 AND 9 THEN '' WHEN c = 10 THEN title || ' | ' || vendor || ' | free shipping over 50 EUR'
                        ELSE title || ' | ' || vendor END,
                   CASE WHEN c BETWEEN 11 AND 13 THEN '' ELSE title || ': ' || body_words || '.' END,
                   'Size', made, made
            FROM (SELECT d.*, d.adj || ' ' || d.mat || ' ' || nouns.w || ' ' || (d.i % 9000 + 1000) AS title
                  FROM (SELECT i, \(hash("i", 1)) % \(types.count) AS t, \(hash("i", 2)) % 100 AS s,
                               \(hash("i", 3)) % 100 AS c, \(before("(" + hash("i", 4) + " % 730) * 86400")) AS made,
                               \(word("adj", GeneratorWords.adjectives.count, "i", 5)) AS adj,
                               \(word("mat", GeneratorWords.materials.count, "i", 6)) AS mat,
                               \(word("vendor", GeneratorWords.vendors.count, "i", 7)) AS vendor,
                               \(word("tag", GeneratorWords.tags.count, "i", 8)) AS tag,
                               \(word("mat", GeneratorWords.materials.count, "i", 9)) || ' through and through, made to last'
                                 AS body_words
                        FROM n) AS d
                  JOIN temp.gen_word nouns ON nouns.list = 'noun' AND nouns.n = d.t)
            """)
    }

    private func insertVariants() throws {
        // One to five variants per product (three on average), a size each; SKUs in product order.
        try db.execute(sql: """
            INSERT INTO variant(product_id, sku, barcode, option1, price_minor, compare_at_minor, cost_minor, grams,
                                position, status, created_at, updated_at)
            SELECT id, printf('G%07d-%s', id, size), printf('2%09d%03d', id, k), size, price,
                   CASE WHEN h % 10 = 0 THEN price * 12 / 10 END,
                   CASE WHEN h % 33 = 0 THEN NULL ELSE price * (30 + h % 55) / 100 END,
                   50 + h % 2000, k, CASE WHEN h % 97 = 0 THEN 'archived' ELSE 'active' END, created_at, created_at
            FROM (SELECT p.id, p.created_at, g.n AS k, sizes.w AS size,
                         (\(hash("p.id", 12)) % 200 + 5) * 100 + 90 AS price, \(hash("p.id * 8 + g.n", 13)) AS h
                  FROM product p JOIN temp.gen_seq g ON g.n <= 1 + \(hash("p.id", 11)) % 5
                  JOIN temp.gen_word sizes ON sizes.list = 'size' AND sizes.n = g.n - 1
                  ORDER BY p.id, g.n)
            """)
        // Reorder settings for about half of the variants.
        try db.execute(sql: """
            INSERT INTO stock_setting(variant_id, reorder_point, reorder_quantity, lead_time_days)
            SELECT id, 2 + h % 9, 5 + h % 46, 3 + h % 28
            FROM (SELECT id, \(hash("id", 14)) AS h FROM variant) WHERE h % 2 = 0
            """)
    }

    private func insertListingsImagesTags() throws {
        // Active products are on the web shop; some also on Amazon or eBay (a few unlisted there).
        try db.execute(sql: """
            INSERT INTO product_listing(product_id, channel_id, state)
            SELECT id, channel, state FROM (
                SELECT id, 1 AS channel, 'listed' AS state, 0 AS pick FROM product WHERE status = 'active'
                UNION ALL SELECT id, 2, CASE WHEN \(hash("id", 15)) % 10 = 0 THEN 'unlisted' ELSE 'listed' END, 0
                          FROM product WHERE \(hash("id", 16)) % 3 = 0
                UNION ALL SELECT id, 3, 'listed', 0 FROM product WHERE \(hash("id", 17)) % 5 = 0)
            ORDER BY id, channel
            """)
        try db.execute(sql: """
            INSERT INTO product_image(product_id, src, position, alt_text)
            SELECT id, 'https://cdn.example.com/gen/' || id || '.jpg', 1, title FROM product WHERE \(hash("id", 3)) % 100 NOT BETWEEN 20 AND 24
            """)
        try db.execute(sql: "INSERT INTO product_tag(product_id, tag_id) SELECT p.id, t.id FROM product p JOIN tag t ON t.name = p.tags_text")
    }

    private func insertCustomersAndOrders() throws {
        try db.execute(sql: """
            \(numbers(plan.customers))
            INSERT INTO customer(id, name, email, phone, city, country, created_at)
            SELECT i, first || ' ' || last, lower(replace(first || '.' || last, ' ', '')) || '.' || i || '@example.com',
                   CASE WHEN i % 3 = 0 THEN '' ELSE '+49 30 ' || (1000000 + i) END, cities.w, countries.w,
                   \(before("(" + hash("i", 20) + " % 900) * 86400"))
            FROM (SELECT i, \(word("first", GeneratorWords.firstNames.count, "i", 21)) AS first,
                         \(word("last", GeneratorWords.lastNames.count, "i", 22)) AS last,
                         \(hash("i", 23)) % \(GeneratorWords.cities.count) AS c FROM n) AS drawn
            JOIN temp.gen_word cities ON cities.list = 'city' AND cities.n = drawn.c
            JOIN temp.gen_word countries ON countries.list = 'country' AND countries.n = drawn.c
            """)
        // A year of orders; the open ones are from the last three days (they reserve stock).
        try db.execute(sql: """
            \(numbers(plan.orders))
            INSERT INTO sales_order(id, number, customer_id, placed_at, channel_id, status, shipping_minor)
            SELECT i, printf('#G%07d', i), 1 + \(hash("i", 30)) % \(plan.customers),
                   \(before("CASE WHEN s < 3 THEN " + hash("i", 31) + " % 259200 ELSE " + hash("i", 31) + " % 31536000 END")),
                   1 + \(hash("i", 32)) % 3,
                   CASE WHEN s < 3 THEN 'open' WHEN s < 7 THEN 'cancelled' WHEN s < 10 THEN 'returned' ELSE 'shipped' END,
                   CASE WHEN s % 2 = 0 THEN 490 ELSE 0 END
            FROM (SELECT i, \(hash("i", 33)) % 100 AS s FROM n)
            """)
        let variants = try Int.fetchOne(db, sql: "SELECT max(id) FROM variant") ?? 1
        try db.execute(sql: """
            INSERT INTO order_line(order_id, line_no, variant_id, quantity, unit_price_minor, discount_minor)
            SELECT o.id, g.n, v.id, CASE WHEN \(hash("o.id * 8 + g.n", 35)) % 10 < 8 THEN 1 ELSE 2 END, v.price_minor, 0
            FROM sales_order o JOIN temp.gen_seq g ON g.n <= 1 + \(hash("o.id", 34)) % 3
            JOIN variant v ON v.id = 1 + \(hash("o.id * 8 + g.n", 36)) % \(variants)
            ORDER BY o.id, g.n
            """)
    }

    private func insertLedger() throws {
        let movement = "INSERT INTO stock_movement(at, variant_id, location_id, reason, quantity, reference, actor)"
        // Receipts: every variant in Berlin, some in Hamburg and at Amazon's fulfilment centre.
        for (location, use, share, most) in [(1, 40, 1, 40), (2, 41, 3, 30), (3, 42, 4, 20)] {
            try db.execute(sql: """
                \(movement)
                SELECT \(before("(200 + " + hash("id", use + 10) + " % 200) * 86400")), id, \(location), 'receipt',
                       1 + \(hash("id", use)) % \(most), 'PO-' || (\(hash("id", use + 10)) % 5000), ?
                FROM variant WHERE \(share) = 1 OR \(hash("id", use + 20)) % \(share) = 0
                """, arguments: [actor])
        }
        // Damaged goods moved to quarantine; some variants counted to zero in Berlin.
        try db.execute(sql: """
            \(movement)
            SELECT at, id, location, reason, quantity, 'QC', ? FROM (
                SELECT \(before("100 * 86400")) AS at, id, 1 AS location, 'transfer_out' AS reason, -1 AS quantity
                FROM variant WHERE \(hash("id", 50)) % 50 = 0
                UNION ALL SELECT \(before("100 * 86400")), id, 4, 'transfer_in', 1 FROM variant WHERE \(hash("id", 50)) % 50 = 0)
            ORDER BY id, location
            """, arguments: [actor])
        try db.execute(sql: """
            \(movement)
            SELECT \(before("60 * 86400")), id, 1, 'stocktake', -(1 + \(hash("id", 40)) % 40), 'count', ?
            FROM variant WHERE \(hash("id", 51)) % 12 = 0 AND \(hash("id", 50)) % 50 <> 0
            """, arguments: [actor])
        // Shipped orders left Berlin; returned ones came back.
        try db.execute(sql: """
            \(movement)
            SELECT strftime('%Y-%m-%dT%H:%M:%SZ', o.placed_at, '+2 hours'), ol.variant_id, 1,
                   CASE WHEN m.n = 1 THEN 'sale' ELSE 'return' END, CASE WHEN m.n = 1 THEN -ol.quantity ELSE ol.quantity END,
                   o.number, ?
            FROM sales_order o JOIN order_line ol ON ol.order_id = o.id
            JOIN temp.gen_seq m ON m.n <= CASE o.status WHEN 'shipped' THEN 1 WHEN 'returned' THEN 2 ELSE 0 END
            ORDER BY o.id, ol.line_no, m.n
            """, arguments: [actor])
    }

    private func insertPromotionsAndComplaints() throws {
        let types = GeneratorWords.types.map(\.type)
        let typeCase = "CASE i % \(types.count) " + types.enumerated().map { "WHEN \($0.offset) THEN '\($0.element)'" }
            .joined(separator: " ") + " END"
        // Promotions: a spread of kinds and scopes; a third run now, the rest are over or to come.
        try db.execute(sql: """
            \(numbers(plan.promotions))
            INSERT INTO promotion(id, name, kind, percent_bp, amount_minor, amount_applies_to, bundle_rule, buy_quantity,
                                  get_quantity, get_percent_bp, "trigger", scope, scope_value, min_order_minor, starts_at,
                                  ends_at, paused, usage_limit, per_customer_limit, combines, uses, created_at, updated_at)
            SELECT i, CASE kind WHEN 0 THEN 'Sale ' || ((5 + i % 6) * 5) || ' % ' || \(typeCase)
                                WHEN 1 THEN 'Voucher ' || ((5 + i % 4) * 5) || ' EUR off'
                                WHEN 2 THEN 'Free shipping № ' || i ELSE '3 for 2 ' || \(typeCase) END,
                   CASE kind WHEN 0 THEN 'percentage' WHEN 1 THEN 'fixed_amount' WHEN 2 THEN 'free_shipping' ELSE 'buy_x_get_y' END,
                   CASE WHEN kind = 0 THEN (5 + i % 6) * 500 END, CASE WHEN kind = 1 THEN (5 + i % 4) * 500 END, 'order',
                   CASE WHEN kind = 3 THEN '3for2' END, CASE WHEN kind = 3 THEN 2 END, CASE WHEN kind = 3 THEN 1 END,
                   CASE WHEN kind = 3 THEN 10000 END,
                   CASE WHEN i % 2 = 0 THEN 'code' ELSE 'automatic' END,
                   CASE WHEN kind IN (0, 3) THEN 'category' ELSE 'shop' END,
                   CASE WHEN kind IN (0, 3) THEN \(typeCase) ELSE '' END,
                   CASE WHEN kind = 1 THEN 5000 END, starts, ends, i % 17 = 0, CASE WHEN i % 5 = 0 THEN 1000 END,
                   CASE WHEN i % 2 = 0 THEN 1 END, i % 3 = 0, \(hash("i", 60)) % 500, starts, starts
            FROM (SELECT i, \(hash("i", 61)) % 4 AS kind, \(before("(" + hash("i", 62) + " % 360 - 30) * 86400")) AS starts,
                         \(before("(" + hash("i", 62) + " % 360 - 30 - 14 - " + hash("i", 63) + " % 60) * 86400")) AS ends
                  FROM n)
            """)
        try db.execute(sql: """
            INSERT INTO promotion_code(promotion_id, code, uses) SELECT id, printf('GEN%05d', id), uses FROM promotion WHERE "trigger" = 'code'
            """)
        // Complaints about an order's first line, mostly resolved, some overdue.
        try db.execute(sql: """
            \(numbers(plan.complaints))
            INSERT INTO complaint(id, customer_id, order_id, variant_id, kind, channel, priority, status, assignee, opened_at,
                                  due_at, resolved_at, subject, description, resolution)
            SELECT i, o.customer_id, o.id, (SELECT ol.variant_id FROM order_line ol WHERE ol.order_id = o.id AND ol.line_no = 1),
                   drawn.kind, drawn.channel, drawn.priority, drawn.status,
                   CASE WHEN drawn.status = 'new' THEN '' ELSE drawn.assignee END,
                   strftime('%Y-%m-%dT%H:%M:%SZ', opened),
                   strftime('%Y-%m-%dT%H:%M:%SZ', opened, CASE drawn.priority WHEN 'urgent' THEN '+4 hours' WHEN 'high' THEN '+24 hours'
                            WHEN 'normal' THEN '+72 hours' ELSE '+120 hours' END),
                   CASE WHEN drawn.status IN ('resolved', 'rejected') THEN strftime('%Y-%m-%dT%H:%M:%SZ', opened, '+2 days') END,
                   drawn.subject, 'Order ' || o.number || ': ' || drawn.subject || '. Kunde bittet um Rückmeldung.',
                   CASE WHEN drawn.status = 'resolved' THEN 'Replacement sent.' WHEN drawn.status = 'rejected' THEN 'Outside the return window.'
                        ELSE '' END
            FROM (SELECT i, 1 + \(hash("i", 70)) % \(plan.orders) AS order_id,
                         \(word("kind", 7, "i", 71)) AS kind, \(word("channel", 5, "i", 72)) AS channel,
                         \(word("priority", 6, "i", 73)) AS priority, \(word("subject", GeneratorWords.complaintSubjects.count, "i", 74)) AS subject,
                         \(word("assignee", GeneratorWords.assignees.count, "i", 75)) AS assignee,
                         CASE WHEN i > \(plan.complaints) - \(max(5, plan.complaints / 20))
                              THEN \(word("cstatus", 3, "i", 76)) ELSE \(word("cstatus", 7, "i", 76)) END AS status,
                         datetime(\(noon) - (CASE WHEN i > \(plan.complaints) - \(max(5, plan.complaints / 20))
                                                  THEN \(hash("i", 77)) % 259200 ELSE \(hash("i", 77)) % 15552000 END), 'unixepoch') AS opened
                  FROM n) AS drawn
            JOIN sales_order o ON o.id = drawn.order_id
            """)
        try db.execute(sql: """
            INSERT INTO complaint_event(complaint_id, at, actor, kind, detail)
            SELECT id, strftime('%Y-%m-%dT%H:%M:%SZ', opened_at, '+1 hours'), assignee, 'assigned', assignee
            FROM complaint WHERE assignee <> ''
            """)
        // Two years of web sessions per channel, for the conversion rate.
        try db.execute(sql: """
            \(numbers(730))
            INSERT INTO web_session_day(day, channel_id, sessions)
            SELECT date(\(noon) - i * 86400, 'unixepoch'), c.id, 100 + \(hash("i * 4 + c.id", 80)) % 400
            FROM n JOIN channel c
            """)
    }

    /// One audit batch for the whole generation, like the demo loader's.
    private func audit() throws {
        let currency = Currency.named("EUR") ?? .eur
        let context = WriteContext(now: SystemClock.now(), actor: actor, currency: currency, reason: "shopdesk generate")
        let batch = AuditBatch(context: context, command: "generate shop")
        try batch.append(
            db, entity: "shop", entityID: 0,
            change: FieldChange(
                field: "generated", oldValue: nil, newValue: "\(plan.products) products, seed \(plan.seed)"))
    }
}
