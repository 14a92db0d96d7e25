import ShopKit
@testable import ShopUI
import XCTest

/// Receive, adjust, transfer and count from the Stock pane: entered as deltas or counts.
final class StockFormTests: XCTestCase {
    private func console(_ writer: ProductFormTests.RecordingWriter) -> Console {
        let console = Console(shop: Fixtures.demoShop(), writer: writer)
        console.press(.character("4"))
        return console
    }

    func testReceiveSendsAReceiptMovementAtTheChosenLocationWithItsReference() {
        let writer = ProductFormTests.RecordingWriter()
        let console = console(writer)
        console.press(.character("r"))
        XCTAssertTrue(console.screen.text.contains("Receive"), console.screen.text)
        console.press(.tab)
        console.type("12")
        console.press(.tab)
        console.type("PO-7")
        console.press(.control("s"))
        guard case .recordMovement(_, let location, let reason, let quantity, let reference) = writer.commands.first else {
            return XCTFail("\(writer.commands)")
        }
        XCTAssertEqual(location, 1)
        XCTAssertEqual(reason, .receipt)
        XCTAssertEqual(quantity, 12)
        XCTAssertEqual(reference, "PO-7")
    }

    func testAQuantityThatIsNotAWholeNumberAndAnUnknownLocationAreRefusedUnderTheirFields() {
        let writer = ProductFormTests.RecordingWriter()
        let console = console(writer)
        console.press(.character("r"))
        console.press(.tab)
        console.type("1.5")
        console.press(.control("s"))
        XCTAssertTrue(console.screen.text.contains("is not a whole number"), console.screen.text)
        console.press(.control("u"))
        console.type("2")
        console.press(.backTab, .control("u"))
        console.type("XYZ")
        console.press(.control("s"))
        XCTAssertTrue(console.screen.text.contains("there is no location \"XYZ\""), console.screen.text)
        XCTAssertTrue(writer.commands.isEmpty)
    }

    func testATransferOfMoreThanIsThereAsksAndYesMovesItAnyway() {
        let writer = ProductFormTests.RecordingWriter()
        writer.answer = .invalid(ValidationError(field: "quantity", message: "only 3 on hand at the source, 5 asked"))
        let console = console(writer)
        console.press(.character("T"))
        XCTAssertTrue(console.screen.text.contains("SHOP"), "the destination defaults to the second location")
        console.press(.tab, .tab)
        console.type("5")
        console.press(.control("s"))
        XCTAssertTrue(console.screen.text.contains("only 3 on hand"), console.screen.text)
        writer.answer = nil
        console.press(.character("y"))
        guard case .transferStock(_, _, _, 5, _, true) = writer.commands.last else { return XCTFail("\(writer.commands)") }
    }

    func testStockActionsOutsideTheStockPaneSaySoAndCountSendsAStocktake() {
        let writer = ProductFormTests.RecordingWriter()
        let console = Console(shop: Fixtures.demoShop(), writer: writer)
        console.press(.character("r"))
        XCTAssertTrue(console.screen.statusLine.contains("press 4"), console.screen.statusLine)
        console.press(.character("4"), .character("C"), .tab)
        console.type("0")
        console.press(.control("s"))
        guard case .stocktake(_, _, 0, _) = writer.commands.first else { return XCTFail("\(writer.commands)") }
    }
}

/// `L` in Stock: the level of the selected SKU on a typed day.
final class LevelOnDateTests: XCTestCase {
    func testLAsksForADateAndABadDateIsExplainedWhileEscapeSaysNothing() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("4"), .character("L"))
        XCTAssertTrue(console.screen.statusLine.contains("Stock on the date"), console.screen.statusLine)
        console.press(.control("u"))
        console.type("yesterday")
        console.press(.enter)
        XCTAssertTrue(console.screen.statusLine.contains("is not a date"), console.screen.statusLine)
        console.press(.escape)
        XCTAssertEqual(console.state.mode, .browse)
        XCTAssertFalse(console.screen.statusLine.contains("not saved"), console.screen.statusLine)
    }

    func testLOutsideStockSaysWhereToGo() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("L"))
        XCTAssertTrue(console.screen.statusLine.contains("press 4"), console.screen.statusLine)
    }
}
