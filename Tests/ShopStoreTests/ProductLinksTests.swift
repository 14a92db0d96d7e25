import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// Tags and channel listings edited with the product form: one version check, one audit batch,
/// undone like any other field.
final class ProductLinksTests: XCTestCase {
    private var shop: ShopDatabase!

    override func setUpWithError() throws {
        shop = try makeInMemoryShop()
        try shop.rawExecute("""
            INSERT INTO channel(id, code, name) VALUES (1, 'web', 'Web shop'), (2, 'amazon', 'Amazon');
            INSERT INTO product(id, handle, title, tags_text, created_at, updated_at) VALUES (1, 'mug', 'Mug', 'kitchen', 'x', 'x');
            INSERT INTO tag(id, name) VALUES (1, 'kitchen');
            INSERT INTO product_tag(product_id, tag_id) VALUES (1, 1);
            INSERT INTO product_listing(product_id, channel_id, state) VALUES (1, 1, 'listed');
            """)
    }

    func testTagsChannelsAndATitleAreSavedAsOneAuditedChangeWithOneVersionBump() throws {
        let result = try shop.perform(.editProduct(
            id: 1, expectedVersion: 1, changes: [.title: "Enamel Mug"], tags: ["kitchen", "Camping", "camping"],
            listedChannels: ["amazon"]))
        XCTAssertEqual(result.newVersion, 2)
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM audit_batch"), 1)
        XCTAssertEqual(try shop.texts("SELECT field FROM audit_log ORDER BY field"), ["channels", "tags", "title"])
        XCTAssertEqual(try shop.text("SELECT new_value FROM audit_log WHERE field = 'tags'"), "kitchen, Camping",
                       "tags are deduplicated ignoring case")
        XCTAssertEqual(try shop.text("SELECT old_value || ' -> ' || new_value FROM audit_log WHERE field = 'channels'"), "web -> amazon")
        XCTAssertEqual(try shop.texts("SELECT c.code FROM product_listing pl JOIN channel c ON c.id = pl.channel_id WHERE state = 'listed'"),
                       ["amazon"])
        XCTAssertEqual(try shop.productPage(PageRequest(.after(nil), filter: "camping", limit: 5)).map(\.id), [1],
                       "the search finds the product by its new tag")
    }

    func testAnUnknownChannelIsRefusedNamingTheKnownOnesAndNothingIsWritten() throws {
        do {
            try shop.perform(.editProduct(id: 1, expectedVersion: 1, changes: [.title: "X"], tags: nil, listedChannels: ["ebay"]))
            XCTFail("an unknown channel was accepted")
        } catch {
            guard case .invalid(let validation) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(validation.field, "channels")
            XCTAssertTrue(validation.description.contains("web, amazon"), validation.description)
        }
        XCTAssertEqual(try shop.text("SELECT title FROM product WHERE id = 1"), "Mug")
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM audit_log"), 0)
    }

    func testTagsOnlyEditIsVersionCheckedAndBumpsTheVersion() throws {
        XCTAssertThrowsError(try shop.perform(.editProduct(id: 1, expectedVersion: 7, changes: [:], tags: ["x"], listedChannels: nil)))
        let result = try shop.perform(.editProduct(id: 1, expectedVersion: 1, changes: [:], tags: ["x"], listedChannels: nil))
        XCTAssertEqual(result.newVersion, 2)
        XCTAssertEqual(try shop.integer("SELECT version FROM product WHERE id = 1"), 2)
    }

    func testUndoPutsBackTagsAndChannelsUnlessTheyChangedSince() throws {
        let first = try shop.perform(.editProduct(id: 1, expectedVersion: 1, changes: [:], tags: ["sale"], listedChannels: ["web", "amazon"]))
        try shop.perform(.undo(batchID: first.batchID))
        XCTAssertEqual(try shop.text("SELECT tags_text FROM product WHERE id = 1"), "kitchen")
        XCTAssertEqual(try shop.texts("SELECT c.code FROM product_listing pl JOIN channel c ON c.id = pl.channel_id WHERE state = 'listed'"),
                       ["web"])

        let second = try shop.perform(.editProduct(id: 1, expectedVersion: 3, changes: [:], tags: ["sale"], listedChannels: nil))
        try shop.perform(.editProduct(id: 1, expectedVersion: 4, changes: [:], tags: ["other"], listedChannels: nil))
        XCTAssertThrowsError(try shop.perform(.undo(batchID: second.batchID))) { error in
            guard case WriteError.conflict = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try shop.text("SELECT tags_text FROM product WHERE id = 1"), "other")
    }

    func testANewVariantIsAddedAfterTheOthersAuditedAndNotUndoneByDeletion() throws {
        let result = try shop.perform(.createVariant(productID: 1, options: "XL / Blue", fields: [.sku: "MUG-XL", .price: "24.00", .cost: "9.00"]))
        let id = try XCTUnwrap(result.createdID)
        XCTAssertEqual(try shop.text("SELECT option1 || '|' || option2 || '|' || price_minor || '|' || status FROM variant WHERE id = \(id)"),
                       "XL|Blue|2400|active")
        XCTAssertEqual(try shop.texts("SELECT field FROM audit_log ORDER BY field"), ["cost", "option1", "option2", "price", "sku"])
        XCTAssertThrowsError(try shop.perform(.undo(batchID: result.batchID))) { error in
            guard case WriteError.invalid(let validation) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(validation.description.contains("archive"), validation.description)
        }
        try shop.perform(.updateVariant(id: id, expectedVersion: 1, changes: [.status: "archived"]))
        XCTAssertEqual(try shop.text("SELECT status FROM variant WHERE id = \(id)"), "archived")
        XCTAssertTrue(try shop.pricePage(PageRequest(.after(nil), limit: 5)).contains { $0.optionSummary == "XL / Blue (archived)" })
    }

    func testANewVariantWithoutAPriceOrWithFourOptionsIsRefused() {
        XCTAssertThrowsError(try shop.perform(.createVariant(productID: 1, options: "XL", fields: [.sku: "A"])))
        XCTAssertThrowsError(try shop.perform(.createVariant(productID: 1, options: "a / b / c / d", fields: [.price: "1"])))
        XCTAssertThrowsError(try shop.perform(.createVariant(productID: 99, options: "", fields: [.price: "1"])))
    }

    func testTheProductDetailListsImageReferencesInPositionOrder() throws {
        try shop.rawExecute("""
            INSERT INTO product_image(product_id, src, position) VALUES (1, 'https://img.example/b.jpg', 2),
              (1, 'https://img.example/a.jpg', 1);
            """)
        let detail = try XCTUnwrap(try shop.productDetail(id: 1))
        XCTAssertEqual(detail.images, ["https://img.example/a.jpg", "https://img.example/b.jpg"])
        XCTAssertEqual(detail.imageCount, 2)
    }
}
