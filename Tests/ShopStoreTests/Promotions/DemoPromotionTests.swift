import DemoShop
import ShopKit
@testable import ShopStore
import XCTest

/// The promotion reads on the demo shop, whose promotions the generator built with known traits.
final class DemoPromotionTests: XCTestCase {
    func testTheDemoPromotionsPriceExplainAndReportAsTheDataSays() throws {
        let today = Timestamp(iso8601: "2030-03-15T12:00:00Z")!
        let shop = try ShopDatabase.inMemory(actor: "jane", clock: { today })
        try shop.loadDemoShop(from: DemoShopFiles.directory, today: today)

        // The clearance promotion is the demo's deliberate sale below cost.
        let clearance = try XCTUnwrap(shop.promotionFullDetail(id: 8)).promotion
        XCTAssertEqual(clearance.scope, .tag)
        let report = try shop.marginGuardPreview(clearance)
        XCTAssertTrue(report.violations.contains(where: \.isBelowCost), "\(report.violations)")
        XCTAssertTrue(report.violations.allSatisfy { $0.promotionIDs == [8] }, "it is exclusive: nothing stacks on it")

        // Three teas for the price of two, automatically.
        let teaID = try XCTUnwrap(shop.integer("""
            SELECT v.id FROM variant v JOIN product p ON p.id = v.product_id WHERE p.handle = 'hojicha-tea' LIMIT 1
            """))
        let three = try XCTUnwrap(shop.explainPrice(variantID: teaID, quantity: 3))
        XCTAssertTrue(three.applied.contains { $0.id == 7 }, three.explanation.joined(separator: "\n"))
        XCTAssertEqual(three.total, three.regularUnitPrice * 2)
        // The Japanese tea code adds its 10 % to a single tea.
        let coded = try XCTUnwrap(shop.explainPrice(variantID: teaID, codes: ["jptea10"]))
        XCTAssertEqual(coded.applied.map(\.id), [10], coded.explanation.joined(separator: "\n"))

        // Usage from the orders: the welcome code's orders, never more than its recorded uses.
        let welcome = try XCTUnwrap(shop.promotionUsage(id: 1))
        XCTAssertGreaterThan(welcome.totals.orders, 0)
        XCTAssertLessThanOrEqual(welcome.totals.orders, welcome.recordedUses)
        XCTAssertEqual(welcome.codes.map(\.code), ["WELCOME"])
    }
}
