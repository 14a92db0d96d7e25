import ShopKit
import ShopUI
import XCTest

/// Marking rows and changing many prices at once in Pricing: the prompt, the preview, one write
/// on `y`, and `u` to take it back — as a person sees it at 80x24.
/// The bulk rows: BOWL-ASH €20.00, BOWL-OAK €30.00, MUG-ENAMEL €12.00, TRAY-TEAK €45.00, all
/// with margins well above the shop's 30% floor.
final class MarksAndBulkPriceTests: XCTestCase {
    private func bulkShop() -> FakeShop { FakeShop(prices: Fixtures.bulkPrices) }

    private func currentPrices(_ shop: FakeShop) -> [Int64] { shop.prices.map(\.price.minorUnits) }

    /// Marks the first three rows and opens the preview of `+10% .99`.
    private func previewOnThreeMarked(_ shop: FakeShop) -> Console {
        let console = Console.pricing(shop)
        console.press(.character(" "), times: 3)
        console.press(.character("b"))
        console.type("+10% .99")
        console.press(.enter)
        return console
    }

    // MARK: - Marks

    func testSpaceMarksTheRowWithAStarSaysHowManyAreMarkedAndMovesDown() throws {
        let console = Console.pricing()
        console.press(.character(" "))

        let grid = console.screen
        let blue = try XCTUnwrap(grid.row(containing: "MUG-BLUE-L"))
        XCTAssertTrue(grid.isMarked(blue), grid.line(blue))
        XCTAssertEqual(grid.markedRowCount, 1)
        XCTAssertTrue(grid.statusLine.contains("1 marked"), grid.statusLine)
        XCTAssertTrue(grid.selectedLine?.contains("MUG-SPECK-S") == true, "the selection moved down: \(grid.text)")

        console.press(.character(" "))
        XCTAssertTrue(console.screen.statusLine.contains("2 marked"), console.screen.statusLine)

        console.press(.character("g"), .character(" "))
        XCTAssertTrue(console.screen.statusLine.contains("1 marked"), "Space on a marked row unmarks it")
        XCTAssertFalse(console.screen.isMarked(blue))
    }

    func testStarMarksAllRowsAndStarAgainClearsTheMarks() {
        let console = Console.pricing()
        console.press(.character("*"))
        XCTAssertEqual(console.screen.markedRowCount, 3)
        XCTAssertTrue(console.screen.statusLine.contains("all marked"), console.screen.statusLine)

        console.press(.character("*"))
        XCTAssertEqual(console.screen.markedRowCount, 0)
        XCTAssertFalse(console.screen.statusLine.contains("marked"), console.screen.statusLine)
    }

    // MARK: - The prompt

    func testBulkPromptNamesWhatTheChangeWillApplyTo() {
        let marked = Console.pricing(bulkShop())
        marked.press(.character(" "), times: 3)
        marked.press(.character("b"))
        XCTAssertEqual(marked.bulkPromptText, "")
        XCTAssertTrue(marked.screen.statusLine.hasPrefix(" Bulk price for 3 marked:"), marked.screen.statusLine)

        let filtered = Console.pricing(bulkShop())
        filtered.press(.character("/"))
        filtered.type("bowl")
        filtered.press(.enter, .character("b"))
        XCTAssertTrue(filtered.screen.statusLine.hasPrefix(" Bulk price for the filter:"), filtered.screen.statusLine)

        let everything = Console.pricing(bulkShop())
        everything.press(.character("b"))
        XCTAssertTrue(everything.screen.statusLine.hasPrefix(" Bulk price for all variants:"), everything.screen.statusLine)

        let allMarked = Console.pricing(bulkShop())
        allMarked.press(.character("*"), .character("b"))
        XCTAssertTrue(allMarked.screen.statusLine.hasPrefix(" Bulk price for all variants:"), allMarked.screen.statusLine)
    }

    func testTypedRuleShowsInThePromptAndKeysLikeQAreTyped() {
        let console = Console.pricing(bulkShop())
        console.press(.character("b"))
        console.type("+10% .99 q")
        XCTAssertEqual(console.bulkPromptText, "+10% .99 q")
        XCTAssertFalse(console.state.shouldQuit)
        XCTAssertTrue(console.screen.statusLine.contains("+10% .99 q"), console.screen.statusLine)
    }

    func testBOutsidePricingAndStockSaysWhereBulkChangesAreMade() {
        let shop = Fixtures.demoShop()
        let console = Console(shop: shop, writer: shop)
        console.press(.character("b"))
        XCTAssertNil(console.bulkPromptText)
        XCTAssertTrue(console.screen.statusLine.contains("bulk changes are made in Pricing (2) and Stock (4)"), console.screen.statusLine)
    }

    func testABadRuleShowsAnErrorAndKeepsThePromptWithTheTypedRule() {
        let shop = bulkShop()
        let console = Console.pricing(shop)
        console.press(.character("b"))
        console.type("150%")
        console.press(.enter)

        XCTAssertEqual(console.bulkPromptText, "150%")
        XCTAssertTrue(console.screen.statusLine.contains("no + or − sign"), console.screen.statusLine)
        XCTAssertEqual(console.screen[1, 23].style, console.theme.style(.statusError))
        console.press(.end)
        XCTAssertTrue(console.screen.statusLine.hasPrefix(" Bulk price for all variants: 150%"), console.screen.statusLine)

        console.press(.control("u"))
        console.type("+10% .98")
        console.press(.enter)

        XCTAssertEqual(console.bulkPromptText, "+10% .98")
        XCTAssertTrue(console.screen.statusLine.contains(".98 is not an ending"), console.screen.statusLine)
        XCTAssertEqual(console.screen[1, 23].style, console.theme.style(.statusError))
        XCTAssertFalse(console.isPreviewing)
        XCTAssertTrue(shop.writeLog.performed.isEmpty)
    }

    func testEscClosesThePromptWithoutWriting() {
        let shop = bulkShop()
        let console = Console.pricing(shop)
        console.press(.character("b"))
        console.type("+10%")
        console.press(.escape)
        XCTAssertTrue(console.isBrowsing)
        XCTAssertTrue(shop.writeLog.performed.isEmpty)
    }

    // MARK: - The preview

    func testRuleShowsAPreviewOfEveryMarkedVariantOldToNewWithTheTotalsAndAsksToApply() throws {
        let shop = bulkShop()
        let console = previewOnThreeMarked(shop)

        XCTAssertTrue(console.isPreviewing)
        let grid = console.screen
        XCTAssertTrue(grid.text.contains("Bulk price +10% .99"), grid.text)
        for (sku, old, new) in [("BOWL-ASH", "€20.00", "€21.99"), ("BOWL-OAK", "€30.00", "€32.99"), ("MUG-ENAMEL", "€12.00", "€13.99")] {
            let y = try XCTUnwrap(grid.row(containing: sku), "\(sku) is not in the preview:\n\(grid.text)")
            let line = grid.line(y)
            let oldAt = try XCTUnwrap(line.range(of: old), "\(sku) lacks \(old): \(line)")
            let newAt = try XCTUnwrap(line.range(of: new), "\(sku) lacks \(new): \(line)")
            XCTAssertLessThan(oldAt.lowerBound, newAt.lowerBound, "old before new: \(line)")
        }
        XCTAssertNil(grid.row(containing: "TRAY-TEAK"), "an unmarked variant is not in the preview")
        XCTAssertTrue(grid.text.contains("total +€6.97"), grid.text)
        XCTAssertTrue(grid.text.contains("Apply? y"), grid.text)
        XCTAssertTrue(shop.writeLog.performed.isEmpty, "nothing is written before y")
    }

    func testNOrEscCancelsThePreviewAndWritesNothing() {
        for key in [Key.character("n"), .escape] {
            let shop = bulkShop()
            let console = previewOnThreeMarked(shop)

            console.press(key)

            XCTAssertTrue(console.isBrowsing, key.label)
            XCTAssertTrue(console.screen.statusLine.contains("nothing was changed"), console.screen.statusLine)
            XCTAssertTrue(shop.writeLog.performed.isEmpty, key.label)
            XCTAssertEqual(currentPrices(shop), [2000, 3000, 1200, 4500], key.label)
        }
    }

    func testYWritesOneBulkCommandWithTheNewPricesAndClearsTheMarks() throws {
        let shop = bulkShop()
        let console = previewOnThreeMarked(shop)

        console.press(.character("y"))

        XCTAssertEqual(shop.writeLog.performed.count, 1, "one command for the whole change")
        let bulk = try XCTUnwrap(shop.writeLog.performed.first?.bulkEdits)
        XCTAssertFalse(bulk.override)
        XCTAssertEqual(Set(bulk.edits), [
            VariantEdit(id: 21, expectedVersion: 1, changes: [.price: "21.99"]),
            VariantEdit(id: 22, expectedVersion: 1, changes: [.price: "32.99"]),
            VariantEdit(id: 23, expectedVersion: 1, changes: [.price: "13.99"]),
        ])
        XCTAssertEqual(shop.writeLog.batches.count, 1)
        XCTAssertEqual(currentPrices(shop), [2199, 3299, 1399, 4500])
        XCTAssertTrue(console.isBrowsing)
        let grid = console.screen
        for (sku, price) in [("BOWL-ASH", "€21.99"), ("BOWL-OAK", "€32.99"), ("MUG-ENAMEL", "€13.99"), ("TRAY-TEAK", "€45.00")] {
            let y = try XCTUnwrap(grid.row(containing: sku))
            XCTAssertTrue(grid.line(y).contains(price), grid.line(y))
        }
        XCTAssertEqual(grid.markedRowCount, 0, "the marks are cleared:\n\(grid.text)")
        XCTAssertTrue(grid.statusLine.contains("saved"), grid.statusLine)
        XCTAssertTrue(grid.statusLine.contains("u undoes"), grid.statusLine)
        console.press(.character("k"))
        XCTAssertFalse(console.screen.statusLine.contains("marked"), console.screen.statusLine)
    }

    func testUAfterABulkChangeSendsTheUndoOfItsBatchAndTheOldPricesAreBack() throws {
        let shop = bulkShop()
        let console = previewOnThreeMarked(shop)
        console.press(.character("y"))
        let bulkBatch = try XCTUnwrap(shop.writeLog.batches.first)

        console.press(.character("u"))

        XCTAssertEqual(shop.writeLog.performed.last?.undoneBatch, bulkBatch.id)
        XCTAssertEqual(currentPrices(shop), [2000, 3000, 1200, 4500])
        let grid = console.screen
        for (sku, price) in [("BOWL-ASH", "€20.00"), ("BOWL-OAK", "€30.00"), ("MUG-ENAMEL", "€12.00")] {
            let y = try XCTUnwrap(grid.row(containing: sku))
            XCTAssertTrue(grid.line(y).contains(price), grid.line(y))
        }
        XCTAssertTrue(grid.statusLine.contains("undone"), grid.statusLine)
    }

    func testBulkChangeAfterSomeoneChangedAMarkedVariantWritesNothingAndSaysSo() {
        let shop = bulkShop()
        let console = previewOnThreeMarked(shop)
        shop.changePriceElsewhere(id: 22, to: Fixtures.euros(3100))

        console.press(.character("y"))

        XCTAssertTrue(shop.writeLog.batches.isEmpty)
        XCTAssertEqual(currentPrices(shop), [2000, 3100, 1200, 4500])
        XCTAssertTrue(console.screen.statusLine.contains("changed by someone else"), console.screen.statusLine)
        XCTAssertEqual(console.screen[1, 23].style, console.theme.style(.statusError))
        XCTAssertEqual(console.screen.markedRowCount, 3, "the marks stay for another try")
    }

    func testBulkChangeTakingAPriceBelowCostIsFlaggedAndSavedOnlyWithAYesToTheOverride() throws {
        // MUG-SPECK-S sells at €5.00 on a €9.00 cost; +10% .99 makes it €5.99, still below cost.
        let shop = Fixtures.demoShop()
        let console = Console.pricing(shop)
        console.press(.character(" "), times: 2)
        console.press(.character("b"))
        console.type("+10% .99")
        console.press(.enter)

        let preview = console.screen
        let speck = try XCTUnwrap(preview.row(containing: "MUG-SPECK-S"))
        XCTAssertTrue(preview.line(speck).contains("below cost"), preview.line(speck))
        XCTAssertTrue(preview.text.contains("1 below the floor"), preview.text)

        console.press(.character("y"))

        XCTAssertTrue(console.isConfirming, "the write path refused without the override: \(console.state.mode)")
        XCTAssertTrue(console.screen.flowingText.contains("MUG-SPECK-S"), console.screen.text)
        XCTAssertTrue(shop.writeLog.batches.isEmpty)

        console.press(.character("y"))

        let bulk = try XCTUnwrap(shop.writeLog.performed.last?.bulkEdits)
        XCTAssertTrue(bulk.override)
        XCTAssertEqual(bulk.edits.count, 2)
        XCTAssertEqual(shop.price(11)?.price, Fixtures.euros(1999))
        XCTAssertEqual(shop.price(12)?.price, Fixtures.euros(599))
        XCTAssertEqual(shop.writeLog.batches.count, 1, "both prices in one change")
    }
}
