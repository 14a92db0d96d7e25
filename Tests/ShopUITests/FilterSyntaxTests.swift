import ShopKit
@testable import ShopUI
import XCTest

/// `key:value` terms in the `/` filter: a value the key cannot take is explained, not ignored.
final class FilterSyntaxTests: XCTestCase {
    func testAStatusTheCatalogDoesNotKnowIsExplainedOnTheStatusLineWhileTyping() {
        let console = Console(shop: FakeShop())
        console.press(.character("/"))
        console.type("status:sold")
        XCTAssertTrue(console.screen.statusLine.contains("status is draft, active or archived"), console.screen.statusLine)
        XCTAssertTrue(console.screen.statusLine.contains("/status:sold"), "the typed filter stays visible: \(console.screen.statusLine)")
    }

    func testAValidKeyOrPlainTextShowsNoProblem() {
        let console = Console(shop: FakeShop())
        console.press(.character("/"))
        console.type("status:active mug")
        XCTAssertFalse(console.screen.statusLine.contains("status is"), console.screen.statusLine)
        XCTAssertTrue(console.screen.statusLine.contains("Enter keep"), console.screen.statusLine)
    }
}

/// `s` cycles a pane's sort orders.
final class SortOrderTests: XCTestCase {
    func testSInPricingSortsByMarginAndSaysSoAndAgainReturnsToSKU() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("2"), .character("s"))
        XCTAssertTrue(console.screen.statusLine.contains("sorted by margin, lowest first"), console.screen.statusLine)
        XCTAssertEqual(console.state.table.order, "margin")
        console.press(.character("j"))
        XCTAssertTrue(console.screen.statusLine.contains("by margin"), console.screen.statusLine)
        console.press(.character("s"))
        XCTAssertEqual(console.state.table.order, "")
    }

    func testSInAPaneWithOneOrderSaysSo() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("3"), .character("s"))
        XCTAssertTrue(console.screen.statusLine.contains("one order only"), console.screen.statusLine)
    }
}
