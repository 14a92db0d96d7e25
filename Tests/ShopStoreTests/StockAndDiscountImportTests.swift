import Foundation
import ShopKit
@testable import ShopStore
import XCTest

final class StockAndDiscountImportTests: XCTestCase {
    func testInventoryCountsMatchByHandleAndOptionsBecomeStocktakesAndCreateUnknownLocations() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        let products = """
            Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price
            puff,Puff Large,Color,Latte,,520.00
            puff,,,Chocolate,,520.00

            """
        _ = try shop.importProducts(from: try folder.write("products.csv", products))
        let inventory = """
            Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU,HS Code,COO,Location,Incoming,Unavailable,Committed,Available,On hand
            puff,Puff Large,Color,Latte,,,,,"",,,Shop location,0,0,0,103,103
            puff,Puff Large,Color,Chocolate,,,,,"",,,Shop location,0,0,0,200,200
            puff,Puff Large,Color,Mint,,,,,"",,,Shop location,0,0,0,1,1

            """
        let file = try folder.write("inventory.csv", inventory)
        let summary = try shop.importInventory(from: file)
        XCTAssertEqual(summary.stockCounted, 2)
        XCTAssertEqual(summary.rejected, 1)
        XCTAssertEqual(summary.locationsCreated, ["shop-location (Shop location)"])
        XCTAssertTrue(try folder.read("inventory.csv.rejects.csv").contains("Mint"))
        XCTAssertEqual(try shop.texts("SELECT DISTINCT reason || ' ' || reference FROM stock_movement"), ["stocktake inventory.csv"])
        XCTAssertEqual(try shop.integer("SELECT sum(on_hand) FROM stock_level"), 303)

        let again = try shop.importInventory(from: file)
        XCTAssertEqual(again.stockUnchanged, 2)
        XCTAssertFalse(again.changedAnything)
        XCTAssertEqual(try shop.count("stock_movement"), 2)
    }

    func testDiscountsBecomePromotionsPausedWhenTheFileLeavesSomethingOut() throws {
        let folder = try ImportFolder()
        let shop = try makeInMemoryShop()
        let text = """
            Name,Value,Value Type,Type,Discount Class,Minimum Purchase Requirements,Combines with Order Discounts,Combines with Product Discounts,Combines with Shipping Discounts,Customer Selection,Times Used In Total,Applies Once Per Customer,Usage Limit Per Code,Status,Start,End,Method
            "Custom Fail Tag 10,000 Discount",-75.0,fixed_amount,Amount Off,product,20,1,1,1,all,0,,,Active,2023-12-28 16:45:15 -0500,,Code
            WELCOME10,-10.0,percentage,Percentage,order,,1,1,1,all,3,true,50,Active,2024-01-01 00:00:00 +0000,2024-12-31 23:59:59 +0000,Code
            BROKEN,-10.0,percentage,Percentage,order,,0,0,0,all,0,,,Active,yesterday,,Code

            """
        let file = try folder.write("discounts.csv", text)
        let summary = try shop.importDiscounts(from: file)
        XCTAssertEqual(summary.promotionsCreated, 2)
        XCTAssertEqual(summary.rejected, 1)
        XCTAssertTrue(summary.notes.contains { $0.line == 2 && $0.reason.contains("minimum purchase requirement 20") })
        XCTAssertEqual(try shop.texts("SELECT name || ':' || kind || ':' || coalesce(amount_minor, percent_bp) || ':' || paused FROM promotion ORDER BY id"),
                       ["Custom Fail Tag 10,000 Discount:fixed_amount:7500:1", "WELCOME10:percentage:1000:0"])
        XCTAssertEqual(try shop.text("SELECT starts_at FROM promotion WHERE name = 'WELCOME10'"), "2024-01-01T00:00:00Z")
        XCTAssertEqual(try shop.texts("SELECT code FROM promotion_code ORDER BY id"), ["Custom Fail Tag 10,000 Discount", "WELCOME10"])
        XCTAssertEqual(try shop.integer("SELECT per_customer_limit FROM promotion WHERE name = 'WELCOME10'"), 1)

        let again = try shop.importDiscounts(from: file)
        XCTAssertEqual(again.promotionsUnchanged, 2)
        XCTAssertFalse(again.changedAnything)
    }
}
