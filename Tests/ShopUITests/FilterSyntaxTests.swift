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

/// One character of free text, or a key still without its value, would match most of a large
/// list: the filter waits for the next key and the screen says so.
final class DeferredFilterTests: XCTestCase {
    func testOneCharacterInALargeListWaitsForTheNextAndSaysSo() {
        let shop = Fixtures.demoShop()
        let console = Console(shop: shop)
        console.press(.character("/"), .character("m"))
        XCTAssertEqual(console.state.table.filter, "", "nothing is run yet")
        XCTAssertTrue(console.screen.statusLine.contains("/m▏"), console.screen.statusLine)
        XCTAssertTrue(console.screen.statusLine.contains("one character matches too much"), console.screen.statusLine)
        console.press(.character("u"))
        XCTAssertEqual(console.state.table.filter, "mu")
        XCTAssertNil(console.state.filterDraft)
    }

    func testEnterRunsTheWaitingFilterAndEscDropsIt() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("/"), .character("m"), .enter)
        XCTAssertEqual(console.state.table.filter, "m", "Enter means exactly this")
        console.press(.character("/"), .control("w"), .character("b"), .escape)
        XCTAssertEqual(console.state.table.filter, "")
        XCTAssertNil(console.state.filterDraft)
    }

    func testAKeyWithoutItsValueWaitsForTheValue() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("4"), .character("/"))
        console.type("stock:")
        XCTAssertEqual(console.state.table.filter, "stock", "the last filter that ran was the word")
        XCTAssertEqual(console.state.filterDraft, "stock:")
        XCTAssertTrue(console.screen.statusLine.contains("type the value of stock"), console.screen.statusLine)
        console.type("out")
        XCTAssertEqual(console.state.table.filter, "stock:out")
    }

    func testSmallListsFilterFromTheFirstCharacter() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("5"), .character("/"), .character("m"))
        XCTAssertEqual(console.state.table.filter, "m", "complaints and promotions are small enough")
    }
}
