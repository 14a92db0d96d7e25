import ShopKit
@testable import ShopUI
import XCTest

/// What Enter on a product shows beyond its fields.
final class ProductDetailTests: XCTestCase {
    func testEachVariantShowsItsBarcodeAndWeightAndTheContentHealthIsListed() {
        let console = Console(shop: Fixtures.demoShop(), width: 100, height: 50)
        console.press(.enter)
        let text = console.screen.text
        XCTAssertTrue(text.contains("barcode — · 0 g"), "a variant without a barcode says so:\n\(text)")
        XCTAssertTrue(text.contains("Content health"), text)
    }
}
