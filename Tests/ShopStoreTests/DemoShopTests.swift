import DemoShop
import Foundation
import ShopKit
@testable import ShopStore
import XCTest

final class DemoShopTests: XCTestCase {
    /// The day the demo is installed on; the data's own "now" is noon of its anchor day.
    private let today = Timestamp(iso8601: "2030-03-15T12:00:00Z")!
    private var shop: ShopDatabase!

    override func setUpWithError() throws {
        let today = self.today
        shop = try ShopDatabase.inMemory(actor: "jane", clock: { today })
        try shop.loadDemoShop(from: DemoShopFiles.directory, today: today)
    }

    override func tearDown() {
        shop = nil
    }

    func testDemoShopLoadsAWholeShopWithEveryKindOfRecord() throws {
        XCTAssertGreaterThanOrEqual(try shop.count("product"), 150)
        let variants = try shop.count("variant")
        XCTAssertTrue((450...550).contains(variants), "\(variants) variants")
        XCTAssertEqual(try shop.count("location"), 4)
        XCTAssertGreaterThanOrEqual(try shop.count("sales_order"), 3_000)
        XCTAssertGreaterThanOrEqual(try shop.count("customer"), 800)
        XCTAssertGreaterThanOrEqual(try shop.count("complaint"), 60)
        XCTAssertGreaterThanOrEqual(try shop.count("promotion"), 10)
        XCTAssertGreaterThan(try shop.count("stock_movement"), 0)
        XCTAssertGreaterThan(try shop.count("order_line"), try shop.count("sales_order"))

        let overview = try shop.overview()
        XCTAssertEqual(overview.name, "Nordlicht Outfitters")
        XCTAssertEqual(overview.currency, .eur)
        XCTAssertEqual(overview.locations.map(\.code), ["BER", "HAM", "FBA", "QUA"])
        XCTAssertEqual(overview.locations.filter { !$0.isSellable }.map(\.code), ["QUA"], "damaged goods wait in quarantine")
        XCTAssertGreaterThan(try shop.integer("SELECT on_hand FROM stock_level l JOIN location o ON o.id = l.location_id WHERE o.code = 'QUA' LIMIT 1") ?? 0, 0)
        XCTAssertEqual(overview.marginFloorBasisPoints, 2_500)

        let counts = Dictionary(uniqueKeysWithValues: try shop.tableCounts())
        XCTAssertEqual(counts["products"].map(Int64.init), try shop.count("product"))
        XCTAssertEqual(counts["audit rows"], 1)
        XCTAssertEqual(try shop.productCount(filter: ""), Int(try shop.count("product")))
        XCTAssertEqual(try shop.priceCount(filter: ""), Int(variants))
    }

    func testLoadedDemoShopPassesTheIntegrityAndLedgerChecks() throws {
        XCTAssertEqual(try shop.check(), [])
    }

    func testLoadIsOneAuditedBatchByTheActor() throws {
        let batches = try shop.jsonRows("SELECT json_object('actor', actor, 'command', command, 'at', at) FROM audit_batch")
        XCTAssertEqual(batches.count, 1)
        XCTAssertEqual(batches.first?["actor"] as? String, "jane")
        XCTAssertEqual(batches.first?["command"] as? String, "load demo shop")
        XCTAssertEqual(batches.first?["at"] as? String, today.iso8601)
    }

    func testDatesAreShiftedSoTheNewestOrderIsFromTheLastFewDays() throws {
        let newestText = try XCTUnwrap(shop.text("SELECT max(placed_at) FROM sales_order"))
        let newest = try XCTUnwrap(Timestamp(iso8601: newestText))
        XCTAssertLessThanOrEqual(newest.dayNumber, today.dayNumber, "no order is placed after today: \(newestText)")
        XCTAssertGreaterThanOrEqual(newest.dayNumber, today.dayNumber - 3, "the newest order is old: \(newestText)")
        let oldestText = try XCTUnwrap(shop.text("SELECT min(placed_at) FROM sales_order"))
        let oldest = try XCTUnwrap(Timestamp(iso8601: oldestText))
        XCTAssertLessThan(oldest, newest.adding(days: -30))
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM sales_order WHERE placed_at NOT LIKE '____-__-__T__:__:__Z'"), 0)
    }

    func testLoadingBeforeNoonUTCLeavesNoOrderPlacedAfterTheMomentOfLoading() throws {
        // The data runs up to noon of its anchor day, so a morning load must not shift it onto today.
        let morning = Timestamp(iso8601: "2030-03-15T06:00:00Z")!
        let early = try ShopDatabase.inMemory(actor: "jane", clock: { morning })
        try early.loadDemoShop(from: DemoShopFiles.directory, today: morning)

        let newestText = try XCTUnwrap(early.text("SELECT max(placed_at) FROM sales_order"))
        let newest = try XCTUnwrap(Timestamp(iso8601: newestText))
        XCTAssertLessThanOrEqual(newest, morning, "an order is placed after the load at \(morning.iso8601): \(newestText)")
        XCTAssertGreaterThan(newest, morning.adding(days: -1), "the newest order is still from the last day: \(newestText)")
    }

    func testPromotionsAreInEveryStateOnTheInstallationDay() throws {
        let promotions = try shop.promotionPage(PageRequest(.after(nil), limit: 1_000)).map(\.promotion)
        XCTAssertEqual(promotions.count, Int(try shop.count("promotion")))
        let states = Set(promotions.map { $0.state(at: today) })
        XCTAssertEqual(states, Set(PromotionState.allCases))
    }

    func testSomeOpenComplaintsAreOverdueOnTheInstallationDay() throws {
        let complaints = try shop.complaintPage(PageRequest(.after(nil), limit: 1_000))
        XCTAssertEqual(complaints.count, Int(try shop.count("complaint")))
        let overdue = complaints.filter { DueState.of(status: $0.status, dueAt: $0.dueAt, now: today) == .overdue }
        XCTAssertFalse(overdue.isEmpty)
    }

    func testSecondLoadIntoTheSameDatabaseIsRefusedAndChangesNothing() throws {
        let productsBefore = try shop.count("product")
        let auditBefore = try shop.count("audit_log")
        let settingsBefore = try shop.count("shop_setting")
        do {
            try shop.loadDemoShop(from: DemoShopFiles.directory, today: today)
            XCTFail("the demo shop was loaded twice")
        } catch let error as LoadError {
            XCTAssertTrue(error.message.contains("already holds products"), error.description)
        }
        XCTAssertEqual(try shop.count("product"), productsBefore)
        XCTAssertEqual(try shop.count("audit_log"), auditBefore)
        XCTAssertEqual(try shop.count("shop_setting"), settingsBefore)
    }

    func testHostileControlCharactersInProductTextsAreStoredByteForByte() throws {
        let titles: [(handle: String, title: String)] = [
            ("trail-mug-350-ml", "Trail Mug\u{1B}[2J 350 ml"),
            ("fjord-folding-knife-8-cm", "Fjord Folding Knife\u{08} 8 cm"),
            ("merino-hiking-socks-3-pack", "Merino Hiking Socks\r 3-pack"),
            ("aurora-graphic-tee", "Aurora Graphic Tee \u{202E}gpj.exe\u{202C}"),
        ]
        for (handle, title) in titles {
            let stored = try XCTUnwrap(shop.text("SELECT title FROM product WHERE handle = '\(handle)'"), handle)
            XCTAssertEqual(Array(stored.utf8), Array(title.utf8), handle)
            let id = try XCTUnwrap(shop.integer("SELECT id FROM product WHERE handle = '\(handle)'"))
            let detail = try XCTUnwrap(shop.productDetail(id: id))
            XCTAssertEqual(Array(detail.product.title.utf8), Array(title.utf8), handle)
        }
        let vendor = try XCTUnwrap(shop.text("SELECT vendor FROM product WHERE handle = 'gipfel-daypack-18-l'"))
        XCTAssertEqual(Array(vendor.utf8), Array("Gipfel\u{1B}]0;pwned\u{07} Supply".utf8))
        let body = try XCTUnwrap(shop.text("SELECT body_html FROM product WHERE handle = 'fjord-folding-knife-8-cm'"))
        XCTAssertTrue(body.unicodeScalars.contains("\u{9B}"), "the C1 control survives")
        XCTAssertTrue(body.unicodeScalars.contains("\u{7F}"), "DEL survives")

        let page = try shop.productPage(PageRequest(.after(nil), filter: "trail mug", limit: 10))
        XCTAssertTrue(page.contains { Array($0.title.utf8) == Array("Trail Mug\u{1B}[2J 350 ml".utf8) }, page.map(\.title).description)
    }
}
