import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// Real exports written by Shopify and WooCommerce, quirks included. They are not part of the
/// repository: the tests look for them in `shared/fixtures` beside the repository's folder and
/// skip with a message when it is not there.
final class RealExportConformanceTests: XCTestCase {
    private var folder: ImportFolder!

    override func setUpWithError() throws {
        folder = try ImportFolder()
    }

    /// The repository root is three levels above this file (Tests/ShopStoreTests/…).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures")

    /// A copy in the test's folder, so the rejects file never lands beside the shared original.
    func fixture(_ path: String) throws -> URL {
        let source = Self.fixtures.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw XCTSkip("real export files not found at \(Self.fixtures.path) (they are not part of the repository)")
        }
        let copy = folder.file(source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: copy)
        return copy
    }

    func testShopifyPartnerApparelFile2018Layout() throws {
        let shop = try makeInMemoryShop()
        let summary = try shop.importProducts(from: try fixture("shopify/partners-apparel.csv"))
        XCTAssertEqual(summary.productsCreated, 20)
        XCTAssertEqual(summary.variantsCreated, 22)
        XCTAssertEqual(summary.rejected, 0)
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM variant v JOIN product p ON p.id = v.product_id WHERE handle = 'classic-varsity-top'"), 3)
        XCTAssertEqual(try shop.integer("SELECT price_minor FROM variant v JOIN product p ON p.id = v.product_id WHERE handle = 'ocean-blue-shirt'"), 5000)
        XCTAssertEqual(try shop.text("SELECT title FROM product WHERE handle = 'dark-winter-jacket'"), "Soft Winter Jacket")
        XCTAssertTrue(try shop.text("SELECT body_html FROM product WHERE handle = 'yellow-wool-jumper'")?.contains("\u{00A0}") ?? false,
                      "the NBSP in the body is kept")
        XCTAssertEqual(try shop.integer("SELECT sum(on_hand) FROM stock_level"), 22)
    }

    func testShopifyPartnerHomeAndGardenFile2019LayoutWithCompareAtPrices() throws {
        let shop = try makeInMemoryShop()
        let summary = try shop.importProducts(from: try fixture("shopify/partners-home-and-garden.csv"))
        XCTAssertEqual(summary.productsCreated, 20)
        XCTAssertEqual(summary.variantsCreated, 21)
        XCTAssertEqual(summary.rejected, 0)
        XCTAssertEqual(try shop.integer("SELECT price_minor FROM variant WHERE option1 = 'Large'"), 1599)
        XCTAssertEqual(try shop.integer("SELECT compare_at_minor FROM variant v JOIN product p ON p.id = v.product_id WHERE handle = 'copper-light'"), 7500)
        XCTAssertEqual(try shop.integer("SELECT sum(on_hand) FROM stock_level"), 65)
    }

    func testShopifyStoreExportWith56ColumnsImageRowsAndInventoryMatchedByOptions() throws {
        let shop = try makeInMemoryShop()
        let products = try fixture("shopify/store-products_export.csv")
        let summary = try shop.importProducts(from: products)
        XCTAssertEqual(summary.productsCreated, 27)
        XCTAssertEqual(summary.variantsCreated, 95)
        XCTAssertEqual(summary.rejected, 0)
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM variant v JOIN product p ON p.id = v.product_id WHERE handle = 'otti-combat-boot'"), 21)
        XCTAssertEqual(try shop.integer("SELECT DISTINCT price_minor FROM variant v JOIN product p ON p.id = v.product_id WHERE handle = 'otti-combat-boot'"), 59500)
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM product_image i JOIN product p ON p.id = i.product_id WHERE handle = 'puff-large'"), 11)
        XCTAssertEqual(try shop.text("SELECT title FROM product WHERE handle = 'womens-gym-t-shirt-1'"), "Women's Gym T-Shirt")
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM product WHERE status = 'active'"), 27)
        XCTAssertEqual(try shop.integer("SELECT sum(on_hand) FROM stock_level"), 43)
        XCTAssertFalse(try shop.importProducts(from: products).changedAnything, "a re-import changes nothing")

        let inventory = try shop.importInventory(from: try fixture("shopify/store-inventory_export.csv"))
        XCTAssertEqual(inventory.stockCounted, 67)
        XCTAssertEqual(inventory.rejected, 0)
        XCTAssertEqual(inventory.locationsCreated, ["shop-location (Shop location)"])
        XCTAssertEqual(try shop.integer("""
            SELECT sum(l.on_hand) FROM stock_level l JOIN location o ON o.id = l.location_id WHERE o.code = 'shop-location'
            """), 7021)
        XCTAssertEqual(try shop.integer("""
            SELECT l.on_hand FROM stock_level l JOIN location o ON o.id = l.location_id JOIN variant v ON v.id = l.variant_id
            JOIN product p ON p.id = v.product_id WHERE o.code = 'shop-location' AND p.handle = 'puff-large' AND v.option1 = 'Latte'
            """), 103)

        let exported = folder.file("export.csv")
        try shop.export(.products, to: exported)
        XCTAssertFalse(try shop.importProducts(from: exported).changedAnything, "an export imports back unchanged")
    }

    func testShopifyDiscountExportWithNegativeAmountsCommasInNamesAndOffsets() throws {
        let shop = try makeInMemoryShop()
        let summary = try shop.importDiscounts(from: try fixture("shopify/discounts_export.csv"))
        XCTAssertEqual(summary.promotionsCreated, 6)
        XCTAssertEqual(summary.rejected, 0)
        XCTAssertEqual(try shop.texts("SELECT amount_minor FROM promotion ORDER BY id"), ["7500", "7000", "6000", "5500", "5000", "3500"])
        XCTAssertEqual(try shop.text("SELECT name FROM promotion ORDER BY id LIMIT 1"), "Custom Fail Tag 10,000 Discount")
        XCTAssertEqual(try shop.texts("SELECT DISTINCT starts_at FROM promotion"), ["2023-12-28T21:45:15Z"])
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM promotion WHERE paused = 1"), 6,
                       "scope and minimum are not in the file: paused until completed")
        XCTAssertTrue(summary.notes.contains { $0.line == 2 && $0.reason.contains("minimum purchase requirement 20") })
    }

    func testWooCommerceSampleProductsWithVariationsUnitsAndCategories() throws {
        let shop = try makeInMemoryShop()
        let file = try fixture("woocommerce/sample_products.csv")
        let summary = try shop.importProducts(from: file)
        XCTAssertEqual(summary.productsCreated, 17)
        XCTAssertEqual(summary.variantsCreated, 22)
        XCTAssertEqual(summary.rejected, 1, "the grouped product")
        XCTAssertTrue(try String(contentsOf: URL(fileURLWithPath: file.path + ".rejects.csv"), encoding: .utf8).contains("\r\n24,"))
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM variant v JOIN product p ON p.id = v.product_id WHERE handle = 'woo-hoodie'"), 4)
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM variant v JOIN product p ON p.id = v.product_id WHERE handle = 'woo-vneck-tee'"), 3)
        XCTAssertEqual(try shop.integer("SELECT price_minor FROM variant WHERE sku = 'woo-hoodie-red'"), 4200)
        XCTAssertEqual(try shop.integer("SELECT compare_at_minor FROM variant WHERE sku = 'woo-hoodie-red'"), 4500)
        XCTAssertEqual(try shop.integer("SELECT grams FROM variant WHERE sku = 'woo-hoodie-red'"), 680, "1.5 lbs from the parent")
        XCTAssertEqual(try shop.integer("SELECT price_minor FROM variant WHERE sku = 'wp-pennant'"), 1105)
        XCTAssertEqual(try shop.text("SELECT c.name FROM product p JOIN category c ON c.id = p.category_id WHERE handle = 'woo-vneck-tee'"),
                       "Clothing > Tshirts")
        XCTAssertFalse(try shop.importProducts(from: file).changedAnything)
    }
}
