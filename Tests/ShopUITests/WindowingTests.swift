import ShopKit
import ShopUI
import XCTest

/// A list of 10,000 products read through a window: every row reachable, memory flat, jumps cheap.
final class WindowingTests: XCTestCase {
    private static let total = 10_000

    private func bigConsole(width: Int = 80, height: Int = 24) -> Console {
        Console(shop: FakeShop(products: Fixtures.numberedProducts(Self.total)), width: width, height: height)
    }

    /// The product numbers on the table rows, top to bottom, read from the screen.
    private func visibleNumbers(_ grid: CellGrid) -> [Int] {
        grid.tableLines.compactMap { line in
            guard let range = line.range(of: "Product ") else { return nil }
            return Int(line[range.upperBound...].prefix(5))
        }
    }

    /// A few screens: the window keeps two pages above the view and three below.
    private func assertWindowIsBounded(_ console: Console, file: StaticString = #filePath, line: UInt = #line) {
        let limit = 6 * console.state.tableHeight
        XCTAssertLessThanOrEqual(console.state.table.rows.count, limit, "window holds too many rows", file: file, line: line)
    }

    func testTheCountArrivesBeforeTheFirstScreenIsDrawn() {
        let grid = bigConsole().screen
        XCTAssertTrue(grid.statusLine.contains("row 1 of 10,000 products"), grid.statusLine)
    }

    func testPagingDownToTheEndAndBackUpVisitsEveryRowOnceInOrder() {
        let console = bigConsole()
        var downward: [Int] = []
        for _ in 0..<1_000 {
            let numbers = visibleNumbers(console.screen)
            XCTAssertEqual(numbers.count, 21)
            XCTAssertEqual(numbers, Array(numbers[0]..<(numbers[0] + numbers.count)), "a page is a run of rows")
            let last = downward.last ?? 0
            XCTAssertLessThanOrEqual(numbers[0], last + 1, "page down skipped rows after \(last)")
            downward += numbers.filter { $0 > last }
            assertWindowIsBounded(console)
            if console.screen.statusLine.contains("row 10,000 of 10,000") { break }
            console.press(.pageDown)
        }
        XCTAssertEqual(downward, Array(1...Self.total))

        var upward: [Int] = []
        for _ in 0..<1_000 {
            let numbers = visibleNumbers(console.screen)
            XCTAssertEqual(numbers, Array(numbers[0]..<(numbers[0] + numbers.count)), "a page is a run of rows")
            let first = upward.last ?? Self.total + 1
            XCTAssertGreaterThanOrEqual(numbers.last!, first - 1, "page up skipped rows before \(first)")
            upward += numbers.reversed().filter { $0 < first }
            assertWindowIsBounded(console)
            if console.screen.statusLine.contains("row 1 of 10,000") { break }
            console.press(.pageUp)
        }
        XCTAssertEqual(upward, Array((1...Self.total).reversed()))
    }

    func testMovingRowByRowSelectsEveryProductOnceInOrderBothWays() {
        let console = bigConsole(width: 40, height: 12)
        var down: [Int64] = [console.state.table.selectedRow!.id]
        for _ in 1..<Self.total {
            console.press(.character("j"))
            down.append(console.state.table.selectedRow!.id)
            assertWindowIsBounded(console)
        }
        XCTAssertEqual(down, Array(1...Int64(Self.total)))
        console.press(.character("j"))
        XCTAssertEqual(console.state.table.selectedRow?.id, Int64(Self.total), "j on the last row stays there")

        var up: [Int64] = [console.state.table.selectedRow!.id]
        for _ in 1..<Self.total {
            console.press(.character("k"))
            up.append(console.state.table.selectedRow!.id)
            assertWindowIsBounded(console)
        }
        XCTAssertEqual(up, Array((1...Int64(Self.total)).reversed()))
        XCTAssertTrue(console.screen.statusLine.contains("row 1 of 10,000"), console.screen.statusLine)
    }

    func testCapitalGJumpsToTheLastRowWithoutReadingTheWholeList() {
        let console = bigConsole()
        console.shop.resetReadCounters()
        console.press(.character("G"))
        let grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("row 10,000 of 10,000 products"), grid.statusLine)
        XCTAssertTrue(grid.selectedLine!.contains("Product 10000"), grid.text)
        XCTAssertEqual(grid.selectedY, 22)
        XCTAssertEqual(visibleNumbers(grid), Array(9_980...10_000))
        XCTAssertLessThan(console.shop.rowsFetched, 200, "G read \(console.shop.rowsFetched) rows")
        assertWindowIsBounded(console)
    }

    func testCapitalGThenKShowsTheSecondToLastRow() {
        let console = bigConsole()
        console.press(.character("G"), .character("k"))
        let grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("row 9,999 of 10,000 products"), grid.statusLine)
        XCTAssertTrue(grid.selectedLine!.contains("Product 09999"), grid.text)
        XCTAssertTrue(grid.line(22).contains("Product 10000"), grid.text)
    }

    func testLowercaseGAfterCapitalGReturnsToTheFirstRowWithoutReadingTheWholeList() {
        let console = bigConsole()
        console.press(.character("G"))
        console.shop.resetReadCounters()
        console.press(.character("g"))
        let grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("row 1 of 10,000 products"), grid.statusLine)
        XCTAssertEqual(visibleNumbers(grid), Array(1...21))
        XCTAssertLessThan(console.shop.rowsFetched, 200, "g read \(console.shop.rowsFetched) rows")
        console.press(.character("j"))
        XCTAssertTrue(console.screen.selectedLine!.contains("Product 00002"), "the window still moves on from the top")
        assertWindowIsBounded(console)
    }

    func testPagingUpFromTheLastRowReadsBackwardsFromTheEnd() {
        let console = bigConsole()
        console.press(.character("G"), .pageUp, .pageUp)
        let grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("row 9,958 of 10,000"), grid.statusLine)
        XCTAssertEqual(visibleNumbers(grid), Array(9_938...9_958))
        for request in console.shop.pageRequests {
            if case .before(nil) = request.direction { continue }
            XCTAssertLessThanOrEqual(request.limit, 200, "no read walks the list: \(request)")
        }
    }

    func testFilteringAndClearingOnABigListStartsFromTheTopWithTheRightCount() {
        let console = bigConsole()
        console.press(.character("G"), .character("/"))
        console.type("product 09")
        var grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("row 1 of 1,000 products"), grid.statusLine)
        XCTAssertTrue(grid.line(2).contains("Product 09000"), grid.text)
        console.press(.escape)
        grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("row 1 of 10,000 products"), grid.statusLine)
        XCTAssertTrue(grid.line(2).contains("Product 00001"), grid.text)
    }

    func testThePageRequestsFollowTheKeysetContract() {
        let shop = FakeShop(products: Fixtures.numberedProducts(50))
        let keyOf: (Int) -> SortKey = { shop.products[$0 - 1].sortKey }
        let ids: ([ProductListItem]) -> [Int64] = { $0.map(\.id) }
        XCTAssertEqual(ids(try shop.productPage(PageRequest(.after(nil), limit: 3))), [1, 2, 3])
        XCTAssertEqual(ids(try shop.productPage(PageRequest(.after(keyOf(3)), limit: 3))), [4, 5, 6])
        XCTAssertEqual(ids(try shop.productPage(PageRequest(.before(keyOf(10)), limit: 3))), [7, 8, 9])
        XCTAssertEqual(ids(try shop.productPage(PageRequest(.before(nil), limit: 3))), [48, 49, 50])
        XCTAssertEqual(ids(try shop.productPage(PageRequest(.before(keyOf(2)), limit: 3))), [1])
        XCTAssertEqual(ids(try shop.productPage(PageRequest(.after(keyOf(50)), limit: 3))), [])
        XCTAssertEqual(ids(try shop.productPage(PageRequest(.after(nil), filter: "PRODUCT 0004", limit: 5))),
                       [40, 41, 42, 43, 44])
        XCTAssertEqual(ids(try shop.productPage(PageRequest(.before(keyOf(43)), filter: "product 0004", limit: 5))),
                       [40, 41, 42])
        XCTAssertEqual(try shop.productCount(filter: "product 0004"), 10)
    }
}
