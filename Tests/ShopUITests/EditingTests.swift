import ShopKit
import ShopUI
import XCTest

/// Editing a price in place in Pricing, as a person sees it at 80x24 (100 columns where every
/// editable column must show): the field in the row, the status line, the questions, undo.
/// The demo rows: MUG-BLUE-L €18.00 (cost €7.00, compare-at €22.00), MUG-SPECK-S, TRAY-BIRCH;
/// the shop's margin floor is 30%, so the lowest price on a €7.00 cost is €10.00.
final class EditingTests: XCTestCase {
    private let blueMug: Int64 = 11

    /// The screen line of the row showing `sku` ("" and a failure when it is not on screen).
    private func rowLine(_ console: Console, _ sku: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let grid = console.screen
        guard let y = grid.row(containing: sku) else {
            XCTFail("\(sku) is not on screen:\n\(grid.text)", file: file, line: line)
            return ""
        }
        return grid.line(y)
    }

    private func statusIsError(_ console: Console) -> Bool {
        let grid = console.screen
        return grid[1, grid.height - 1].style == console.theme.style(.statusError)
    }

    // MARK: - Open, save, cancel

    func testEOpensAnEditorInPlaceOnThePriceOfTheSelectedRowHoldingItsValue() throws {
        let console = Console.pricing()
        console.press(.character("e"))

        XCTAssertEqual(console.editorText, "18.00")
        XCTAssertTrue(console.screen.statusLine.hasPrefix(" Editing price"), console.screen.statusLine)
        let row = rowLine(console, "MUG-BLUE-L")
        XCTAssertTrue(row.contains("18.00"), row)
        XCTAssertFalse(row.contains("€18.00"), "the field replaces the formatted cell: \(row)")
        let grid = console.screen
        let y = try XCTUnwrap(grid.row(containing: "MUG-BLUE-L"))
        let priceHeader = try XCTUnwrap(grid.column(of: "Price", inRow: 1))
        let field = try XCTUnwrap(grid.column(of: "18.00", inRow: y))
        XCTAssertLessThanOrEqual(abs(field - priceHeader), 10, "the field sits in the Price column:\n\(grid.text)")
        XCTAssertEqual(rowLine(console, "MUG-SPECK-S").contains("€5.00"), true, "other rows are untouched")
    }

    func testTypedPriceIsSavedThroughTheWriterOnEnterAndTheRowShowsIt() throws {
        let shop = Fixtures.demoShop()
        let console = Console.pricing(shop)
        console.editSelected(typing: "19.50")
        XCTAssertTrue(rowLine(console, "MUG-BLUE-L").contains("19.50"), "the typed text shows in the row")

        console.press(.enter)

        let sent = try XCTUnwrap(shop.writeLog.performed.last?.variantEdit)
        XCTAssertEqual(sent.id, blueMug)
        XCTAssertEqual(sent.version, 1)
        XCTAssertEqual(sent.changes, [.price: "19.50"])
        XCTAssertEqual(shop.price(blueMug)?.price, Fixtures.euros(1950))
        XCTAssertTrue(console.isBrowsing)
        XCTAssertTrue(rowLine(console, "MUG-BLUE-L").contains("€19.50"), rowLine(console, "MUG-BLUE-L"))
        let status = console.screen.statusLine
        XCTAssertTrue(status.contains("saved"), status)
        XCTAssertTrue(status.contains("u undoes"), status)
        XCTAssertFalse(statusIsError(console))
    }

    func testEscCancelsTheEditSaysNotSavedAndWritesNothing() throws {
        let shop = Fixtures.demoShop()
        let console = Console.pricing(shop)
        console.editSelected(typing: "19.50")

        console.press(.escape)

        XCTAssertTrue(console.isBrowsing)
        XCTAssertTrue(console.screen.statusLine.contains("not saved"), console.screen.statusLine)
        XCTAssertTrue(shop.writeLog.performed.isEmpty, "the writer was never asked")
        XCTAssertEqual(shop.price(blueMug)?.price, Fixtures.euros(1800))
        XCTAssertTrue(rowLine(console, "MUG-BLUE-L").contains("€18.00"))
    }

    // MARK: - Refusals

    func testARefusedValueKeepsTheEditorOpenWithTheTypedTextAndShowsWhyAsAnError() throws {
        for (typed, reason) in [("12.345", "decimals"), ("-3", "negative"), ("abc", "not an amount")] {
            let shop = Fixtures.demoShop()
            let console = Console.pricing(shop)
            console.editSelected(typing: typed)

            console.press(.enter)

            XCTAssertEqual(console.editorText, typed, "the editor stays open with what was typed")
            XCTAssertTrue(rowLine(console, "MUG-BLUE-L").contains(typed), rowLine(console, "MUG-BLUE-L"))
            XCTAssertTrue(console.screen.statusLine.contains(reason), "\(typed): \(console.screen.statusLine)")
            XCTAssertTrue(statusIsError(console), typed)
            XCTAssertTrue(shop.writeLog.batches.isEmpty, typed)
            XCTAssertEqual(shop.price(blueMug)?.price, Fixtures.euros(1800), typed)

            // The same field takes a correction.
            console.press(.control("u"))
            console.type("19.00")
            console.press(.enter)
            XCTAssertEqual(shop.price(blueMug)?.price, Fixtures.euros(1900), typed)
        }
    }

    func testAStaleEditShowsTheCurrentValueKeepsTheTypedTextAndASecondEnterSavesOverIt() throws {
        let shop = Fixtures.demoShop()
        let console = Console.pricing(shop)
        console.editSelected(typing: "19.50")
        shop.changePriceElsewhere(id: blueMug, to: Fixtures.euros(1850))

        console.press(.enter)

        XCTAssertEqual(console.editorText, "19.50", "nothing typed is lost")
        let status = console.screen.statusLine
        XCTAssertTrue(status.contains("changed meanwhile"), status)
        XCTAssertTrue(status.contains("18.50"), "the message shows the current value: \(status)")
        XCTAssertTrue(statusIsError(console))
        XCTAssertTrue(shop.writeLog.batches.isEmpty)
        XCTAssertEqual(shop.price(blueMug)?.price, Fixtures.euros(1850))

        console.press(.enter)

        XCTAssertTrue(console.isBrowsing)
        XCTAssertEqual(shop.price(blueMug)?.price, Fixtures.euros(1950))
        XCTAssertEqual(shop.writeLog.performed.last?.variantEdit?.version, 2, "saved against the version just read")
        XCTAssertTrue(rowLine(console, "MUG-BLUE-L").contains("€19.50"))
    }

    func testEscAfterAConflictKeepsTheOtherValue() throws {
        let shop = Fixtures.demoShop()
        let console = Console.pricing(shop)
        console.editSelected(typing: "19.50")
        shop.changePriceElsewhere(id: blueMug, to: Fixtures.euros(1850))
        console.press(.enter)

        console.press(.escape)

        XCTAssertTrue(console.isBrowsing)
        XCTAssertEqual(shop.price(blueMug)?.price, Fixtures.euros(1850))
        XCTAssertTrue(rowLine(console, "MUG-BLUE-L").contains("€18.50"), "the row shows the newer value")
    }

    // MARK: - Margin floor

    func testAPriceUnderTheFloorAsksFirstAndEveryAnswerButYesLeavesThePriceAlone() throws {
        for (name, answer) in [("n", Key.character("n")), ("Esc", .escape), ("Enter", .enter)] {
            let shop = Fixtures.demoShop()
            let console = Console.pricing(shop)
            console.editSelected(typing: "9.00")
            console.press(.enter)

            XCTAssertTrue(console.isConfirming, name)
            let question = console.screen.flowingText
            XCTAssertTrue(question.contains("Confirm"), question)
            XCTAssertTrue(question.contains("below the margin floor"), question)
            XCTAssertTrue(question.contains("€10.00"), "the lowest allowed price is named: \(question)")
            XCTAssertTrue(question.contains("n, Enter or Esc no"), question)
            XCTAssertTrue(shop.writeLog.batches.isEmpty, name)

            console.press(answer)

            XCTAssertTrue(console.isBrowsing, name)
            XCTAssertFalse(console.screen.text.contains("below the margin floor"), "\(name) closes the question")
            XCTAssertTrue(console.screen.statusLine.contains("nothing was changed"), "\(name): \(console.screen.statusLine)")
            XCTAssertTrue(shop.writeLog.batches.isEmpty, name)
            XCTAssertEqual(shop.price(blueMug)?.price, Fixtures.euros(1800), name)
            XCTAssertTrue(rowLine(console, "MUG-BLUE-L").contains("€18.00"), name)
        }
    }

    func testYesSavesThePriceUnderTheFloorWithTheOverride() throws {
        let shop = Fixtures.demoShop()
        let console = Console.pricing(shop)
        console.editSelected(typing: "9.00")
        console.press(.enter)

        console.press(.character("y"))

        let bulk = try XCTUnwrap(shop.writeLog.performed.last?.bulkEdits)
        XCTAssertTrue(bulk.override)
        XCTAssertEqual(bulk.edits, [VariantEdit(id: blueMug, expectedVersion: 1, changes: [.price: "9.00"])])
        XCTAssertEqual(shop.writeLog.batches.count, 1)
        XCTAssertEqual(shop.writeLog.batches.first?.overrodeFloor, true)
        XCTAssertEqual(shop.price(blueMug)?.price, Fixtures.euros(900))
        XCTAssertTrue(console.isBrowsing)
        let row = rowLine(console, "MUG-BLUE-L")
        XCTAssertTrue(row.contains("€9.00"), row)
        XCTAssertTrue(row.contains("~ 22.2%"), "the margin is flagged under the floor: \(row)")
        XCTAssertTrue(console.screen.statusLine.contains("saved"), console.screen.statusLine)
    }

    // MARK: - Choosing the column

    func testArrowsAndHLChooseTheEditableColumnAndItsHeaderIsHighlighted() throws {
        let console = Console.pricing(width: 100)
        let theme = console.theme
        func highlighted() throws -> [String] {
            let grid = console.screen
            return try ["Price", "Compare", "Cost", "SKU", "Margin"].filter { title in
                let x = try XCTUnwrap(grid.column(of: title, inRow: 1), "no \(title) header:\n\(grid.text)")
                return grid[x, 1].style == theme.style(.tabActive)
            }
        }
        XCTAssertEqual(try highlighted(), [], "no column is chosen at first")

        console.press(.right)
        XCTAssertEqual(try highlighted(), ["Price"])
        console.press(.character("l"))
        XCTAssertEqual(try highlighted(), ["Compare"])
        console.press(.character("h"))
        XCTAssertEqual(try highlighted(), ["Price"])
        console.press(.left)
        XCTAssertEqual(try highlighted(), [], "moving past the first editable column leaves column choice")
        console.press(.left)
        XCTAssertEqual(try highlighted(), ["Cost"], "← from no choice starts at the last editable column")

        console.press(.enter)

        XCTAssertEqual(console.editorText, "7.00")
        XCTAssertTrue(console.screen.statusLine.hasPrefix(" Editing cost"), console.screen.statusLine)
        let row = rowLine(console, "MUG-BLUE-L")
        XCTAssertFalse(row.contains("€7.00"), "the cost cell holds the field: \(row)")
        XCTAssertTrue(row.contains("€18.00"), "the price stays as it is: \(row)")
    }

    func testEnterEditsTheChosenColumnAndWithNoColumnChosenOpensTheDetail() throws {
        let console = Console.pricing()
        console.press(.right)
        console.press(.enter)
        XCTAssertEqual(console.editorText, "18.00")
        XCTAssertTrue(console.screen.statusLine.hasPrefix(" Editing price"), console.screen.statusLine)
        console.press(.escape)

        console.press(.right, .right, .right) // past the last editable column: no choice
        console.press(.enter)

        guard case .detail = console.state.mode else { return XCTFail("Enter did not open the detail: \(console.state.mode)") }
        XCTAssertNil(console.editorText)
        XCTAssertTrue(console.screen.text.contains("Blue Enamel Mug"), console.screen.text)
    }

    func testEWithoutAChosenColumnLeavesEnterOpeningTheDetail() {
        let console = Console.pricing()
        console.press(.character("e"), .escape)

        console.press(.enter)

        guard case .detail = console.state.mode else { return XCTFail("Enter did not open the detail: \(console.state.mode)") }
    }

    func testEditingAColumnTooNarrowAScreenLeavesOutStillShowsTheTypedText() throws {
        // At 80 columns Pricing leaves out the Compare column; its field must still be visible.
        let shop = Fixtures.demoShop()
        let console = Console.pricing(shop)
        XCTAssertNil(console.screen.column(of: "Compare", inRow: 1), "this test needs Compare off screen")
        console.press(.right, .right, .enter, .control("u"))
        console.type("24.50")

        let grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("compare-at price"), grid.statusLine)
        XCTAssertTrue(grid.text.contains("24.50"), "the typed text is nowhere on screen:\n\(grid.text)")

        console.press(.enter)
        XCTAssertEqual(shop.price(blueMug)?.compareAtPrice, Fixtures.euros(2450))
    }

    // MARK: - Keys inside the field

    func testQAndQuestionMarkAreTypedIntoTheFieldAndCtrlCStillQuits() throws {
        let console = Console.pricing()
        console.press(.character("e"), .control("u"))
        console.type("1q?u b*j")

        XCTAssertEqual(console.editorText, "1q?u b*j")
        XCTAssertFalse(console.state.shouldQuit)
        XCTAssertFalse(console.screen.text.contains("show or hide this help"), "help did not open")
        XCTAssertTrue(rowLine(console, "MUG-BLUE-L").contains("1q?u"), rowLine(console, "MUG-BLUE-L"))

        console.press(.control("c"))
        XCTAssertTrue(console.state.shouldQuit)
    }

    // MARK: - Undo and read-only

    func testUAfterAnEditSendsTheUndoOfItsBatchAndTheOldPriceIsBack() throws {
        let shop = Fixtures.demoShop()
        let console = Console.pricing(shop)
        console.editSelected(typing: "19.50")
        console.press(.enter)
        let saved = try XCTUnwrap(shop.writeLog.batches.first)

        console.press(.character("u"))

        XCTAssertEqual(shop.writeLog.performed.last?.undoneBatch, saved.id)
        XCTAssertEqual(shop.price(blueMug)?.price, Fixtures.euros(1800))
        XCTAssertTrue(rowLine(console, "MUG-BLUE-L").contains("€18.00"))
        XCTAssertTrue(console.screen.statusLine.contains("undone"), console.screen.statusLine)

        let asked = shop.writeLog.performed.count
        console.press(.character("u"))
        XCTAssertTrue(console.screen.statusLine.contains("nothing to undo"), console.screen.statusLine)
        XCTAssertEqual(shop.writeLog.performed.count, asked, "an undone change is not undone twice")
    }

    func testUWithNothingDoneSaysThereIsNothingToUndo() {
        let shop = Fixtures.demoShop()
        let console = Console.pricing(shop)
        console.press(.character("u"))
        XCTAssertTrue(console.screen.statusLine.contains("nothing to undo"), console.screen.statusLine)
        XCTAssertTrue(shop.writeLog.performed.isEmpty)
    }

    func testUndoOfAnEditSomeoneChangedSinceSaysSoAndKeepsTheirValue() throws {
        let shop = Fixtures.demoShop()
        let console = Console.pricing(shop)
        console.editSelected(typing: "19.50")
        console.press(.enter)
        shop.changePriceElsewhere(id: blueMug, to: Fixtures.euros(2000))

        console.press(.character("u"))

        let status = console.screen.statusLine
        XCTAssertTrue(status.contains("cannot undo"), status)
        XCTAssertTrue(status.contains("someone changed it since"), status)
        XCTAssertTrue(statusIsError(console))
        XCTAssertEqual(shop.price(blueMug)?.price, Fixtures.euros(2000))
        XCTAssertTrue(rowLine(console, "MUG-BLUE-L").contains("€20.00"))
    }

    func testAConsoleWithoutAWriterRefusesToEditAndSaysTheDatabaseIsReadOnly() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("2"))

        console.press(.character("e"))
        XCTAssertTrue(console.isBrowsing)
        XCTAssertTrue(console.screen.statusLine.contains("read-only"), console.screen.statusLine)

        console.press(.right, .enter)
        XCTAssertNil(console.editorText)
        XCTAssertTrue(console.screen.statusLine.contains("read-only"), console.screen.statusLine)

        console.press(.character("b"))
        XCTAssertNil(console.bulkPromptText)
        XCTAssertTrue(console.screen.statusLine.contains("read-only"), console.screen.statusLine)
    }

    func testAReadOnlyFileRefusesEditsEvenWithAWriter() {
        let shop = Fixtures.demoShop()
        let console = Console(shop: shop, writer: shop, isReadOnly: true)
        console.press(.character("2"), .character("e"))
        XCTAssertNil(console.editorText)
        XCTAssertTrue(console.screen.statusLine.contains("read-only"), console.screen.statusLine)
        XCTAssertTrue(shop.writeLog.performed.isEmpty)
    }
}
