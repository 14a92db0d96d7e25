import ShopKit
import ShopUI
import XCTest

/// What a person sees at 80x24 and 40x12 while moving through the console with the keys.
final class ScreenTests: XCTestCase {
    private func console(width: Int = 80, height: Int = 24, shop: FakeShop = Fixtures.demoShop()) -> Console {
        Console(shop: shop, width: width, height: height)
    }

    // MARK: - Tab bar

    func testTabBarAt80ColumnsShowsBrandAndAllFivePanesButNotTheShopName() {
        let bar = console().screen.tabBar
        for label in ["shopdesk", "1 Catalog", "2 Pricing", "3 Promotions", "4 Stock", "5 Complaints"] {
            XCTAssertTrue(bar.contains(label), "\(label) missing from tab bar: \(bar)")
        }
        XCTAssertFalse(bar.contains("Harbour"), "the shop name belongs on the status line: \(bar)")
        XCTAssertTrue(bar.hasSuffix("5 Complaints"), bar)
    }

    func testTabBarAt40ColumnsStillShowsAllFivePaneNumbersInShortForm() {
        let grid = console(width: 40, height: 12).screen
        for label in ["1 Cata", "2 Pric", "3 Prom", "4 Stoc", "5 Comp"] {
            XCTAssertTrue(grid.tabBar.contains(label), "\(label) missing from tab bar: \(grid.tabBar)")
        }
        XCTAssertLessThanOrEqual(grid.tabBar.count, 40)
    }

    func testStatusLineShowsTheShopNameBeforeTheFileWhenItFitsAfterTheLeftPart() {
        let overview = ShopOverview(name: "Nordlicht Outfitters", currency: .eur, locations: [], marginFloorBasisPoints: 0)
        let shop = FakeShop(overview: overview, products: Fixtures.products)
        let wide = Console(shop: shop).screen
        XCTAssertTrue(wide.statusLine.hasPrefix(" Catalog · row 1 of 30 products"), wide.statusLine)
        XCTAssertTrue(wide.statusLine.hasSuffix("Nordlicht Outfitters · harbour.db · ? help"), wide.statusLine)
        XCTAssertFalse(wide.tabBar.contains("Nordlicht"), wide.tabBar)
        XCTAssertFalse(Console(shop: shop, width: 100).screen.tabBar.contains("Nordlicht"), "not in the tab bar at any width")
    }

    func testStatusLineLeavesOutAShopNameThatWouldRunIntoTheLeftPart() {
        let overview = ShopOverview(name: "Nordlicht Outfitters", currency: .eur, locations: [], marginFloorBasisPoints: 0)
        let line = Console(shop: FakeShop(overview: overview, products: Fixtures.products), width: 60, height: 12).screen.statusLine
        XCTAssertTrue(line.hasPrefix(" Catalog · row 1 of 30 products"), line)
        XCTAssertTrue(line.hasSuffix(" harbour.db · ? help"), line)
        XCTAssertFalse(line.contains("Nordlicht"), line)
    }

    func testTabBarHighlightsTheActivePane() throws {
        let console = console()
        console.press(.character("2"))
        let grid = console.screen
        let pricing = try XCTUnwrap(grid.column(of: "2 Pricing", inRow: 0))
        let catalog = try XCTUnwrap(grid.column(of: "1 Catalog", inRow: 0))
        XCTAssertEqual(grid[pricing, 0].style, console.theme.style(.tabActive))
        XCTAssertEqual(grid[catalog, 0].style, console.theme.style(.tabInactive))
    }

    // MARK: - Catalog table

    func testCatalogAt80x24ShowsEveryColumnHeaderAndTheFirstScreenOfProducts() {
        let grid = console().screen
        for title in ["Title", "Vendor", "Type", "Status", "Var", "Stock", "Channels"] {
            XCTAssertTrue(grid.line(1).contains(title), "header lacks \(title): \(grid.line(1))")
        }
        XCTAssertEqual(grid.tableLines.count, 21)
        XCTAssertTrue(grid.line(2).contains("Alder Chopping Board"))
        XCTAssertTrue(grid.line(2).contains("Fjord & Co"))
        XCTAssertTrue(grid.line(2).contains("active"))
        XCTAssertTrue(grid.line(2).contains("web pos"))
        XCTAssertTrue(grid.line(22).contains(Fixtures.productTitles[20]), grid.text)
        XCTAssertFalse(grid.text.contains(Fixtures.productTitles[21]), "row 22 drawn on a 21-row table")
    }

    func testCatalogAt40x12KeepsTitleStatusAndStockAndDropsLessImportantColumns() {
        let grid = console(width: 40, height: 12).screen
        for title in ["Title", "Status", "Stock"] { XCTAssertTrue(grid.line(1).contains(title), grid.line(1)) }
        for title in ["Vendor", "Type", "Channels"] { XCTAssertFalse(grid.line(1).contains(title), grid.line(1)) }
        XCTAssertEqual(grid.tableLines.count, 9)
        for (offset, line) in grid.tableLines.enumerated() {
            XCTAssertTrue(line.contains(Fixtures.productTitles[offset]), "row \(offset): \(line)")
        }
        XCTAssertTrue(grid.lines.allSatisfy { $0.count <= 40 })
    }

    func testStatusLineSaysRowOneOfAllProductsAtBothSizes() {
        let wide = console().screen.statusLine
        XCTAssertTrue(wide.contains("Catalog · row 1 of 30 products"), wide)
        XCTAssertTrue(wide.hasSuffix("Harbour · harbour.db · ? help"), wide)
        let narrow = console(width: 40, height: 12).screen.statusLine
        XCTAssertTrue(narrow.contains("row 1 of 30 products"), narrow)
    }

    func testFirstRowIsSelectedAtStart() {
        let grid = console().screen
        XCTAssertEqual(grid.selectedY, 2)
        XCTAssertEqual(grid[5, 2].style, Theme.monochrome.style(.selected))
    }

    func testJMovesTheSelectionToRowTwoAndKBack() {
        for (width, height) in [(80, 24), (40, 12)] {
            let console = console(width: width, height: height)
            console.press(.character("j"))
            var grid = console.screen
            XCTAssertTrue(grid.statusLine.contains("row 2 of 30 products"), grid.statusLine)
            XCTAssertEqual(grid.selectedY, 3)
            XCTAssertTrue(grid.selectedLine!.contains("Ash Salad Bowl"))
            console.press(.down)
            XCTAssertTrue(console.screen.statusLine.contains("row 3 of 30"))
            console.press(.character("k"), .up)
            grid = console.screen
            XCTAssertTrue(grid.statusLine.contains("row 1 of 30 products"), grid.statusLine)
            XCTAssertTrue(grid.selectedLine!.contains("Alder Chopping Board"))
        }
    }

    func testKOnTheFirstRowStaysOnTheFirstRow() {
        let console = console()
        console.press(.character("k"))
        XCTAssertTrue(console.screen.statusLine.contains("row 1 of 30 products"))
        XCTAssertEqual(console.screen.selectedY, 2)
    }

    func testCapitalGSelectsTheLastRowAndLowercaseGTheFirst() {
        for (width, height) in [(80, 24), (40, 12)] {
            let console = console(width: width, height: height)
            console.press(.character("G"))
            var grid = console.screen
            XCTAssertTrue(grid.statusLine.contains("row 30 of 30 products"), grid.statusLine)
            XCTAssertTrue(grid.selectedLine!.contains("Willow Picnic Basket"), grid.text)
            XCTAssertEqual(grid.selectedY, height - 2, "the last row sits at the bottom of the table")
            console.press(.character("g"))
            grid = console.screen
            XCTAssertTrue(grid.statusLine.contains("row 1 of 30 products"), grid.statusLine)
            XCTAssertEqual(grid.selectedY, 2)
            XCTAssertTrue(grid.line(2).contains("Alder Chopping Board"))
        }
    }

    func testEndAndHomeKeysDoWhatGAndgDo() {
        let console = console()
        console.press(.end)
        XCTAssertTrue(console.screen.statusLine.contains("row 30 of 30"))
        console.press(.home)
        XCTAssertTrue(console.screen.statusLine.contains("row 1 of 30"))
    }

    func testPageDownMovesOneScreenAndPageUpComesBack() {
        let console = console()
        console.press(.pageDown)
        var grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("row 22 of 30 products"), grid.statusLine)
        XCTAssertTrue(grid.selectedLine!.contains(Fixtures.productTitles[21]), grid.text)
        XCTAssertTrue(grid.line(22).contains("Willow Picnic Basket"), "the last page is filled to the bottom")
        console.press(.pageUp)
        grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("row 1 of 30 products"), grid.statusLine)
        XCTAssertTrue(grid.line(2).contains("Alder Chopping Board"))
    }

    func testPageDownAt40x12StepsNineRowsAtATimeAndStopsAtTheLast() {
        let console = console(width: 40, height: 12)
        var rows: [String] = []
        for _ in 0..<5 {
            console.press(.pageDown)
            rows.append(console.screen.statusLine)
        }
        XCTAssertTrue(rows[0].contains("row 10 of 30"), rows[0])
        XCTAssertTrue(rows[1].contains("row 19 of 30"), rows[1])
        XCTAssertTrue(rows[2].contains("row 28 of 30"), rows[2])
        XCTAssertTrue(rows[3].contains("row 30 of 30"), rows[3])
        XCTAssertTrue(rows[4].contains("row 30 of 30"), rows[4])
        console.press(.control("b"))
        XCTAssertTrue(console.screen.statusLine.contains("row 21 of 30"), console.screen.statusLine)
    }

    func testHalfPageKeysMoveHalfAScreen() {
        let console = console()
        console.press(.control("d"))
        XCTAssertTrue(console.screen.statusLine.contains("row 11 of 30"), console.screen.statusLine)
        console.press(.control("u"))
        XCTAssertTrue(console.screen.statusLine.contains("row 1 of 30"), console.screen.statusLine)
    }

    func testAnUnboundKeySaysSoOnTheStatusLine() {
        let console = console()
        console.press(.character("z"))
        XCTAssertTrue(console.screen.statusLine.contains("z does nothing here — ? shows the keys"), console.screen.statusLine)
        console.press(.character("j"))
        XCTAssertTrue(console.screen.statusLine.contains("row 2 of 30"), "the message goes away at the next key")
    }

    // MARK: - Panes

    func testDigitTwoSwitchesToPricingWithItsOwnColumnsAndNoun() {
        let console = console()
        console.press(.character("2"))
        let grid = console.screen
        for title in ["SKU", "Product", "Variant", "Price", "Cost", "Margin"] {
            XCTAssertTrue(grid.line(1).contains(title), grid.line(1))
        }
        XCTAssertFalse(grid.line(1).contains("Compare"), "at 80 columns the wider SKU column pushes out Compare: \(grid.line(1))")
        XCTAssertTrue(grid.statusLine.contains("Pricing · row 1 of 3 variants"), grid.statusLine)
        XCTAssertTrue(grid.line(2).contains("MUG-BLUE-L"))
        XCTAssertTrue(grid.line(2).contains("€18.00"))
        XCTAssertTrue(grid.line(2).contains("61.1%"))
        XCTAssertTrue(grid.line(3).contains("! -80.0%"), "a price below cost is flagged: \(grid.line(3))")
        XCTAssertTrue(grid.line(4).contains("—"), "a missing cost shows a dash: \(grid.line(4))")
        console.resize(width: 100, height: 24)
        let wide = console.screen
        for title in ["SKU", "Product", "Variant", "Price", "Compare", "Cost", "Margin"] {
            XCTAssertTrue(wide.line(1).contains(title), wide.line(1))
        }
        XCTAssertTrue(wide.line(2).contains("€22.00"), "the compare-at price: \(wide.line(2))")
    }

    func testTabWalksThroughEveryPaneInOrderAndWrapsAround() {
        let console = console()
        let expected = ["Pricing · row 1 of 3 variants", "Promotions · row 1 of 3 promotions", "Stock · row 1 of 2 SKUs",
                        "Complaints · row 1 of 3 complaints", "Catalog · row 1 of 30 products"]
        for status in expected {
            console.press(.tab)
            XCTAssertTrue(console.screen.statusLine.contains(status), console.screen.statusLine)
        }
    }

    func testShiftTabWalksBackwardsAndWrapsFromCatalogToComplaints() {
        let console = console()
        console.press(.backTab)
        XCTAssertEqual(console.state.active, .complaints)
        XCTAssertTrue(console.screen.statusLine.contains("Complaints ·"), console.screen.statusLine)
        console.press(.backTab)
        XCTAssertEqual(console.state.active, .stock)
        console.press(.tab, .tab)
        XCTAssertEqual(console.state.active, .catalog)
    }

    func testEachPaneKeepsItsOwnSelectionWhenSwitchingBack() {
        let console = console()
        console.press(.character("j"), .character("j"), .character("2"), .character("1"))
        XCTAssertTrue(console.screen.statusLine.contains("row 3 of 30 products"), console.screen.statusLine)
    }

    func testPromotionsShowTheirStateAtTheFixedClockAndTheirCodeWhenThereIsRoom() {
        let console = console(width: 100)
        console.press(.character("3"))
        let grid = console.screen
        XCTAssertTrue(grid.line(2).contains("Black Friday") && grid.line(2).contains("scheduled"), grid.line(2))
        XCTAssertTrue(grid.line(3).contains("Winter Sale") && grid.line(3).contains("active"), grid.line(3))
        XCTAssertTrue(grid.line(3).contains("WARM15") && grid.line(3).contains("15.0%"), grid.line(3))
        XCTAssertTrue(grid.line(4).contains("Spring Sale") && grid.line(4).contains("expired"), grid.line(4))
        XCTAssertTrue(grid.line(4).contains("(auto)"), grid.line(4))
    }

    func testAFreeShippingPromotionReadsShippingAndFreeAndFitsItsRowAt80Columns() {
        let promotion = Promotion(
            id: 9, name: "Free Postage", kind: .freeShipping, trigger: .code, code: "SHIPIT",
            startsAt: fixedNow.adding(days: -1), endsAt: fixedNow.adding(days: 5), usageLimit: 500, uses: 120)
        let item = PromotionListItem(
            sortKey: SortKey([.integer(-promotion.startsAt.secondsSince1970), .integer(-9)]), promotion: promotion)
        let console = Console(shop: FakeShop(promotions: [item]))
        console.press(.character("3"))
        let row = console.screen.line(2)
        XCTAssertTrue(row.contains("Free Postage     shipping"), "the kind follows the whole name: \(row)")
        XCTAssertFalse(row.contains("free shipping"), row)
        XCTAssertTrue(row.contains(" free whole shop "), "the value is free, for the whole shop: \(row)")
        XCTAssertTrue(row.contains("11-19→11-25"), "the schedule in short: \(row)")
        XCTAssertTrue(row.contains("active") && row.hasSuffix(" 120/500"), "uses out of the limit: \(row)")
        XCTAssertFalse(row.contains("…"), "nothing is cut short: \(row)")
    }

    func testStockShowsOneColumnPerLocationSalesPerDayCoverAndFlagsEmptyStock() {
        let console = console()
        console.press(.character("4"))
        let grid = console.screen
        for title in ["SKU", "Product", "WH", "SHOP", "OnHand", "Avail", "Reord", "/day", "Cover"] {
            XCTAssertTrue(grid.line(1).contains(title), grid.line(1))
        }
        XCTAssertTrue(grid.line(2).contains("MUG-BLUE-L"), grid.line(2))
        XCTAssertTrue(grid.line(2).contains("Blue Enamel"), grid.line(2))
        // 60 sold in 30 days is 2.0 a day; 45 available last 22 days.
        XCTAssertTrue(grid.line(2).hasSuffix("40      8      48     45    10   2.0   22d"), grid.line(2))
        XCTAssertTrue(grid.line(3).contains("!"), "no stock available is flagged: \(grid.line(3))")
    }

    func testAWideStockPaneAlsoShowsReservedAndTheValueAtCost() {
        let console = console(width: 130)
        console.press(.character("4"))
        let grid = console.screen
        XCTAssertTrue(grid.line(1).contains("Rsv") && grid.line(1).contains("Value"), grid.line(1))
        // 48 on hand at 4.50 cost.
        XCTAssertTrue(grid.line(2).hasSuffix("3     45    10   2.0   22d     216.00"), grid.line(2))
    }

    func testComplaintsShowDueTimesRelativeToTheFixedClock() {
        let console = console()
        console.press(.character("5"))
        let grid = console.screen
        XCTAssertTrue(grid.line(1).contains("Overdue 1") && grid.line(1).contains("All open 2"), "the queue bar counts: \(grid.line(1))")
        XCTAssertTrue(grid.line(3).contains("Mira Jensen") && grid.line(3).contains("over 2h"), grid.line(3))
        XCTAssertTrue(grid.line(3).hasPrefix("▌!"), "an overdue complaint is flagged: \(grid.line(3))")
        XCTAssertTrue(grid.line(4).contains("Tomas Berg") && grid.line(4).contains("in 3h"), grid.line(4))
        XCTAssertTrue(grid.line(4).hasPrefix(" ~"), "a complaint due soon is flagged: \(grid.line(4))")
        XCTAssertTrue(grid.line(5).contains("Ada Lind") && grid.line(5).contains("resolved"), grid.line(5))
    }

    func testComplaintsAt80ColumnsShowKindAndSubjectAndLeaveOutTheOpenedDate() {
        let console = console()
        console.press(.character("5"))
        var grid = console.screen
        XCTAssertFalse(grid.line(2).contains("Opened"), grid.line(2))
        XCTAssertFalse(grid.line(5).contains("2026-11-17"), grid.line(5))
        XCTAssertTrue(grid.line(2).contains("Kind") && grid.line(2).contains("Subject"), grid.line(2))
        XCTAssertTrue(grid.line(5).contains("damaged") && grid.line(5).contains("Wrong colour"), grid.line(5))
        console.resize(width: 100, height: 24)
        grid = console.screen
        XCTAssertTrue(grid.line(2).contains("Opened") && grid.line(2).contains("Owner"), grid.line(2))
        XCTAssertTrue(grid.line(5).contains("2026-11-17"), "opened date when there is room: \(grid.line(5))")
    }

    // MARK: - Filter

    func testSlashThenTypingFiltersTheListAndTheStatusLineShowsTheFilter() {
        let console = console()
        console.press(.character("/"))
        var grid = console.screen
        XCTAssertTrue(grid.statusLine.hasPrefix("/▏"), grid.statusLine)
        XCTAssertTrue(grid.statusLine.contains("Enter keep · Esc clear"), grid.statusLine)
        console.type("MUG")
        grid = console.screen
        XCTAssertTrue(grid.statusLine.hasPrefix("/MUG▏"), grid.statusLine)
        XCTAssertTrue(grid.statusLine.contains("row 1 of 2 products"), grid.statusLine)
        XCTAssertTrue(grid.line(2).contains("Blue Enamel Mug"))
        XCTAssertTrue(grid.line(3).contains("Speckled Mug"))
        XCTAssertEqual(grid.line(4), "")
        console.press(.enter)
        grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("Catalog · row 1 of 2 products · /MUG"), grid.statusLine)
        console.press(.character("j"))
        XCTAssertTrue(console.screen.selectedLine!.contains("Speckled Mug"), "the filtered list is browsable")
    }

    func testEscapeClearsTheFilterWhileTypingAndAfterKeepingIt() {
        let console = console()
        console.press(.character("/"))
        console.type("mug")
        console.press(.escape)
        var grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("Catalog · row 1 of 30 products"), grid.statusLine)
        XCTAssertFalse(grid.statusLine.contains("/mug"), grid.statusLine)
        XCTAssertEqual(console.state.mode, .browse)

        console.press(.character("/"))
        console.type("mug")
        console.press(.enter, .escape)
        grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("row 1 of 30 products"), grid.statusLine)
        XCTAssertFalse(grid.statusLine.contains("/mug"), grid.statusLine)
        XCTAssertTrue(grid.line(2).contains("Alder Chopping Board"))
    }

    func testBackspaceAndCtrlWEditTheFilter() {
        let console = console()
        console.press(.character("/"))
        console.type("mugx")
        var grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("no match"), grid.statusLine)
        XCTAssertTrue(grid.flowingText.contains("Nothing matches “mugx”. Esc clears the filter."), grid.text)
        console.press(.backspace)
        grid = console.screen
        XCTAssertTrue(grid.statusLine.hasPrefix("/mug▏"), grid.statusLine)
        XCTAssertTrue(grid.statusLine.contains("row 1 of 2 products"), grid.statusLine)
        console.press(.control("w"))
        XCTAssertTrue(console.screen.statusLine.contains("row 1 of 30 products"), console.screen.statusLine)
    }

    func testLettersThatAreKeysAreTypedIntoTheFilter() {
        let console = console()
        console.press(.character("/"))
        console.type("Oak")
        console.press(.character("q"), .character("j"))
        XCTAssertFalse(console.state.shouldQuit)
        XCTAssertEqual(console.state.table.filter, "Oakqj")
    }

    func testFilterAsksForTheCountOfTheFilteredList() {
        let shop = FakeShop(products: Fixtures.numberedProducts(1000))
        let console = Console(shop: shop)
        console.press(.character("/"))
        console.type("product 005")
        XCTAssertEqual(shop.countRequests.last, "product 005")
        XCTAssertTrue(console.screen.statusLine.contains("row 1 of 100 products"), console.screen.statusLine)
    }

    // MARK: - Detail

    func testEnterOpensTheSelectedRowsDetailAndEscapeReturnsToTheList() {
        let console = console()
        console.press(.character("j"), .enter)
        var grid = console.screen
        XCTAssertTrue(grid.line(1).contains("Ash Salad Bowl"), grid.text)
        XCTAssertTrue(grid.text.contains("Handle          product-2"), grid.text)
        XCTAssertTrue(grid.text.contains("Vendor          Kiln House"), grid.text)
        XCTAssertTrue(grid.text.contains("Variants (1)"), grid.text)
        XCTAssertTrue(grid.text.contains("SKU-2"), grid.text)
        XCTAssertNil(grid.selectedY, "no table behind the detail view")
        XCTAssertTrue(grid.tabBar.contains("1 Catalog"))
        console.press(.escape)
        grid = console.screen
        XCTAssertEqual(console.state.mode, .browse)
        XCTAssertTrue(grid.statusLine.contains("row 2 of 30 products"), grid.statusLine)
        XCTAssertTrue(grid.selectedLine!.contains("Ash Salad Bowl"))
    }

    func testQInADetailViewGoesBackInsteadOfQuitting() {
        let console = console()
        console.press(.enter, .character("q"))
        XCTAssertFalse(console.state.shouldQuit)
        XCTAssertEqual(console.state.mode, .browse)
    }

    func testDetailViewAt40x12ScrollsWithinItsLinesAndShowsWhereItIs() {
        let console = console(width: 40, height: 12)
        console.press(.enter)
        var grid = console.screen
        // 21 lines (content health, a codes line per variant), three of which wrap at this width: 24 rows.
        XCTAssertTrue(grid.line(1).hasSuffix(" 9/24"), grid.line(1))
        console.press(.character("j"))
        XCTAssertTrue(console.screen.line(1).hasSuffix(" 10/24"), console.screen.line(1))
        console.press(.character("j"), times: 50)
        grid = console.screen
        XCTAssertTrue(grid.line(1).hasSuffix(" 24/24"), grid.line(1))
        XCTAssertTrue(grid.line(10).contains("Hand finished."), "the last row sits at the bottom: \(grid.text)")
        console.press(.character("k"))
        XCTAssertTrue(console.screen.line(1).hasSuffix(" 23/24"), "scrolling up answers at once")
    }

    func testDetailViewWrapsLongLinesAtSpacesAndKeepsAWrappedValueUnderItsValue() throws {
        let console = console(width: 40, height: 24)
        console.press(.enter)
        let grid = console.screen
        XCTAssertTrue(grid.lines.allSatisfy { $0.count <= 40 }, grid.text)
        let seo = try XCTUnwrap(grid.lines.firstIndex { $0.hasPrefix("  SEO title") }, grid.text)
        XCTAssertEqual(grid.line(seo), "  SEO title       Alder Chopping Board")
        XCTAssertEqual(grid.line(seo + 1), String(repeating: " ", count: 18) + "(20/\(CatalogRules.seoTitleLimit))", "the value continues under itself")
        let channels = try XCTUnwrap(grid.lines.firstIndex { $0.hasPrefix("  Channels") }, grid.text)
        XCTAssertEqual(grid.line(channels), "  Channels        pos: listed  web:")
        XCTAssertEqual(grid.line(channels + 1), String(repeating: " ", count: 18) + "listed", "broken at the last space that fits")
        let variant = try XCTUnwrap(grid.lines.firstIndex { $0.hasPrefix("  SKU-1") }, grid.text)
        XCTAssertTrue(grid.line(variant).hasSuffix("Large"), grid.line(variant))
        XCTAssertTrue(grid.line(variant + 1).hasPrefix("  €18.00"), "a line without a label wraps to the margin: \(grid.line(variant + 1))")
        XCTAssertTrue(grid.line(variant + 1).contains("margin 61.1%") && grid.line(variant + 1).hasSuffix("stock 12"),
                      grid.line(variant + 1))
    }

    func testDetailViewBreaksAWordMidWayOnlyWhenItIsWiderThanTheLine() throws {
        let word = String(repeating: "x", count: 40)
        let shop = FakeShop(products: [Fixtures.product(id: 1, title: "Long Vendor", vendor: "\(word) Co")])
        let console = Console(shop: shop, width: 40, height: 30)
        console.press(.enter)
        let grid = console.screen
        XCTAssertTrue(grid.lines.allSatisfy { $0.count <= 40 }, grid.text)
        let vendor = try XCTUnwrap(grid.lines.firstIndex { $0.hasPrefix("  Vendor") }, grid.text)
        XCTAssertEqual(grid.line(vendor), "  Vendor          " + String(repeating: "x", count: 22))
        XCTAssertEqual(grid.line(vendor + 1), String(repeating: " ", count: 18) + String(repeating: "x", count: 18) + " Co",
                       "the rest of the word under the value, then the next word where it fits")
        let description = try XCTUnwrap(grid.lines.firstIndex { $0.hasPrefix("  Made by") }, grid.text)
        XCTAssertEqual(grid.line(description), "  Made by", "the long word moves to a row of its own")
        XCTAssertEqual(grid.line(description + 1), "  " + String(repeating: "x", count: 38), grid.text)
        XCTAssertEqual(grid.line(description + 2), "  xx Co.", grid.text)
    }

    func testEnterOpensComplaintAndPromotionDetails() {
        let console = console()
        console.press(.character("5"), .enter)
        XCTAssertTrue(console.screen.line(1).contains("#1 Cracked mug"), console.screen.text)
        console.press(.pageDown)
        XCTAssertTrue(console.screen.text.contains("The parcel arrived open."), console.screen.text)
        console.press(.escape, .character("3"), .enter)
        XCTAssertTrue(console.screen.line(1).contains("Black Friday"), console.screen.text)
        XCTAssertTrue(console.screen.text.contains("code BF26"), console.screen.text)
    }

    // MARK: - Help

    func testQuestionMarkShowsHelpWithEveryBindingInTwoColumnsOnAWideTallScreen() {
        let console = console(width: 130, height: 60)
        console.press(.character("?"))
        let grid = console.screen
        XCTAssertTrue(grid.text.contains("Keys — Esc or ? closes"), grid.text)
        for context in KeyContext.allCases { XCTAssertTrue(grid.text.contains(context.rawValue), context.rawValue) }
        for binding in KeyMap.standard.bindings {
            let keys = binding.keys.map(\.label).joined(separator: " ")
            XCTAssertTrue(grid.lines.contains { $0.contains(keys) && $0.contains(binding.help) },
                          "no help line for \(keys) \(binding.help)")
        }
    }

    func testHelpAt80x24RevealsEveryListBindingWhenScrolled() {
        let console = console()
        console.press(.character("?"))
        var seen = Set(console.screen.lines)
        for _ in 0..<45 {
            console.press(.character("j"))
            seen.formUnion(console.screen.lines)
        }
        for binding in KeyMap.standard.bindings where binding.context == .table {
            XCTAssertTrue(seen.contains { $0.contains(binding.help) }, "never shown: \(binding.help)")
        }
        XCTAssertTrue(seen.contains { $0.contains("back to the list") }, "the last entry is reachable")
    }

    func testHelpScrollsBackUpAtOnceAfterScrollingPastItsEnd() {
        let console = console()
        console.press(.character("?"))
        console.press(.character("j"), times: 40)
        let bottom = console.screen.line(2)
        console.press(.character("k"))
        XCTAssertNotEqual(console.screen.line(2), bottom, "k after the end must scroll the help up")
    }

    func testHelpIsGeneratedFromTheKeyMapItIsGiven() {
        let keyMap = KeyMap(bindings: [
            KeyBinding([.character("x")], .quit, .global, "leave the shop"),
            KeyBinding([.function(5)], .redraw, .table, "paint it again"),
        ])
        let console = Console(shop: Fixtures.demoShop(), keyMap: keyMap)
        console.press(.character("x"))
        XCTAssertTrue(console.state.shouldQuit, "the key map given is the one that dispatches")
        var state = console.state
        state.mode = .help(scroll: 0)
        let grid = Screen.render(state, theme: .monochrome, keyMap: keyMap)
        XCTAssertTrue(grid.lines.contains { $0.contains("x") && $0.contains("leave the shop") }, grid.text)
        XCTAssertTrue(grid.lines.contains { $0.contains("F5") && $0.contains("paint it again") }, grid.text)
        XCTAssertFalse(grid.text.contains("filter as you type"), "no binding from another map")
    }

    func testQuestionMarkEscapeAndQCloseHelpWithoutQuitting() {
        let console = console()
        for close in [Key.character("?"), .escape, .character("q")] {
            console.press(.character("?"))
            guard case .help = console.state.mode else { return XCTFail("? did not open help") }
            console.press(close)
            XCTAssertEqual(console.state.mode, .browse, "\(close) should close help")
            XCTAssertFalse(console.state.shouldQuit)
            XCTAssertFalse(console.screen.text.contains("Keys — Esc or ? closes"))
        }
    }

    // MARK: - Quit

    func testQQuitsFromTheList() {
        let console = console()
        XCTAssertFalse(console.state.shouldQuit)
        console.press(.character("q"))
        XCTAssertTrue(console.state.shouldQuit)
    }

    func testCtrlCQuitsEvenWhileTypingAFilter() {
        let console = console()
        console.press(.character("/"))
        console.type("mu")
        console.press(.control("c"))
        XCTAssertTrue(console.state.shouldQuit)
    }

    func testEscapeOnTheListNeverQuits() {
        let console = console()
        console.press(.escape, .escape)
        XCTAssertFalse(console.state.shouldQuit)
    }

    // MARK: - Empty shop

    func testAnEmptyShopShowsEachPanesHintOnHowToLoadData() {
        let console = Console(shop: FakeShop())
        let nouns: [PaneID: String] = [.catalog: "products", .pricing: "variants", .promotions: "promotions",
                                       .stock: "stock", .complaints: "complaints"]
        for pane in PaneID.allCases {
            console.press(.character(Character(String(pane.rawValue))))
            let grid = console.screen
            let text = grid.flowingText
            XCTAssertTrue(text.contains("No \(nouns[pane]!) yet. Load the demo shop with"), text)
            XCTAssertTrue(text.contains("`shopdesk init --demo --db FILE`, or `shopdesk demo`."), text)
            XCTAssertTrue(grid.statusLine.contains("no \(pane.noun)"), grid.statusLine)
            XCTAssertFalse(grid.line(1).isEmpty, "the header is still drawn")
        }
    }

    func testAnEmptyShopIgnoresMovementAndEnter() {
        let console = Console(shop: FakeShop(), width: 40, height: 12)
        console.press(.character("j"), .character("G"), .pageDown, .enter, .character("g"))
        XCTAssertEqual(console.state.mode, .browse)
        XCTAssertTrue(console.screen.statusLine.contains("no products"), console.screen.statusLine)
        XCTAssertTrue(console.screen.flowingText.contains("Load the demo shop"), console.screen.text)
    }

    // MARK: - Size

    func testATerminalBelowTheMinimumShowsOnlyTheTooSmallMessage() {
        let grid = console(width: 20, height: 6).screen
        let shown = grid.lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        XCTAssertEqual(shown.first, "Terminal too small", grid.text)
        XCTAssertEqual(shown.count, 3, grid.text)
        XCTAssertTrue(shown.contains("20x6, need 40x10"), grid.text)
        XCTAssertEqual(shown.last, "q quits", grid.text)
        for absent in ["shopdesk", "Catalog", "Title", "row ", "Alder"] {
            XCTAssertFalse(grid.text.contains(absent), "\(absent) drawn on a too-small terminal")
        }
    }

    func testTheMinimumSizeIsExactlyFortyByTen() {
        XCTAssertTrue(console(width: 39, height: 24).screen.text.contains("Terminal too small"))
        XCTAssertTrue(console(width: 80, height: 9).screen.text.contains("Terminal too small"))
        let grid = console(width: 40, height: 10).screen
        XCTAssertFalse(grid.text.contains("Terminal too small"))
        XCTAssertTrue(grid.statusLine.contains("row 1 of 30 products"), grid.statusLine)
    }

    func testQQuitsFromATooSmallTerminal() {
        let console = console(width: 20, height: 6)
        console.press(.character("q"))
        XCTAssertTrue(console.state.shouldQuit)
    }

    func testResizingLaysTheScreenOutAgain() {
        let console = console()
        console.resize(width: 20, height: 6)
        XCTAssertTrue(console.screen.text.contains("Terminal too small"))
        XCTAssertEqual(console.screen.width, 20)
        console.resize(width: 40, height: 12)
        var grid = console.screen
        XCTAssertEqual(grid.width, 40)
        XCTAssertEqual(grid.height, 12)
        XCTAssertTrue(grid.tabBar.contains("5 Comp"), grid.tabBar)
        XCTAssertFalse(grid.line(1).contains("Vendor"), grid.line(1))
        XCTAssertTrue(grid.statusLine.contains("row 1 of 30 products"), grid.statusLine)
        console.resize(width: 80, height: 24)
        grid = console.screen
        XCTAssertTrue(grid.tabBar.contains("5 Complaints"), grid.tabBar)
        XCTAssertTrue(grid.line(1).contains("Vendor"), grid.line(1))
        XCTAssertEqual(grid.tableLines.filter { !$0.isEmpty }.count, 21)
    }

    func testShrinkingKeepsTheSelectedRowOnScreen() {
        let console = console()
        console.press(.character("j"), times: 15)
        console.resize(width: 40, height: 12)
        let grid = console.screen
        XCTAssertTrue(grid.statusLine.contains("row 16 of 30"), grid.statusLine)
        XCTAssertTrue(grid.selectedLine?.contains(Fixtures.productTitles[15]) ?? false, grid.text)
    }

    func testGrowingAfterTheLastRowFillsTheTallerTable() {
        let console = console(width: 40, height: 12)
        console.press(.character("G"))
        console.resize(width: 80, height: 24)
        let grid = console.screen
        XCTAssertTrue(grid.line(2).contains(Fixtures.productTitles[9]), grid.text)
        XCTAssertTrue(grid.line(22).contains("Willow Picnic Basket"), grid.text)
        XCTAssertEqual(grid.selectedY, 22)
    }

    // MARK: - Background reports

    func testACountForAnOldFilterIsIgnored() {
        let console = Console(shop: FakeShop(products: Fixtures.numberedProducts(100)))
        console.model.send(.countLoaded(pane: .catalog, filter: "stale", count: 7))
        XCTAssertTrue(console.screen.statusLine.contains("row 1 of 100 products"), console.screen.statusLine)
    }

    func testAChangeByAnotherProcessShowsTheNewRowAndTheNewCount() {
        for count in [30, 1000] {
            let shop = FakeShop(products: Fixtures.numberedProducts(count))
            let console = Console(shop: shop)
            XCTAssertTrue(console.screen.statusLine.contains("row 1 of \(count == 30 ? "30" : "1,000") products"))
            shop.insertProduct(Fixtures.product(id: 5000, title: "Aardvark Apron"))
            console.model.send(.dataChanged)
            let grid = console.screen
            XCTAssertTrue(grid.line(2).contains("Aardvark Apron"), grid.text)
            XCTAssertTrue(grid.selectedLine!.contains("Product 00001"), "the selection stays on its product")
            XCTAssertTrue(grid.statusLine.contains("row 2 of \(count == 30 ? "31" : "1,001") products"), grid.statusLine)
        }
    }
}
