import ShopKit
@testable import ShopUI
import XCTest

/// Planning stock from the Stock pane: views, reorder settings, the reorder list and its CSV,
/// and a delivery for many SKUs received from typed `SKU qty` lines.
final class StockPlanningTests: XCTestCase {
    private func stockConsole(
        _ writer: ProductFormTests.RecordingWriter = ProductFormTests.RecordingWriter(), shop: FakeShop = Fixtures.demoShop()
    ) -> Console {
        let console = Console(shop: shop, writer: writer)
        console.press(.character("4"))
        return console
    }

    func testCapitalVStepsThroughTheStockViewsKeepingTheRestOfTheFilter() {
        let console = stockConsole()
        console.press(.character("/"))
        console.type("mug")
        console.press(.enter)
        console.press(.character("V"))
        XCTAssertEqual(console.state.table.filter, "stock:out mug")
        XCTAssertTrue(console.screen.statusLine.contains("view: out of stock"), console.screen.statusLine)
        for expected in ["stock:low mug", "stock:over mug", "stock:oversold mug", "mug"] {
            console.press(.character("V"))
            XCTAssertEqual(console.state.table.filter, expected)
        }
    }

    func testCapitalVOutsideStockAndComplaintsSaysWhereTheViewsAre() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("V"))
        XCTAssertTrue(console.screen.statusLine.contains("views are in Stock (4) and Complaints (5)"), console.screen.statusLine)
    }

    func testCapitalSOpensTheReorderSettingsAndSavesThemAgainstTheVersionShown() {
        let writer = ProductFormTests.RecordingWriter()
        let console = stockConsole(writer)
        console.press(.character("S"))
        let text = console.screen.text
        XCTAssertTrue(text.contains("Reorder settings MUG-BLUE-L"), text)
        XCTAssertTrue(text.contains("sells 2.0/day"), "the form shows the pace to set the point by: \(text)")
        console.press(.control("u"))
        console.type("20")
        console.press(.control("s"))
        guard case .setReorderSettings(let variant, let settings) = writer.commands.first else {
            return XCTFail("\(writer.commands)")
        }
        XCTAssertEqual(variant, 11)
        XCTAssertEqual(settings, ReorderSettings(reorderPoint: 20, reorderQuantity: 24, leadTimeDays: 7, version: 1))
    }

    func testANegativeOrFractionalReorderPointIsRefusedUnderItsFieldAndNothingIsSent() {
        let writer = ProductFormTests.RecordingWriter()
        let console = stockConsole(writer)
        console.press(.character("S"))
        console.press(.control("u"))
        console.type("2.5")
        console.press(.control("s"))
        XCTAssertTrue(console.screen.text.contains("is not a whole number of 0 or more"), console.screen.text)
        XCTAssertTrue(writer.commands.isEmpty)
    }

    func testSettingsChangedMeanwhileKeepTheTypedValuesAndSayWhatTheyAreNow() {
        let writer = ProductFormTests.RecordingWriter()
        writer.answer = .conflict(entity: "stock_setting", id: 11, currentVersion: 3, current: ["reorder_point": "15"])
        let console = stockConsole(writer)
        console.press(.character("S"))
        console.press(.control("u"))
        console.type("20")
        console.press(.control("s"))
        XCTAssertTrue(console.screen.statusLine.contains("someone changed these settings meanwhile"), console.screen.statusLine)
        guard case .form(let form) = console.state.mode else { return XCTFail("the form stays open") }
        XCTAssertEqual(form.purpose, .reorderSettings(variantID: 11, version: 3))
        XCTAssertEqual(form.fields[0].editor.text, "20")
    }

    func testCapitalRListsWhatToOrderByVendorWithTheQuantityAndCost() {
        let console = stockConsole()
        console.press(.character("R"))
        let text = console.screen.text
        XCTAssertTrue(text.contains("Reorder list"), text)
        XCTAssertTrue(text.contains("Speckled"), "the vendor heading: \(text)")
        // Reorder point 5, 0 available, 0.3/day over a 10-day lead time (3 units): 8 needed, the usual order is 12.
        XCTAssertTrue(text.contains("order 12 · avail 0 · 0.3/day · cover 0d · lead 10d · €45.60"), text)
        XCTAssertFalse(text.contains("MUG-BLUE-L"), "45 available cover the lead time: \(text)")
    }

    func testWOnTheReorderListWritesTheCSVToTheTypedFileAndSaysHowManyLines() {
        let shop = Fixtures.demoShop()
        let console = stockConsole(shop: shop)
        console.press(.character("R"), .character("w"))
        XCTAssertTrue(console.screen.statusLine.contains("Write CSV to: reorder-2026-"), console.screen.statusLine)
        console.press(.control("u"))
        console.type("po.csv")
        console.press(.enter)
        XCTAssertEqual(shop.exportedReorderPaths, ["po.csv"])
        XCTAssertTrue(console.screen.statusLine.contains("wrote 1 line to po.csv"), console.screen.statusLine)
        guard case .detail = console.state.mode else { return XCTFail("back on the report") }
    }

    func testAnExportThatCannotBeWrittenSaysWhyAndKeepsTheTypedName() {
        let shop = Fixtures.demoShop()
        let console = stockConsole(shop: shop)
        console.press(.character("R"), .character("w"), .control("u"))
        console.type("/nonexistent/po.csv")
        console.press(.enter)
        XCTAssertTrue(console.screen.statusLine.contains("no such folder"), console.screen.statusLine)
        guard case .exportPrompt(let editor, _) = console.state.mode else { return XCTFail("\(console.state.mode)") }
        XCTAssertEqual(editor.text, "/nonexistent/po.csv")
        console.press(.escape)
        guard case .detail = console.state.mode else { return XCTFail("Esc returns to the report") }
    }

    func testBOnMarkedSKUsReceivesTypedQuantitiesAfterAPreviewInOneCommand() {
        let writer = ProductFormTests.RecordingWriter()
        let console = stockConsole(writer)
        console.press(.character(" "), .character(" "))
        console.press(.character("b"))
        guard case .form(let form) = console.state.mode else { return XCTFail("\(console.state.mode)") }
        XCTAssertEqual(form.fields[2].editor.text, "MUG-BLUE-L \nMUG-SPECK-S ", "the marked SKUs are the first lines")
        console.press(.tab)
        console.type("PO-9")
        console.press(.tab, .enter) // the lines open in the built-in editor
        console.press(.end)
        console.type("5")
        console.press(.down, .end)
        console.type("3")
        console.press(.control("s"), .control("s"))
        let preview = console.screen.text
        XCTAssertTrue(preview.contains("Receive at WH · PO-9 — 2 SKUs"), preview)
        XCTAssertTrue(preview.contains("8 units in 2 SKUs"), preview)
        XCTAssertTrue(writer.commands.isEmpty, "nothing is written before y")
        console.press(.character("y"))
        guard case .receiveBatch(let location, let items, let reference) = writer.commands.first else {
            return XCTFail("\(writer.commands)")
        }
        XCTAssertEqual(location, 1)
        XCTAssertEqual(reference, "PO-9")
        XCTAssertEqual(items, [ReceiptItem(variantID: 11, quantity: 5), ReceiptItem(variantID: 12, quantity: 3)])
        XCTAssertTrue(console.screen.statusLine.contains("received 8 units of 2 SKUs at WH"), console.screen.statusLine)
        XCTAssertEqual(console.state.marks[.stock], [], "the marks are done with")
    }

    func testUnknownSKUsAndUnreadableLinesAreListedInThePreviewAndNothingIsBooked() {
        let writer = ProductFormTests.RecordingWriter()
        let console = stockConsole(writer)
        console.press(.character("b"))
        console.press(.tab, .tab, .enter)
        console.press(.end)
        console.type("2")
        console.press(.enter)
        console.type("NOPE-1 4")
        console.press(.enter)
        console.type("MUG-BLUE-L two")
        console.press(.control("s"), .control("s"))
        let preview = console.screen.text
        XCTAssertTrue(preview.contains("line 3: quantity \"two\" is not a whole number"), preview)
        XCTAssertTrue(preview.contains("line 2: there is no SKU \"NOPE-1\""), preview)
        XCTAssertTrue(preview.contains("2 line(s) cannot be received"), preview)
        console.press(.character("y"))
        XCTAssertTrue(writer.commands.isEmpty)
        console.press(.character("n"))
        guard case .form = console.state.mode else { return XCTFail("n goes back to the lines") }
    }
}
