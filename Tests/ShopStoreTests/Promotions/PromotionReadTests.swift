import ShopKit
@testable import ShopStore
import XCTest

final class PromotionReadTests: XCTestCase {
    private var shop: ShopDatabase!

    override func setUpWithError() throws { shop = try makePromotionShop() }
    override func tearDown() { shop = nil }

    private func create(_ promotion: Promotion) throws -> Int64 {
        try XCTUnwrap(shop.perform(.createPromotion(promotion, overrideMarginGuard: false)).createdID)
    }

    // MARK: prices

    func testTheExplainedPriceOfAVariantFollowsTheCodeTyped() throws {
        let automatic = try create(teaPromotion("Tea week", percent: 5))
        let coded = try create(teaPromotion("Spring code", percent: 10, code: "SPRING10"))
        let without = try XCTUnwrap(shop.explainPrice(variantID: 1))
        XCTAssertEqual(without.total, euro(950))
        XCTAssertTrue(without.trace.contains(.skipped(promotionID: coded, name: "Spring code", reason: .needsCode)))
        let with = try XCTUnwrap(shop.explainPrice(variantID: 1, codes: ["spring10"]))
        XCTAssertEqual(with.total, euro(855))
        XCTAssertEqual(with.applied.map(\.id), [automatic, coded])
        XCTAssertEqual(with.explanation.last, "= €8.55")
        XCTAssertNil(try shop.explainPrice(variantID: 99))
    }

    func testThePricingPaneSeesTheAutomaticPriceAndEveryPromotionRunning() throws {
        let automatic = try create(teaPromotion("Tea week", percent: 5))
        let coded = try create(teaPromotion("Spring code", percent: 10, code: "SPRING10"))
        var later = teaPromotion("Later", percent: 5)
        later.startsAt = pinnedNow.adding(days: 3)
        _ = try create(later)
        let summary = try XCTUnwrap(shop.variantPromotions(variantID: 2))
        XCTAssertEqual(summary.quote.effectiveUnitPrice, euro(1_140))
        XCTAssertEqual(summary.activePromotions.map(\.id), [automatic, coded])
        XCTAssertEqual(try shop.variantPromotions(variantID: 3)?.activePromotions, [], "socks are not tea")
    }

    func testAQuotedCartAppliesChannelAndCustomerLimits() throws {
        var webOnly = teaPromotion("Web tea", percent: 10, code: "WEB10")
        webOnly.channel = "web"
        webOnly.perCustomerLimit = 1
        let id = try create(webOnly)
        try shop.rawExecute("""
            INSERT INTO sales_order(id, number, customer_id, placed_at, channel_id, status) VALUES
                (1, '#1', 1, '2030-03-01T10:00:00Z', 1, 'shipped');
            INSERT INTO order_line(order_id, line_no, variant_id, quantity, unit_price_minor, discount_minor, promotion_code)
                VALUES (1, 1, 1, 1, 1000, 100, 'web10');
            """)
        let lines: [(variantID: Int64, quantity: Int64)] = [(1, 2), (3, 1)]
        let onWeb = try shop.quoteCart(lines: lines, shipping: euro(490), codes: ["WEB10"], channel: "web", customerID: 2)
        XCTAssertEqual(onWeb.total, euro(1_800 + 1_500 + 490))
        let amazon = try shop.quoteCart(lines: lines, shipping: euro(490), codes: ["WEB10"], channel: "amazon", customerID: 2)
        XCTAssertEqual(amazon.goods, euro(3_500))
        let usedAlready = try shop.quoteCart(lines: lines, shipping: euro(490), codes: ["WEB10"], channel: "web", customerID: 1)
        XCTAssertTrue(usedAlready.trace.contains(.skipped(promotionID: id, name: "Web tea", reason: .perCustomerLimitReached(1))))
    }

    // MARK: overlaps

    func testOverlapsListThePromotionsOnTheSameVariantsAtTheSameTime() throws {
        let tea = try create(teaPromotion("Tea week", percent: 5))
        let shopWide = try create(Promotion(
            name: "Everything", kind: .percentage, percentBasisPoints: 500, startsAt: pinnedNow, combines: false))
        _ = try create(Promotion(
            name: "Socks", kind: .percentage, percentBasisPoints: 500, scope: .category, scopeValue: "Socks", startsAt: pinnedNow))
        let overlaps = try shop.promotionOverlaps(id: tea)
        XCTAssertEqual(overlaps.map(\.promotion.id), [shopWide])
        XCTAssertEqual(overlaps.first?.combines, false)
        XCTAssertEqual(overlaps.first?.sharedVariants, 2)
    }

    func testAScopeReadInBatchesGivesEveryVariantOnceAndCanStopEarly() throws {
        let shopWide = Promotion(name: "Everything", kind: .percentage, percentBasisPoints: 500, startsAt: pinnedNow)
        let socksOnly = Promotion(
            name: "Socks", kind: .percentage, percentBasisPoints: 500, scope: .category, scopeValue: "Socks", startsAt: pinnedNow)
        try shop.writer.read { db in
            var seen: [Int64] = []
            try ShopDatabase.forEachBatch(db, inScopeOf: shopWide, currency: .eur, batchSize: 2) { batch in
                seen += batch.map(\.id)
                return true
            }
            XCTAssertEqual(seen.sorted(), [1, 2, 3], "three variants over two batches, none twice")

            var batches = 0
            try ShopDatabase.forEachBatch(db, inScopeOf: shopWide, currency: .eur, batchSize: 1) { _ in
                batches += 1
                return false
            }
            XCTAssertEqual(batches, 1, "the reader stops when asked")

            var shared: [Int64] = []
            try ShopDatabase.forEachBatch(db, inScopeOf: shopWide, alsoIn: [socksOnly], currency: .eur, batchSize: 1) { batch in
                shared += batch.map(\.id)
                return true
            }
            XCTAssertEqual(shared, [3], "narrowed to the variants the other promotion may cover")
        }
    }

    // MARK: usage

    /// Four orders: two carry SPRING10 (one typed in lower case), one carries the second code,
    /// one was cancelled and does not count; a fifth has no code.
    private func makeOrders(promotionID: Int64) throws {
        try shop.rawExecute("""
            INSERT INTO promotion_code(promotion_id, code, uses) VALUES (\(promotionID), 'SPRING-B', 1);
            INSERT INTO sales_order(id, number, customer_id, placed_at, channel_id, status) VALUES
                (1, '#1', 1, '2030-03-10T10:00:00Z', 1, 'shipped'),
                (2, '#2', 2, '2030-03-11T10:00:00Z', 1, 'shipped'),
                (3, '#3', 1, '2030-03-12T10:00:00Z', 1, 'cancelled'),
                (4, '#4', 2, '2030-03-13T10:00:00Z', 1, 'open'),
                (5, '#5', 2, '2030-03-14T10:00:00Z', 1, 'shipped');
            INSERT INTO order_line(order_id, line_no, variant_id, quantity, unit_price_minor, discount_minor, promotion_code) VALUES
                (1, 1, 1, 2, 1000, 200, 'SPRING10'),
                (1, 2, 3, 1, 1500, 0, NULL),
                (2, 1, 2, 1, 1200, 120, 'spring10'),
                (3, 1, 1, 1, 1000, 100, 'SPRING10'),
                (4, 1, 1, 3, 1000, 300, 'SPRING-B'),
                (5, 1, 3, 1, 1500, 0, NULL);
            UPDATE promotion_code SET uses = 3 WHERE code = 'SPRING10';
            """)
    }

    func testTheUsageReportAddsUpOrdersUnitsRevenueAndDiscountPerPromotionAndCode() throws {
        let id = try create(teaPromotion("Spring", percent: 10, code: "SPRING10"))
        try makeOrders(promotionID: id)
        let report = try XCTUnwrap(shop.promotionUsage(id: id))
        XCTAssertEqual(report.totals, PromotionUsageFigures(orders: 3, units: 6, revenue: euro(7_080), discount: euro(620)))
        XCTAssertEqual(report.codesUsed, 2)
        XCTAssertEqual(report.codes.map(\.code), ["SPRING10", "SPRING-B"])
        XCTAssertEqual(report.codes[0].recordedUses, 3)
        XCTAssertEqual(report.codes[0].figures, PromotionUsageFigures(orders: 2, units: 3, revenue: euro(4_380), discount: euro(320)))
        XCTAssertEqual(report.codes[1].figures, PromotionUsageFigures(orders: 1, units: 3, revenue: euro(2_700), discount: euro(300)))
        XCTAssertEqual(try shop.promotionUsage(id: id, codeLimit: 1)?.codes.count, 1)
        XCTAssertNil(try shop.promotionUsage(id: 999))
    }

    func testTheCodeListShowsOrdersPerCode() throws {
        let id = try create(teaPromotion("Spring", percent: 10, code: "SPRING10"))
        try makeOrders(promotionID: id)
        let codes = try shop.promotionCodePage(promotionID: id, PageRequest(.after(nil), limit: 10))
        XCTAssertEqual(codes.map(\.code), ["SPRING10", "SPRING-B"])
        XCTAssertEqual(codes.map(\.orders), [2, 1])
        XCTAssertEqual(try shop.promotionCodePage(promotionID: id, PageRequest(.after(nil), filter: "spring-", limit: 10)).map(\.code),
                       ["SPRING-B"])
        XCTAssertEqual(try shop.promotionFullDetail(id: id)?.codeUses, 4)
    }
}
