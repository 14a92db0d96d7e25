import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// A few hundred generated rows per pane, with repeated sort values so that ties must be broken
/// by id, and texts holding LIKE's wildcard characters.
final class ListWindowTests: XCTestCase {
    private struct ProductRow { let id: Int64; let title: String }
    private struct VariantRow { let id: Int64; let productID: Int64; let sku: String; let onHand: [Int64] }
    private struct PromotionRow { let id: Int64; let name: String; let kind: String; let startsAt: String; let code: String? }
    private struct ComplaintRow { let id: Int64; let openedAt: String; let searchable: [String] }

    private var shop: ShopDatabase!
    private var products: [ProductRow] = []
    private var variants: [VariantRow] = []
    private var promotions: [PromotionRow] = []
    private var complaints: [ComplaintRow] = []

    private func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
    private func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    override func setUpWithError() throws {
        shop = try makeInMemoryShop()
        var sql = """
            INSERT INTO location(id, code, name, kind) VALUES
                (1, 'BER', 'Berlin', 'warehouse'), (2, 'HAM', 'Hamburg', 'warehouse'), (3, 'FBA', 'Leipzig', 'fulfilment');

            """
        let stamp = "'2030-01-01T00:00:00Z'"
        let adjectives = ["Wool", "wool", "Merino", "Alpine", "Trail", "Storm", "Fjord"]
        let nouns = ["Beanie", "Scarf", "Socks", "Jacket", "Mug", "Tent", "Lamp", "Rope", "Gloves", "Cap", "Boots"]
        var variantID: Int64 = 0
        for index in 1...260 {
            let title = index % 50 == 0 ? "100% Wool Scarf" : "\(adjectives[index % 7]) \(nouns[index % 11])"
            let id = Int64(index)
            products.append(ProductRow(id: id, title: title))
            sql += """
                INSERT INTO product(id, handle, title, vendor, product_type, created_at, updated_at)
                VALUES (\(id), 'item-\(index)', \(quoted(title)), 'Nordlicht', 'Gear', \(stamp), \(stamp));

                """
            var skus = index % 40 == 0 ? [""] : ["SKU-\(pad(index, 4))-A"]
            if index % 3 == 0 { skus.append("SKU-\(pad(index, 4))-B") }
            if index == 1 { skus += ["ZX%1", "ZX_1", "ZXA1", "ZXB1"] }
            for sku in skus {
                variantID += 1
                let ber = Int64(variantID % 9) + 1
                let ham = variantID % 4 == 0 ? Int64(variantID % 5) + 2 : 0
                variants.append(VariantRow(id: variantID, productID: id, sku: sku, onHand: [ber, ham, 0]))
                sql += """
                    INSERT INTO variant(id, product_id, sku, price_minor, created_at, updated_at)
                    VALUES (\(variantID), \(id), \(quoted(sku)), \(1_000 + variantID), \(stamp), \(stamp));
                    INSERT INTO stock_movement(at, variant_id, location_id, reason, quantity, actor)
                    VALUES (\(stamp), \(variantID), 1, 'receipt', \(ber), 'import');

                    """
                if ham > 0 {
                    sql += """
                        INSERT INTO stock_movement(at, variant_id, location_id, reason, quantity, actor)
                        VALUES (\(stamp), \(variantID), 2, 'receipt', \(ham), 'import');

                        """
                }
            }
        }
        let kinds = ["percentage", "fixed_amount", "free_shipping", "buy_x_get_y"]
        for index in 1...150 {
            let name: String
            switch (index % 25, index % 30) {
            case (0, _): name = "50% off boots \(index)"
            case (1, _): name = "50 off boots \(index)"
            case (_, 2): name = "Deal Q_Z \(index)"
            case (_, 3): name = "Deal QXZ \(index)"
            default: name = "Promo \(index)"
            }
            let kind = kinds[index % 4]
            let startsAt = "2030-01-\(pad(1 + index % 28, 2))T00:00:00Z"
            let code = index % 10 == 0 ? "WINTER-\(index)" : nil
            promotions.append(PromotionRow(id: Int64(index), name: name, kind: kind, startsAt: startsAt, code: code))
            let values: String
            switch kind {
            case "percentage": values = "1500, NULL, NULL"
            case "fixed_amount": values = "NULL, 1000, NULL"
            case "buy_x_get_y": values = "NULL, NULL, 'buy2get1'"
            default: values = "NULL, NULL, NULL"
            }
            sql += """
                INSERT INTO promotion(id, name, kind, percent_bp, amount_minor, bundle_rule, trigger, scope, starts_at)
                VALUES (\(index), \(quoted(name)), '\(kind)', \(values), '\(code == nil ? "automatic" : "code")', 'shop', '\(startsAt)');

                """
            if let code {
                sql += "INSERT INTO promotion_code(promotion_id, code) VALUES (\(index), '\(code)');\n"
            }
        }
        let names = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov"]
        for (offset, name) in names.enumerated() {
            sql += """
                INSERT INTO customer(id, name, email, created_at) VALUES (\(offset + 1), '\(name)', 'c\(offset)@example.com', \(stamp));

                """
        }
        let complaintKinds = ComplaintKind.allCases.map(\.rawValue)
        let priorities = ComplaintPriority.allCases.map(\.rawValue)
        let statuses = ComplaintStatus.allCases.map(\.rawValue)
        let assignees = ["anna", "dana", ""]
        for index in 1...170 {
            let subject: String
            switch index % 20 {
            case 0: subject = "100% broken \(index)"
            case 1: subject = "100 broken \(index)"
            case 2: subject = "label a_b \(index)"
            case 3: subject = "label axb \(index)"
            default: subject = "Parcel \(index) late"
            }
            let customer: Int? = index % 6 == 0 ? nil : 1 + index % 5
            let kind = complaintKinds[index % complaintKinds.count]
            let priority = priorities[index % priorities.count]
            let status = statuses[index % statuses.count]
            let assignee = assignees[index % assignees.count]
            let openedAt = "2030-02-\(pad(1 + index % 20, 2))T10:00:00Z"
            complaints.append(ComplaintRow(
                id: Int64(index), openedAt: openedAt,
                searchable: [subject, customer.map { names[$0 - 1] } ?? "", kind, status, priority, assignee]))
            sql += """
                INSERT INTO complaint(id, customer_id, kind, channel, priority, status, assignee, opened_at, subject)
                VALUES (\(index), \(customer.map(String.init) ?? "NULL"), '\(kind)', 'email', '\(priority)', '\(status)',
                        '\(assignee)', '\(openedAt)', \(quoted(subject)));

                """
        }
        try shop.rawExecute(sql)
    }

    override func tearDown() {
        shop = nil
    }

    // MARK: expected orders

    private func productOrder(_ rows: [ProductRow]) -> [Int64] {
        rows.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }.map(\.id)
    }

    private func variantOrder(_ rows: [VariantRow]) -> [Int64] {
        rows.sorted { ($0.sku, $0.id) < ($1.sku, $1.id) }.map(\.id)
    }

    private func promotionOrder(_ rows: [PromotionRow]) -> [Int64] {
        rows.sorted { ($0.startsAt, $0.id) > ($1.startsAt, $1.id) }.map(\.id)
    }

    private func complaintOrder(_ rows: [ComplaintRow]) -> [Int64] {
        rows.sorted { ($0.openedAt, $0.id) > ($1.openedAt, $1.id) }.map(\.id)
    }

    private func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    // MARK: whole lists

    func testProductWindowsVisitEveryRowExactlyOnceInTitleOrderBothWays() throws {
        let expected = productOrder(products)
        XCTAssertEqual(Set(expected).count, 260)
        for limit in [7, 50] {
            let walk = try walkBothWays(limit: limit, page: shop.productPage)
            XCTAssertEqual(walk.forward, expected, "forward, \(limit) rows a page")
            XCTAssertEqual(walk.backward, expected, "backward, \(limit) rows a page")
        }
        XCTAssertEqual(try shop.productCount(filter: ""), expected.count)
    }

    func testPriceWindowsVisitEveryVariantExactlyOnceInSKUOrderBothWays() throws {
        let expected = variantOrder(variants)
        let walk = try walkBothWays(limit: 7, page: shop.pricePage)
        XCTAssertEqual(walk.forward, expected)
        XCTAssertEqual(walk.backward, expected)
        XCTAssertEqual(try shop.priceCount(filter: ""), expected.count)
        let first = try XCTUnwrap(shop.pricePage(PageRequest(.after(nil), limit: 1000)).first { $0.sku == "SKU-0001-A" })
        XCTAssertEqual(first.price, Money(minorUnits: 1_001, currency: .eur))
        XCTAssertEqual(first.productTitle, products[0].title)
    }

    func testStockWindowsVisitEveryVariantExactlyOnceAndShowOnHandPerLocation() throws {
        let expected = variantOrder(variants)
        let walk = try walkBothWays(limit: 7, page: shop.stockPage)
        XCTAssertEqual(walk.forward, expected)
        XCTAssertEqual(walk.backward, expected)
        XCTAssertEqual(try shop.stockCount(filter: ""), expected.count)

        let items = try shop.stockPage(PageRequest(.after(nil), limit: 1000))
        let byID = Dictionary(uniqueKeysWithValues: variants.map { ($0.id, $0) })
        for item in items {
            XCTAssertEqual(item.onHandByLocation, byID[item.id]?.onHand, "variant \(item.id)")
        }
    }

    func testPromotionWindowsVisitEveryRowExactlyOnceNewestStartFirstBothWays() throws {
        let expected = promotionOrder(promotions)
        let walk = try walkBothWays(limit: 7, page: shop.promotionPage)
        XCTAssertEqual(walk.forward, expected)
        XCTAssertEqual(walk.backward, expected)
        XCTAssertEqual(try shop.promotionCount(filter: ""), expected.count)
    }

    /// The complaint list in its "newest first" order (the pane's second order; urgency is the first).
    private func newestComplaints(_ request: PageRequest) throws -> [ComplaintListItem] {
        try shop.complaintPage(PageRequest(request.direction, filter: request.filter, limit: request.limit, order: "newest"))
    }

    func testComplaintWindowsVisitEveryRowExactlyOnceNewestFirstBothWays() throws {
        let expected = complaintOrder(complaints)
        let walk = try walkBothWays(limit: 7, page: newestComplaints)
        XCTAssertEqual(walk.forward, expected)
        XCTAssertEqual(walk.backward, expected)
        XCTAssertEqual(try shop.complaintCount(filter: ""), expected.count)
    }

    func testWindowBeforeNothingHoldsTheLastRowsInListOrder() throws {
        let last = PageRequest(.before(nil), limit: 5)
        XCTAssertEqual(try shop.productPage(last).map(\.id), Array(productOrder(products).suffix(5)))
        XCTAssertEqual(try shop.pricePage(last).map(\.id), Array(variantOrder(variants).suffix(5)))
        XCTAssertEqual(try shop.stockPage(last).map(\.id), Array(variantOrder(variants).suffix(5)))
        XCTAssertEqual(try shop.promotionPage(last).map(\.id), Array(promotionOrder(promotions).suffix(5)))
        XCTAssertEqual(try newestComplaints(last).map(\.id), Array(complaintOrder(complaints).suffix(5)))
    }

    func testWindowAfterTheLastRowOrBeforeTheFirstIsEmpty() throws {
        let all = try shop.productPage(PageRequest(.after(nil), limit: 1000))
        XCTAssertEqual(all.count, 260)
        XCTAssertEqual(try shop.productPage(PageRequest(.after(all.last?.sortKey), limit: 10)).count, 0)
        XCTAssertEqual(try shop.productPage(PageRequest(.before(all.first?.sortKey), limit: 10)).count, 0)
    }

    // MARK: filters

    func testProductFilterMatchesTitlesHoldingEveryWordAsAPrefix() throws {
        for filter in ["woo sca", "mer", "storm JACK", "100"] {
            let filterWords = words(filter)
            let matching = products.filter { product in
                let titleWords = words(product.title)
                return filterWords.allSatisfy { word in titleWords.contains { $0.hasPrefix(word) } }
            }
            let expected = productOrder(matching)
            XCTAssertFalse(expected.isEmpty, filter)
            let walk = try walkBothWays(limit: 4, filter: filter, page: shop.productPage)
            XCTAssertEqual(walk.forward, expected, filter)
            XCTAssertEqual(walk.backward, expected, filter)
            XCTAssertEqual(try shop.productCount(filter: filter), expected.count, filter)
        }
    }

    func testProductFilterWithoutAnyWordMatchesNothing() throws {
        XCTAssertEqual(try shop.productPage(PageRequest(.after(nil), filter: "%", limit: 10)).count, 0)
        XCTAssertEqual(try shop.productCount(filter: "%"), 0)
        XCTAssertEqual(try shop.productCount(filter: "   "), 260, "a blank filter is no filter")
    }

    func testSKUFilterMatchesSKUPrefixesOnlyAndTreatsPercentAndUnderscoreLiterally() throws {
        for filter in ["SKU-01", "SKU-0003-B", "ZX_", "ZX%", "ZX"] {
            let expected = variantOrder(variants.filter { $0.sku.hasPrefix(filter) })
            XCTAssertFalse(expected.isEmpty, filter)
            let prices = try walkBothWays(limit: 6, filter: filter, page: shop.pricePage)
            XCTAssertEqual(prices.forward, expected, "prices \(filter)")
            XCTAssertEqual(prices.backward, expected, "prices \(filter)")
            XCTAssertEqual(try shop.priceCount(filter: filter), expected.count, "prices \(filter)")
            let stock = try walkBothWays(limit: 6, filter: filter, page: shop.stockPage)
            XCTAssertEqual(stock.forward, expected, "stock \(filter)")
            XCTAssertEqual(stock.backward, expected, "stock \(filter)")
            XCTAssertEqual(try shop.stockCount(filter: filter), expected.count, "stock \(filter)")
        }
        XCTAssertEqual(try shop.pricePage(PageRequest(.after(nil), filter: "ZX_", limit: 10)).map(\.sku), ["ZX_1"])
        XCTAssertEqual(try shop.stockPage(PageRequest(.after(nil), filter: "ZX%", limit: 10)).map(\.sku), ["ZX%1"])
        XCTAssertEqual(try shop.priceCount(filter: "NOPE"), 0)
    }

    func testPromotionFilterMatchesNameKindAndCodeWithWildcardsTakenLiterally() throws {
        for filter in ["50%", "q_z", "QXZ", "winter-1", "fixed_amount", "boots"] {
            let needle = filter.lowercased()
            let matching = promotions.filter { promotion in
                [promotion.name, promotion.kind, promotion.code ?? ""].contains { $0.lowercased().contains(needle) }
            }
            let expected = promotionOrder(matching)
            XCTAssertFalse(expected.isEmpty, filter)
            let walk = try walkBothWays(limit: 4, filter: filter, page: shop.promotionPage)
            XCTAssertEqual(walk.forward, expected, filter)
            XCTAssertEqual(walk.backward, expected, filter)
            XCTAssertEqual(try shop.promotionCount(filter: filter), expected.count, filter)
        }
        let percent = try shop.promotionPage(PageRequest(.after(nil), filter: "50%", limit: 100))
        XCTAssertTrue(percent.allSatisfy { $0.promotion.name.contains("50%") }, percent.map(\.promotion.name).joined(separator: ", "))
        let underscore = try shop.promotionPage(PageRequest(.after(nil), filter: "Q_Z", limit: 100))
        XCTAssertTrue(underscore.allSatisfy { $0.promotion.name.contains("Q_Z") }, underscore.map(\.promotion.name).joined(separator: ", "))
    }

    func testComplaintFilterMatchesSubjectCustomerAndLabelsWithWildcardsTakenLiterally() throws {
        for filter in ["100%", "a_b", "grace", "wrong_item", "urgent", "dana"] {
            let needle = filter.lowercased()
            let matching = complaints.filter { complaint in complaint.searchable.contains { $0.lowercased().contains(needle) } }
            let expected = complaintOrder(matching)
            XCTAssertFalse(expected.isEmpty, filter)
            let walk = try walkBothWays(limit: 4, filter: filter, page: newestComplaints)
            XCTAssertEqual(walk.forward, expected, filter)
            XCTAssertEqual(walk.backward, expected, filter)
            XCTAssertEqual(try shop.complaintCount(filter: filter), expected.count, filter)
        }
        let percent = try shop.complaintPage(PageRequest(.after(nil), filter: "100%", limit: 100))
        XCTAssertTrue(percent.allSatisfy { $0.subject.contains("100%") }, percent.map(\.subject).joined(separator: ", "))
    }

    /// The queue matches a complaint's customer by the name the customer has now: renamed, or
    /// another customer put on the complaint, the search follows.
    func testComplaintFilterFollowsTheCustomerNameWhenItChanges() throws {
        func found(_ filter: String) throws -> [Int64] {
            try walkBothWays(limit: 4, filter: filter, page: newestComplaints).forward
        }
        let graces = complaints.filter { $0.searchable[1] == "Grace Hopper" }.map(\.id)
        XCTAssertFalse(graces.isEmpty)
        try shop.rawExecute("UPDATE customer SET name = 'Grace Brewster' WHERE id = 2")
        XCTAssertEqual(Set(try found("brewster")), Set(graces))
        XCTAssertTrue(try found("hopper").isEmpty, "the old name no longer matches")
        try shop.rawExecute("UPDATE complaint SET customer_id = 1 WHERE id = \(graces[0])")
        XCTAssertEqual(Set(try found("brewster")), Set(graces.dropFirst()))
        XCTAssertTrue(try found("lovelace").contains(graces[0]))
        try shop.rawExecute("""
            INSERT INTO complaint(id, customer_id, kind, channel, priority, status, assignee, opened_at, subject)
            VALUES (900, 3, 'damaged', 'email', 'normal', 'new', '', '2030-03-01T10:00:00Z', 'Cracked');
            """)
        XCTAssertTrue(try found("turing").contains(900))
        XCTAssertEqual(try shop.complaintCount(filter: "brewster"), graces.count - 1)
    }
}
