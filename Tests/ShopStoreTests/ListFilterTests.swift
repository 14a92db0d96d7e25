import GRDB
import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// `key:value` filters of the five lists on a small generated shop. Every expectation is computed
/// from the generating model, every filter is walked page by page both ways and counted.
final class ListFilterTests: XCTestCase {
    private struct ProductRow {
        let id: Int64, title: String, vendor: String, type: String, category: String?, status: String
        let tags: [String], listedOn: [String]
        var variants: [VariantRow] = []
        var onHand: Int64 { variants.reduce(0) { $0 + $1.ber + $1.ham } }
    }
    private struct VariantRow {
        let id: Int64, sku: String, price: Int64, cost: Int64?, ber: Int64, ham: Int64, reserved: Int64, reorderPoint: Int64?
        var available: Int64 { ber + ham - reserved }
    }
    private struct PromotionRow { let id: Int64, name: String, kind: String, startsAt: String, codes: [String] }
    private struct ComplaintRow {
        let id: Int64, kind: String, channel: String, priority: String, status: String, assignee: String
        let openedAt: String, dueAt: Timestamp?, subject: String
    }

    private var shop: ShopDatabase!
    private var products: [ProductRow] = []
    private var promotions: [PromotionRow] = []
    private var complaints: [ComplaintRow] = []
    private var variants: [(product: ProductRow, variant: VariantRow)] {
        products.flatMap { product in product.variants.map { (product, $0) } }
    }

    private func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
    private func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    override func setUpWithError() throws {
        shop = try makeInMemoryShop()
        let stamp = "'2030-01-01T00:00:00Z'"
        var sql = """
            INSERT INTO shop_setting(key, value) VALUES ('margin_floor_percent', '25');
            INSERT INTO category(id, name) VALUES (1, 'Winter Wear'), (2, 'Kitchen'), (3, 'Wear_Out'), (4, 'WearXOut');
            INSERT INTO channel(id, code, name) VALUES (1, 'web', 'Web shop'), (2, 'amazon', 'Amazon');
            INSERT INTO location(id, code, name, kind) VALUES (1, 'BER', 'Berlin', 'warehouse'), (2, 'HAM', 'Hamburg', 'store');
            INSERT INTO tag(id, name) VALUES (1, 'gift'), (2, 'Sale'), (3, '100%_off');
            INSERT INTO sales_order(id, number, placed_at, status) VALUES (1, 'O-1', \(stamp), 'open'), (2, 'O-2', \(stamp), 'shipped');

            """
        let adjectives = ["Wool", "Merino", "Storm", "Alpine"]
        let nouns = ["Hat", "Mug", "Scarf", "Rope", "Lamp"]
        let vendors = ["Nordlicht", "nordwind", "Müller & Söhne", "Acme_Co", "AcmeXCo", "O'Brien", "100% Natur", "100 Natur"]
        let types = ["Headwear", "Headwear Rack", "Kitchenware", "Outdoor"]
        let categories = ["Winter Wear", "Kitchen", "Wear_Out", "WearXOut"]
        let statuses = ["active", "draft", "archived"]
        let costs: [Int64?] = [nil, 500, 750, 751, 1_000, 1_200]
        var variantID: Int64 = 0
        var line = 0
        for index in 1...41 {
            let id = Int64(index)
            let title = index == 41 ? "Note: x" : "\(adjectives[index % 4]) \(nouns[index % 5]) \(index)"
            let category: Int? = index % 5 == 0 ? nil : index % 4 + 1
            var tags: [Int] = []
            if index % 3 == 0 { tags.append(1) }
            if index % 4 == 0 { tags.append(2) }
            if index % 5 == 0 { tags.append(3) }
            var listedOn: [String] = []
            if index % 2 == 0 { listedOn.append("web") }
            if index % 3 == 0 { listedOn.append("amazon") }
            var product = ProductRow(
                id: id, title: title, vendor: vendors[index % vendors.count], type: types[index % 4],
                category: category.map { categories[$0 - 1] }, status: statuses[index % 3],
                tags: tags.map { ["gift", "Sale", "100%_off"][$0 - 1] }, listedOn: listedOn)
            sql += """
                INSERT INTO product(id, handle, title, vendor, product_type, category_id, status, created_at, updated_at)
                VALUES (\(id), 'item-\(index)', \(quoted(title)), \(quoted(product.vendor)), '\(product.type)',
                        \(category.map(String.init) ?? "NULL"), '\(product.status)', \(stamp), \(stamp));

                """
            for tag in tags { sql += "INSERT INTO product_tag(product_id, tag_id) VALUES (\(id), \(tag));\n" }
            if index % 2 == 0 { sql += "INSERT INTO product_listing(product_id, channel_id, state) VALUES (\(id), 1, 'listed');\n" }
            if index % 3 == 0 { sql += "INSERT INTO product_listing(product_id, channel_id, state) VALUES (\(id), 2, 'listed');\n" }
            if index % 3 == 1 { sql += "INSERT INTO product_listing(product_id, channel_id, state) VALUES (\(id), 2, 'unlisted');\n" }
            let letters = index == 9 ? [] : index % 2 == 0 ? ["A", "B"] : ["A"]
            for letter in letters {
                variantID += 1
                let vid = variantID
                let variant = VariantRow(
                    id: vid, sku: "F-\(pad(index, 3))-\(letter)", price: 1_000, cost: costs[Int(vid % 6)],
                    ber: vid % 4 - 1, ham: vid % 3 == 0 ? 3 : 0, reserved: vid % 5 == 0 ? 2 : 0,
                    reorderPoint: vid % 2 == 0 ? 1 : nil)
                product.variants.append(variant)
                sql += """
                    INSERT INTO variant(id, product_id, sku, price_minor, cost_minor, created_at, updated_at)
                    VALUES (\(vid), \(id), '\(variant.sku)', \(variant.price), \(variant.cost.map(String.init) ?? "NULL"), \(stamp), \(stamp));

                    """
                for (location, quantity) in [(1, variant.ber), (2, variant.ham)] where quantity != 0 {
                    sql += """
                        INSERT INTO stock_movement(at, variant_id, location_id, reason, quantity, actor)
                        VALUES (\(stamp), \(vid), \(location), 'adjustment', \(quantity), 'import');

                        """
                }
                if let point = variant.reorderPoint {
                    sql += """
                        INSERT INTO stock_setting(variant_id, reorder_point, reorder_quantity, lead_time_days)
                        VALUES (\(vid), \(point), 10, 3);

                        """
                }
                // Open orders reserve stock; shipped ones no longer do (some variants are on both).
                var lines: [(order: Int, quantity: Int)] = []
                if vid % 5 == 0 { lines.append((1, 2)) }
                if vid % 5 == 1 || vid % 10 == 0 { lines.append((2, 5)) }
                for orderLine in lines {
                    line += 1
                    sql += """
                        INSERT INTO order_line(order_id, line_no, variant_id, quantity, unit_price_minor)
                        VALUES (\(orderLine.order), \(line), \(vid), \(orderLine.quantity), 1000);

                        """
                }
            }
            products.append(product)
        }

        let kinds = PromotionKind.allCases.map(\.rawValue)
        for index in 1...24 {
            let name = index % 6 == 0 ? "50% off boots \(index)" : index % 6 == 1 ? "50 off boots \(index)" : "Promo \(index)"
            var codes: [String] = []
            if index % 3 == 0 { codes.append("WINTER-\(index)") }
            if index % 3 == 1 && index % 2 == 0 { codes.append("WIN_\(index)") }
            if index % 5 == 0 { codes.append("SUMMER-\(index)") }
            let promotion = PromotionRow(
                id: Int64(index), name: name, kind: kinds[index % 4], startsAt: "2030-01-\(pad(1 + index % 10, 2))T00:00:00Z",
                codes: codes)
            promotions.append(promotion)
            let values: String
            switch promotion.kind {
            case "percentage": values = "1500, NULL, NULL"
            case "fixed_amount": values = "NULL, 1000, NULL"
            case "buy_x_get_y": values = "NULL, NULL, 'buy2get1'"
            default: values = "NULL, NULL, NULL"
            }
            sql += """
                INSERT INTO promotion(id, name, kind, percent_bp, amount_minor, bundle_rule, trigger, scope, starts_at)
                VALUES (\(index), \(quoted(name)), '\(promotion.kind)', \(values), '\(codes.isEmpty ? "automatic" : "code")',
                        'shop', '\(promotion.startsAt)');

                """
            for code in codes { sql += "INSERT INTO promotion_code(promotion_id, code) VALUES (\(index), '\(code)');\n" }
        }

        let assignees = ["anna", "Dana", "", "DANA"]
        for index in 1...36 {
            let due: Timestamp? = index % 6 == 0 ? nil : pinnedNow.adding(seconds: Int64(index % 5 - 2) * 3600)
            let complaint = ComplaintRow(
                id: Int64(index), kind: ComplaintKind.allCases[index % 7].rawValue,
                channel: ComplaintChannel.allCases[index % 5].rawValue, priority: ComplaintPriority.allCases[index % 4].rawValue,
                status: ComplaintStatus.allCases[(index / 2) % 5].rawValue, assignee: assignees[index % 4],
                openedAt: "2030-03-\(pad(1 + index % 9, 2))T08:00:00Z", dueAt: due,
                subject: index % 4 == 0 ? "100% broken \(index)" : "Parcel \(index)")
            complaints.append(complaint)
            sql += """
                INSERT INTO complaint(id, kind, channel, priority, status, assignee, opened_at, due_at, subject)
                VALUES (\(index), '\(complaint.kind)', '\(complaint.channel)', '\(complaint.priority)', '\(complaint.status)',
                        '\(complaint.assignee)', '\(complaint.openedAt)', \(due.map { quoted($0.iso8601) } ?? "NULL"),
                        \(quoted(complaint.subject)));

                """
        }
        try shop.rawExecute(sql)
    }

    override func tearDown() {
        shop = nil
    }

    // MARK: expectations

    private func productOrder(_ rows: [ProductRow]) -> [Int64] {
        rows.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }.map(\.id)
    }

    private func variantOrder(_ rows: [(product: ProductRow, variant: VariantRow)]) -> [Int64] {
        rows.map(\.variant).sorted { ($0.sku, $0.id) < ($1.sku, $1.id) }.map(\.id)
    }

    private func promotionOrder(_ rows: [PromotionRow]) -> [Int64] {
        rows.sorted { ($0.startsAt, $0.id) > ($1.startsAt, $1.id) }.map(\.id)
    }

    private func complaintOrder(_ rows: [ComplaintRow]) -> [Int64] {
        rows.sorted { ($0.openedAt, $0.id) > ($1.openedAt, $1.id) }.map(\.id)
    }

    /// The queue's order: open and overdue first, then open, then closed; within each the most
    /// urgent priority, then the oldest.
    private func urgencyOrder(_ rows: [ComplaintRow], now: Timestamp = pinnedNow) -> [Int64] {
        func rank(_ row: ComplaintRow) -> Int {
            let status = ComplaintStatus(rawValue: row.status)!
            if !status.isOpen { return 2 }
            return DueState.of(status: status, dueAt: row.dueAt, now: now) == .overdue ? 0 : 1
        }
        func priority(_ row: ComplaintRow) -> Int { ComplaintPriority(rawValue: row.priority)!.rank }
        return rows.sorted {
            (rank($0), priority($0), $0.openedAt, $0.id) < (rank($1), priority($1), $1.openedAt, $1.id)
        }.map(\.id)
    }

    /// True when every word of `filter` starts some word of `title` (the search index's words).
    private func titleHasWords(_ title: String, _ filter: String) -> Bool {
        let split: (String) -> [String] = { $0.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) }
        let titleWords = split(title)
        return split(filter).allSatisfy { word in titleWords.contains { $0.hasPrefix(word) } }
    }

    /// Walks `filter` both ways, three rows a page, and checks the rows and the count against `expected`.
    private func check<Item: ListItem>(
        _ filter: String, _ expected: [Int64], page: (PageRequest) throws -> [Item], count: (String) throws -> Int,
        allowEmpty: Bool = false, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        if !allowEmpty { XCTAssertFalse(expected.isEmpty, "the fixture has no row for \(filter)", file: file, line: line) }
        let walk = try walkBothWays(limit: 3, filter: filter, page: page, file: file, line: line)
        XCTAssertEqual(walk.forward, expected, "forward: \(filter)", file: file, line: line)
        XCTAssertEqual(walk.backward, expected, "backward: \(filter)", file: file, line: line)
        XCTAssertEqual(try count(filter), expected.count, "count: \(filter)", file: file, line: line)
    }

    private func checkProducts(
        _ filter: String, allowEmpty: Bool = false, file: StaticString = #filePath, line: UInt = #line,
        where matches: (ProductRow) -> Bool
    ) throws {
        try check(
            filter, productOrder(products.filter(matches)), page: shop.productPage, count: shop.productCount(filter:),
            allowEmpty: allowEmpty, file: file, line: line)
    }

    private func checkPrices(
        _ filter: String, allowEmpty: Bool = false, file: StaticString = #filePath, line: UInt = #line,
        where matches: (ProductRow, VariantRow) -> Bool
    ) throws {
        try check(
            filter, variantOrder(variants.filter { matches($0.product, $0.variant) }), page: shop.pricePage,
            count: shop.priceCount(filter:), allowEmpty: allowEmpty, file: file, line: line)
    }

    private func checkStock(
        _ filter: String, allowEmpty: Bool = false, file: StaticString = #filePath, line: UInt = #line,
        where matches: (ProductRow, VariantRow) -> Bool
    ) throws {
        try check(
            filter, variantOrder(variants.filter { matches($0.product, $0.variant) }), page: shop.stockPage,
            count: shop.stockCount(filter:), allowEmpty: allowEmpty, file: file, line: line)
    }

    private func checkPromotions(
        _ filter: String, allowEmpty: Bool = false, file: StaticString = #filePath, line: UInt = #line,
        where matches: (PromotionRow) -> Bool
    ) throws {
        try check(
            filter, promotionOrder(promotions.filter(matches)), page: shop.promotionPage, count: shop.promotionCount(filter:),
            allowEmpty: allowEmpty, file: file, line: line)
    }

    /// Complaints through the list as the store builds it, judged at `now`.
    private func complaintList(now: Timestamp) -> (page: (PageRequest) throws -> [ComplaintListItem], count: (String) throws -> Int) {
        let shop = self.shop!
        let list = PaneLists(currency: .eur, locationIDs: [1, 2], now: now).complaints(order: "newest")
        return (
            { request in try shop.writer.read { db in try list.page(db, request) } },
            { filter in try shop.writer.read { db in try list.count(db, filter: filter) } })
    }

    private func checkComplaints(
        _ filter: String, now: Timestamp = pinnedNow, allowEmpty: Bool = false, file: StaticString = #filePath,
        line: UInt = #line, where matches: (ComplaintRow) -> Bool
    ) throws {
        let list = complaintList(now: now)
        try check(
            filter, complaintOrder(complaints.filter(matches)), page: list.page, count: list.count,
            allowEmpty: allowEmpty, file: file, line: line)
    }

    // MARK: catalog

    func testCatalogStatusKeyKeepsProductsOfThatStatus() throws {
        try checkProducts("status:active") { $0.status == "active" }
        try checkProducts("STATUS:Draft") { $0.status == "draft" }
        try checkProducts("status:archived") { $0.status == "archived" }
    }

    func testCatalogVendorKeyIsACaseInsensitivePrefixWithWildcardsTakenLiterally() throws {
        try checkProducts("vendor:NORD") { $0.vendor.lowercased().hasPrefix("nord") }
        try checkProducts(#"vendor:"Müller & Söhne""#) { $0.vendor == "Müller & Söhne" }
        try checkProducts("vendor:acme_") { $0.vendor == "Acme_Co" }
        try checkProducts("vendor:100%") { $0.vendor == "100% Natur" }
        try checkProducts("vendor:O'Brien") { $0.vendor == "O'Brien" }
    }

    func testCatalogTypeKeyIsACaseInsensitivePrefixOfTheProductType() throws {
        try checkProducts("type:head") { $0.type.hasPrefix("Headwear") }
        try checkProducts(#"type:"headwear r""#) { $0.type == "Headwear Rack" }
    }

    func testCatalogCategoryKeyMatchesPartOfTheCategoryName() throws {
        try checkProducts("category:WEAR") { $0.category?.lowercased().contains("wear") ?? false }
        try checkProducts("category:r_o") { $0.category == "Wear_Out" }
        try checkProducts("category:kitch") { $0.category == "Kitchen" }
    }

    func testCatalogTagKeyMatchesWholeTagNamesIgnoringCase() throws {
        try checkProducts("tag:SALE") { $0.tags.contains("Sale") }
        try checkProducts("tag:gift") { $0.tags.contains("gift") }
        try checkProducts(#"tag:"100%_off""#) { $0.tags.contains("100%_off") }
        try checkProducts("tag:gif", allowEmpty: true) { _ in false }
        try checkProducts("tag:100%", allowEmpty: true) { _ in false }
    }

    func testCatalogChannelKeyKeepsProductsListedThereNotMerelyKnownThere() throws {
        try checkProducts("channel:WEB") { $0.listedOn.contains("web") }
        try checkProducts("channel:amazon") { $0.listedOn.contains("amazon") }
        try checkProducts("channel:ebay", allowEmpty: true) { _ in false }
    }

    func testCatalogStockOutKeepsActiveProductsWithNothingOnHand() throws {
        let expected: (ProductRow) -> Bool = { $0.status == "active" && $0.onHand <= 0 }
        XCTAssertTrue(products.contains { $0.variants.isEmpty && expected($0) }, "a product without variants has nothing on hand")
        XCTAssertTrue(products.contains { $0.status != "active" && $0.onHand <= 0 }, "inactive products are left out")
        try checkProducts("stock:out", where: expected)
        try checkProducts("stock:0", where: expected)
    }

    func testCatalogKeysCombineWithEachOtherAndWithFreeTextByAnd() throws {
        try checkProducts("merino status:active") { $0.status == "active" && self.titleHasWords($0.title, "merino") }
        try checkProducts("vendor:nord tag:gift") { $0.vendor.lowercased().hasPrefix("nord") && $0.tags.contains("gift") }
        try checkProducts("storm channel:web category:wear") {
            self.titleHasWords($0.title, "storm") && $0.listedOn.contains("web") && ($0.category?.lowercased().contains("wear") ?? false)
        }
        try checkProducts("status:active status:draft", allowEmpty: true) { _ in false }
    }

    /// Free text sorts its matches by the titles of `product_title_by_id`, not by product rows,
    /// and the select list is read for the window's rows only; without free text nothing changes.
    func testCatalogFreeTextChoosesTheWindowFromTheNarrowTitleIndex() throws {
        let list = PaneLists(currency: .eur, locationIDs: [1, 2]).products()
        func plan(_ filter: String) throws -> String {
            try shop.writer.read { db in
                var statements: [String] = []
                db.trace { event in if case .statement(let statement) = event { statements.append(statement.expandedSQL) } }
                _ = try list.page(db, PageRequest(.after(nil), filter: filter, limit: 5))
                db.trace(nil)
                let sql = try XCTUnwrap(statements.last { $0.hasPrefix("SELECT p.id") })
                return try Row.fetchAll(db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql))
                    .map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
        let wool = try plan("wool")
        XCTAssertTrue(wool.contains("COVERING INDEX product_title_by_id"), wool)
        let combined = try plan("wool status:active")
        XCTAssertTrue(combined.contains("INDEX product_title_by_id"), combined)
        XCTAssertFalse(try plan("status:active").contains("product_title_by_id"))
        XCTAssertFalse(try plan("").contains("product_title_by_id"))
    }

    /// Whether a filtered window walks the list order or sorts its matches (`FilterPlan`), it
    /// shows the same rows in the same order, both ways, and says so in its query plan.
    func testWalkingAndSortingPlansGiveTheSameWindows() throws {
        let shop = self.shop!
        func lists(_ limits: FilterPlan.Limits) -> PaneLists {
            var lists = PaneLists(currency: .eur, locationIDs: [1, 2])
            lists.planLimits = limits
            return lists
        }
        func pager<Item: ListItem>(_ list: KeysetList<Item>) -> (PageRequest) throws -> [Item] {
            { request in try shop.writer.read { db in try list.page(db, request) } }
        }
        for filter in ["wool", "storm", "merino s", "vendor:nord", "type:sock", "söhne", "o'brien", "mu"] {
            let expected = try walkBothWays(limit: 3, filter: filter, page: shop.productPage).forward
            for limits in [FilterPlan.Limits.alwaysWalk, .alwaysSort] {
                let walk = try walkBothWays(limit: 3, filter: filter, page: pager(lists(limits).products()))
                XCTAssertEqual(walk.forward, expected, "catalog \(filter) forward, \(limits)")
                XCTAssertEqual(walk.backward, expected, "catalog \(filter) backward, \(limits)")
            }
        }
        for filter in ["wool", "storm", "F-00", "f-001", "zz", "müller", "na"] {
            let expected = try walkBothWays(limit: 3, filter: filter, page: shop.pricePage).forward
            for limits in [FilterPlan.Limits.alwaysWalk, .alwaysSort] {
                let prices = try walkBothWays(limit: 3, filter: filter, page: pager(lists(limits).prices()))
                let stock = try walkBothWays(limit: 3, filter: filter, page: pager(lists(limits).stock))
                for (name, walk) in [("pricing", prices), ("stock", stock)] {
                    XCTAssertEqual(walk.forward, expected, "\(name) \(filter) forward, \(limits)")
                    XCTAssertEqual(walk.backward, expected, "\(name) \(filter) backward, \(limits)")
                }
            }
        }
        for filter in ["location:ham", "location:BER", "location:nowhere"] {
            let expected = try walkBothWays(limit: 3, filter: filter, page: shop.stockPage).forward
            for limits in [FilterPlan.Limits.alwaysWalk, .alwaysSort] {
                let walk = try walkBothWays(limit: 3, filter: filter, page: pager(lists(limits).stock))
                XCTAssertEqual(walk.forward, expected, "stock \(filter) forward, \(limits)")
                XCTAssertEqual(walk.backward, expected, "stock \(filter) backward, \(limits)")
            }
        }

        func plan<Item>(_ list: KeysetList<Item>, _ filter: String, select: String) throws -> String {
            try shop.writer.read { db in
                var statements: [String] = []
                db.trace { event in if case .statement(let statement) = event { statements.append(statement.expandedSQL) } }
                _ = try list.page(db, PageRequest(.after(nil), filter: filter, limit: 5))
                db.trace(nil)
                let sql = try XCTUnwrap(statements.last { $0.hasPrefix(select) })
                return try Row.fetchAll(db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql))
                    .map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
        let walkedTitles = try plan(lists(.alwaysWalk).products(), "wool", select: "SELECT p.id")
        XCTAssertTrue(walkedTitles.contains("SCAN p USING COVERING INDEX product_by_title;"), walkedTitles)
        XCTAssertFalse(walkedTitles.contains("product_title_by_id"), walkedTitles)
        XCTAssertFalse(walkedTitles.contains("VIRTUAL TABLE"), "the walk tests the matches read before it: \(walkedTitles)")
        let sortedTitles = try plan(lists(.alwaysSort).products(), "wool", select: "SELECT p.id")
        XCTAssertTrue(sortedTitles.contains("product_title_by_id"), sortedTitles)
        let walkedSKUs = try plan(lists(.alwaysWalk).prices(), "wool", select: "SELECT v.id")
        XCTAssertTrue(walkedSKUs.contains("variant_by_sku") && !walkedSKUs.contains("TEMP B-TREE"), walkedSKUs)
        XCTAssertFalse(walkedSKUs.contains("VIRTUAL TABLE"), "the walk tests the matches read before it: \(walkedSKUs)")
        let sortedSKUs = try plan(lists(.alwaysSort).prices(), "wool", select: "SELECT v.id")
        XCTAssertTrue(sortedSKUs.contains("variant_by_sku_nocase") && sortedSKUs.contains("TEMP B-TREE"), sortedSKUs)
    }

    /// Free text alone is counted from the indexes (`countShortcut`); the count is the one every
    /// row tested would give, also when a variant matches by its SKU and by its product's words.
    func testCountsOfFreeTextFromTheIndexesEqualCountsOfEveryRow() throws {
        let woolVariant = try XCTUnwrap(variants.first { $0.product.title.hasPrefix("Wool") }?.variant.id)
        try shop.rawExecute("UPDATE variant SET sku = 'WOOL-X' WHERE id = \(woolVariant)")
        let lists = PaneLists(currency: .eur, locationIDs: [1, 2])
        func counts<Item>(_ list: KeysetList<Item>, _ text: String) throws -> (short: Int, full: Int) {
            var everyRow = list
            everyRow.countShortcut = nil
            return try shop.writer.read { db in (try list.count(db, filter: text), try everyRow.count(db, filter: text)) }
        }
        for text in ["wool", "WOOL-", "f-00", "f", "nord", "müller", "söhne", "zz", "100%", "wool status:active", "’"] {
            for (name, pair) in [("catalog", try counts(lists.products(), text)), ("pricing", try counts(lists.prices(), text)),
                                 ("stock", try counts(lists.stock, text))] {
                XCTAssertEqual(pair.short, pair.full, "\(name) \(text)")
            }
        }
        XCTAssertGreaterThan(try counts(lists.prices(), "wool").full, 1, "the fixture has wool variants")
    }

    func testCatalogUnknownKeyIsSearchedAsText() throws {
        try checkProducts("Note: x") { $0.title == "Note: x" }
        try checkProducts("note:x") { $0.title == "Note: x" }
    }

    func testQuotingAKnownKeyMakesItFreeText() throws {
        try shop.rawExecute("UPDATE variant SET sku = 'TYPE:A-1' WHERE id = 1")
        let expected = [Int64(1)]
        try check(#""TYPE:A-1""#, expected, page: shop.pricePage, count: shop.priceCount(filter:))
        try check(#""type:a-1""#, expected, page: shop.stockPage, count: shop.stockCount(filter:))
        XCTAssertEqual(try shop.priceCount(filter: "type:a-1"), 0, "unquoted, it is the product type")
        try checkPromotions(#""50% off""#) { $0.name.contains("50% off") }
    }

    // MARK: pricing

    func testPricingProductKeysNarrowVariantsByTheirProduct() throws {
        try checkPrices("vendor:nord") { product, _ in product.vendor.lowercased().hasPrefix("nord") }
        try checkPrices("type:kitchen") { product, _ in product.type == "Kitchenware" }
        try checkPrices("category:wear") { product, _ in product.category?.lowercased().contains("wear") ?? false }
        try checkPrices("status:archived") { product, _ in product.status == "archived" }
    }

    func testPricingFloorBelowKeepsVariantsUnderTheShopsMarginFloor() throws {
        // Floor 25 %: at a price of 10.00 a cost above 7.50 is under it; 7.50 itself is on it.
        try checkPrices("floor:below") { _, variant in variant.cost.map { $0 > 750 } ?? false }
    }

    func testPricingFloorBelowWithoutAFloorMeansBelowCost() throws {
        try shop.rawExecute("DELETE FROM shop_setting WHERE key = 'margin_floor_percent'")
        try checkPrices("floor:below") { _, variant in variant.cost.map { $0 > variant.price } ?? false }
        for impossible in ["150", "-10", "lots", "99999999999999999"] {
            try shop.rawExecute("INSERT OR REPLACE INTO shop_setting(key, value) VALUES ('margin_floor_percent', \(quoted(impossible)))")
            try checkPrices("floor:below") { _, variant in variant.cost.map { $0 > variant.price } ?? false }
        }
    }

    func testPricingCostMissingKeepsVariantsWithoutACost() throws {
        try checkPrices("cost:missing") { _, variant in variant.cost == nil }
    }

    func testPricingKeysCombineWithSKUAndWordFreeTextByAnd() throws {
        try checkPrices("F-01 floor:below") { _, variant in variant.sku.hasPrefix("F-01") && (variant.cost ?? 0) > 750 }
        try checkPrices("merino cost:missing") { product, variant in
            self.titleHasWords(product.title, "merino") && variant.cost == nil
        }
        try checkPrices("cost:missing status:active vendor:nord") { product, variant in
            variant.cost == nil && product.status == "active" && product.vendor.lowercased().hasPrefix("nord")
        }
    }

    // MARK: stock

    func testStockProductKeysNarrowVariantsByTheirProduct() throws {
        try checkStock("vendor:Acme") { product, _ in product.vendor.hasPrefix("Acme") }
        try checkStock("type:OUT") { product, _ in product.type == "Outdoor" }
    }

    func testStockLocationKeyKeepsVariantsWithStockThere() throws {
        try checkStock("location:BER") { _, variant in variant.ber > 0 }
        try checkStock("location:ham") { _, variant in variant.ham > 0 }
        try checkStock("location:FBA", allowEmpty: true) { _, _ in false }
    }

    func testStockOutAndLowFollowAvailableStockAfterOpenOrders() throws {
        XCTAssertTrue(variants.contains { $0.variant.reserved > 0 && $0.variant.ber + $0.variant.ham > 0 && $0.variant.available <= 0 },
                      "a variant whose stock is all reserved is out")
        try checkStock("stock:out") { _, variant in variant.available <= 0 }
        try checkStock("stock:0") { _, variant in variant.available <= 0 }
        try checkStock("stock:low") { _, variant in variant.reorderPoint.map { variant.available <= $0 } ?? false }
        let low = try shop.stockPage(PageRequest(.after(nil), filter: "stock:low", limit: 100))
        XCTAssertTrue(low.allSatisfy(\.isBelowReorderPoint), "the list marks every row the filter keeps")
    }

    func testStockKeysCombineWithFreeTextByAnd() throws {
        try checkStock("F-02 stock:low") { _, variant in
            variant.sku.hasPrefix("F-02") && (variant.reorderPoint.map { variant.available <= $0 } ?? false)
        }
        try checkStock("storm location:ber") { product, variant in self.titleHasWords(product.title, "storm") && variant.ber > 0 }
    }

    // MARK: promotions

    func testPromotionKindKeyAcceptsItsNamesAndShortNames() throws {
        for (filter, kind) in [
            ("kind:percent", "percentage"), ("kind:fixed_amount", "fixed_amount"), ("kind:BUNDLE", "buy_x_get_y"),
            ("kind:shipping", "free_shipping"),
        ] {
            try checkPromotions(filter) { $0.kind == kind }
        }
    }

    func testPromotionCodeKeyIsACaseInsensitivePrefixWithWildcardsTakenLiterally() throws {
        try checkPromotions("code:win") { $0.codes.contains { $0.hasPrefix("WIN") } }
        try checkPromotions("code:WIN_") { $0.codes.contains { $0.hasPrefix("WIN_") } }
        try checkPromotions("code:summer") { $0.codes.contains { $0.hasPrefix("SUMMER") } }
        try checkPromotions("code:inter", allowEmpty: true) { _ in false }
    }

    func testPromotionKeysCombineWithFreeTextByAnd() throws {
        try checkPromotions("boots kind:percentage") { $0.name.contains("boots") && $0.kind == "percentage" }
        try checkPromotions("50% code:w") { $0.name.contains("50%") && $0.codes.contains { $0.hasPrefix("W") } }
    }

    // MARK: complaints

    func testComplaintLabelKeysKeepComplaintsWithThatLabel() throws {
        try checkComplaints("status:new") { $0.status == "new" }
        try checkComplaints("status:waiting") { $0.status == "waiting_for_customer" }
        try checkComplaints("priority:URGENT") { $0.priority == "urgent" }
        try checkComplaints("kind:wrong_item") { $0.kind == "wrong_item" }
        try checkComplaints("channel:review_site") { $0.channel == "review_site" }
    }

    func testComplaintAssigneeKeyIsExactIgnoringCaseAndNoneMeansUnassigned() throws {
        try checkComplaints("assignee:dana") { $0.assignee.lowercased() == "dana" }
        try checkComplaints("assignee:anna") { $0.assignee == "anna" }
        try checkComplaints("assignee:none") { $0.assignee.isEmpty }
        try checkComplaints("assignee:an", allowEmpty: true) { _ in false }
    }

    func testComplaintOverdueKeepsOpenComplaintsMarkedOverdueAtTheGivenNow() throws {
        for now in [pinnedNow, pinnedNow.adding(seconds: -3 * 3600), pinnedNow.adding(seconds: 90 * 60)] {
            let overdue: (ComplaintRow) -> Bool = {
                DueState.of(status: ComplaintStatus(rawValue: $0.status)!, dueAt: $0.dueAt, now: now) == .overdue
            }
            try checkComplaints("overdue:yes", now: now, allowEmpty: now < pinnedNow, where: overdue)
        }
        XCTAssertNotEqual(
            try complaintList(now: pinnedNow).count("overdue:yes"), try complaintList(now: pinnedNow.adding(seconds: -3 * 3600)).count("overdue:yes"),
            "the moment decides")
    }

    func testComplaintKeysCombineWithFreeTextByAnd() throws {
        try checkComplaints("parcel status:investigating") { $0.subject.hasPrefix("Parcel") && $0.status == "investigating" }
        try checkComplaints("100% assignee:ANNA") { $0.subject.contains("100%") && $0.assignee == "anna" }
        try checkComplaints("parcel assignee:none") { $0.subject.hasPrefix("Parcel") && $0.assignee.isEmpty }
        try checkComplaints("overdue:yes assignee:DANA priority:high", allowEmpty: true) {
            DueState.of(status: ComplaintStatus(rawValue: $0.status)!, dueAt: $0.dueAt, now: pinnedNow) == .overdue
                && $0.assignee.lowercased() == "dana" && $0.priority == "high"
        }
    }

    func testComplaintListFromTheStoreTakesTheSameKeysInUrgencyOrder() throws {
        let expected = urgencyOrder(complaints.filter { $0.status == "new" && $0.assignee.lowercased() == "dana" })
        XCTAssertFalse(expected.isEmpty)
        let walk = try walkBothWays(limit: 2, filter: "status:new assignee:dana", page: shop.complaintPage)
        XCTAssertEqual(walk.forward, expected)
        XCTAssertEqual(walk.backward, expected)
        XCTAssertEqual(try shop.complaintCount(filter: "status:new assignee:dana"), expected.count)
    }

    // MARK: refused values and hostile text

    func testARefusedValueMakesEveryListMatchNothing() throws {
        let refused = ["status:sold merino", "floor:above", "stock:high", "kind:gift", "priority:asap"]
        XCTAssertEqual(try shop.productCount(filter: refused[0]), 0)
        XCTAssertEqual(try shop.productPage(PageRequest(.after(nil), filter: refused[0], limit: 10)), [])
        XCTAssertEqual(try shop.priceCount(filter: refused[1]), 0)
        XCTAssertEqual(try shop.pricePage(PageRequest(.before(nil), filter: refused[1], limit: 10)), [])
        XCTAssertEqual(try shop.stockCount(filter: refused[2]), 0)
        XCTAssertEqual(try shop.stockPage(PageRequest(.after(nil), filter: refused[2], limit: 10)), [])
        XCTAssertEqual(try shop.promotionCount(filter: refused[3]), 0)
        XCTAssertEqual(try shop.promotionPage(PageRequest(.after(nil), filter: refused[3], limit: 10)), [])
        XCTAssertEqual(try shop.complaintCount(filter: refused[4]), 0)
        XCTAssertEqual(try shop.complaintPage(PageRequest(.after(nil), filter: refused[4], limit: 10)), [])
        XCTAssertEqual(try shop.productCount(filter: "merino"), products.filter { titleHasWords($0.title, "merino") }.count)
    }

    func testHostileValuesAreMatchedAsDataAndChangeNothing() throws {
        let hostile = ["%", "_", "'", #"\"#, "''", #"'); DROP TABLE product; --"#, "%' OR '1'='1"]
        for value in hostile {
            let term = "\"" + value + "\""
            let lowered = value.lowercased()
            let inCategory: (ProductRow) -> Bool = { $0.category?.lowercased().contains(lowered) ?? false }
            try checkProducts("vendor:" + term, allowEmpty: true) { $0.vendor.lowercased().hasPrefix(lowered) }
            try checkProducts("type:" + term, allowEmpty: true) { $0.type.lowercased().hasPrefix(lowered) }
            try checkProducts("category:" + term, allowEmpty: value != "_", where: inCategory)
            try checkProducts("tag:" + term, allowEmpty: true) { $0.tags.contains(value) }
            try checkProducts("channel:" + term, allowEmpty: true) { $0.listedOn.contains(value) }
            try checkPrices("vendor:" + term, allowEmpty: true) { product, _ in product.vendor.lowercased().hasPrefix(lowered) }
            try checkPrices("category:" + term, allowEmpty: value != "_") { product, _ in inCategory(product) }
            try checkStock("location:" + term, allowEmpty: true) { _, _ in false }
            try checkPromotions("code:" + term, allowEmpty: true) { _ in false }
            try checkComplaints("assignee:" + term, allowEmpty: true) { _ in false }
            try checkProducts("status:active " + value, allowEmpty: true) { _ in false }
        }
        try checkProducts("vendor:o'b") { $0.vendor == "O'Brien" }
        XCTAssertEqual(try shop.count("product"), Int64(products.count))
        XCTAssertEqual(try shop.count("promotion_code"), Int64(promotions.flatMap(\.codes).count))
    }

    // MARK: indexes

    func testFilterIndexesLeaveEveryFilterResultUnchanged() throws {
        let filters: [(String, (String) throws -> Int)] = [
            ("status:active", shop.productCount(filter:)), ("status:draft", shop.productCount(filter:)),
            ("status:archived", shop.priceCount(filter:)), ("type:head", shop.productCount(filter:)),
            ("channel:web", shop.productCount(filter:)), ("stock:out", shop.productCount(filter:)),
            ("cost:missing", shop.priceCount(filter:)), ("F-0 cost:missing", shop.priceCount(filter:)),
            ("status:new", shop.complaintCount(filter:)), ("assignee:DANA", shop.complaintCount(filter:)),
        ]
        let before = try filters.map { try $0.1($0.0) }
        let pages = try walkBothWays(limit: 3, filter: "cost:missing", page: shop.pricePage)
        try shop.writer.write { db in
            try Schema.addFilterIndexes(db)
            try Schema.addFilterIndexes(db)
        }
        XCTAssertEqual(try shop.count("sqlite_master WHERE type = 'index' AND name IN ('product_not_active_by_status', 'product_by_type', "
            + "'product_listing_by_channel', 'variant_without_cost_by_sku', 'complaint_by_status_opened', 'complaint_by_assignee')"), 6)
        XCTAssertEqual(try filters.map { try $0.1($0.0) }, before)
        XCTAssertEqual(try walkBothWays(limit: 3, filter: "cost:missing", page: shop.pricePage).forward, pages.forward)
        try checkProducts(#"type:"HEADWEAR R""#) { $0.type == "Headwear Rack" }
        try checkProducts("status:archived") { $0.status == "archived" }
        try checkProducts("channel:amazon") { $0.listedOn.contains("amazon") }
        try checkComplaints("assignee:dana status:resolved", allowEmpty: true) {
            $0.assignee.lowercased() == "dana" && $0.status == "resolved"
        }
    }
}
