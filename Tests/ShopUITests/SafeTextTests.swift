import ShopKit
import ShopUI
import XCTest

/// Untrusted text never reaches the terminal raw, and is measured in the columns a terminal uses.
final class SafeTextTests: XCTestCase {
    private func placeholders(_ text: String) -> [String] {
        SafeText(text).glyphs.filter(\.isPlaceholder).map(\.text)
    }

    // MARK: - Every dangerous class becomes a visible placeholder

    func testC0ControlsBecomeControlPictures() {
        let cases: [(String, String)] = [
            ("\u{1B}", "␛"), ("\u{07}", "␇"), ("\u{00}", "␀"), ("\r", "␍"), ("\u{08}", "␈"), ("\t", "␉"),
            ("\n", "␊"), ("\u{0C}", "␌"), ("\u{1F}", "␟"),
        ]
        for (raw, shown) in cases {
            let text = SafeText("a" + raw + "b")
            XCTAssertEqual(text.description, "a" + shown + "b", "U+\(String(raw.unicodeScalars.first!.value, radix: 16))")
            XCTAssertEqual(text.glyphs[1].isPlaceholder, true)
            XCTAssertEqual(text.width, 3)
        }
    }

    func testCarriageReturnLineFeedPairIsTakenApartIntoTwoPlaceholders() {
        XCTAssertEqual(SafeText("a\r\nb").description, "a␍␊b")
        XCTAssertEqual(placeholders("a\r\nb"), ["␍", "␊"])
    }

    func testDeleteBecomesAPlaceholder() {
        XCTAssertEqual(SafeText("x\u{7F}").description, "x␡")
        XCTAssertEqual(placeholders("x\u{7F}"), ["␡"])
    }

    func testEveryC0AndC1ControlAndDeleteIsReplacedWithAOneColumnPlaceholder() {
        for value in Array(0x00...0x1F) + Array(0x7F...0x9F) {
            let scalar = Unicode.Scalar(UInt32(value))!
            let text = SafeText("m" + String(Character(scalar)) + "n")
            XCTAssertEqual(text.glyphs.count, 3, "U+\(String(value, radix: 16))")
            XCTAssertTrue(text.glyphs[1].isPlaceholder, "U+\(String(value, radix: 16))")
            XCTAssertEqual(text.glyphs[1].width, 1)
            XCTAssertFalse(text.description.unicodeScalars.contains(scalar), "U+\(String(value, radix: 16)) kept raw")
        }
    }

    func testC1ControlsIncludingTheEightBitCSIBecomeAReplacementCharacter() {
        XCTAssertEqual(SafeText("a\u{9B}2Jb").description, "a�2Jb")
        XCTAssertEqual(SafeText("\u{85}\u{80}\u{9F}").description, "���")
    }

    func testBidiControlsBecomePlaceholders() {
        let bidi: [UInt32] = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]
        for value in bidi {
            let scalar = Unicode.Scalar(value)!
            let text = SafeText("ab" + String(Character(scalar)) + "cd")
            XCTAssertEqual(text.description, "ab�cd", "U+\(String(value, radix: 16))")
            XCTAssertEqual(text.glyphs.filter(\.isPlaceholder).count, 1)
        }
    }

    func testRightToLeftOverrideCannotReorderAFileName() {
        let text = SafeText("invoice\u{202E}fdp.exe")
        XCTAssertEqual(text.description, "invoice�fdp.exe")
    }

    func testLineAndParagraphSeparatorsBecomePlaceholders() {
        XCTAssertEqual(SafeText("a\u{2028}b\u{2029}c").description, "a␤b␤c")
    }

    func testZeroWidthFormatCharactersBecomeVisible() {
        for value: UInt32 in [0x200B, 0xFEFF, 0x00AD, 0x2060] {
            let text = SafeText("pay" + String(Character(Unicode.Scalar(value)!)) + "pal")
            XCTAssertEqual(text.description, "pay�pal", "U+\(String(value, radix: 16))")
            XCTAssertEqual(text.width, 7)
        }
    }

    func testZeroWidthJoinerInsideAnEmojiSequenceIsKept() {
        let text = SafeText("👩‍💻")
        XCTAssertEqual(text.glyphs.count, 1)
        XCTAssertFalse(text.glyphs[0].isPlaceholder)
        XCTAssertEqual(text.width, 2)
    }

    func testACombiningMarkCannotHideAControlCharacter() {
        let text = SafeText("\u{1B}\u{301}[2J")
        XCTAssertFalse(text.description.unicodeScalars.contains("\u{1B}"))
        XCTAssertTrue(text.description.hasPrefix("␛"))
    }

    func testPlainTextPassesThroughUnchanged() {
        let plain = "Birch Tray — 30 × 40 cm, €18.00 (naïve café)"
        XCTAssertEqual(SafeText(plain).description, plain)
        XCTAssertTrue(SafeText(plain).glyphs.allSatisfy { !$0.isPlaceholder })
    }

    // MARK: - On screen

    private static let evilTitle = "Mug\u{1B}[2J\u{1B}]0;pwned\u{07}"

    func testAProductNameWithEscapeSequencesReachesTheGridOnlyAsPlaceholders() {
        let shop = FakeShop(products: [Fixtures.product(id: 1, title: Self.evilTitle, vendor: "Evil\u{9B}31m\u{202E}Co")])
        for (width, height) in [(80, 24), (40, 12)] {
            let console = Console(shop: shop, width: width, height: height, theme: .builtIn)
            let grid = console.screen
            assertNoRawControls(grid)
            XCTAssertTrue(grid.line(2).contains("Mug␛[2J␛]0;pwned␇"), grid.line(2))
            XCTAssertTrue(grid.statusLine.contains("row 1 of 1 products"), "the screen was not cleared: \(grid.text)")
        }
    }

    func testPlaceholdersOnAnUnselectedRowUseThePlaceholderStyle() throws {
        let shop = FakeShop(products: [Fixtures.product(id: 1, title: "Aaa"), Fixtures.product(id: 2, title: Self.evilTitle)])
        let grid = Console(shop: shop, theme: .builtIn).screen
        let x = try XCTUnwrap(grid.column(of: "␛", inRow: 3))
        XCTAssertEqual(grid[x, 3].style, Theme.builtIn.style(.placeholder))
        XCTAssertEqual(grid[1, 3].style, Theme.builtIn.style(.normal), "the plain letters keep the row style")
    }

    func testTheDetailViewShowsUntrustedTextOnlyAsPlaceholders() {
        let shop = FakeShop(products: [Fixtures.product(id: 1, title: Self.evilTitle, vendor: "A\u{1B}[31mB\u{9B}\r\u{08}")])
        let console = Console(shop: shop)
        console.press(.enter)
        let grid = console.screen
        assertNoRawControls(grid)
        XCTAssertTrue(grid.line(1).contains("Mug␛[2J␛]0;pwned␇"), grid.line(1))
        XCTAssertTrue(grid.text.contains("A␛[31mB�␍␈"), grid.text)
    }

    func testAShopNameAndATypedFilterAreSanitisedToo() {
        let overview = ShopOverview(name: "S\u{1B}]2;x\u{07}", currency: .eur, locations: [], marginFloorBasisPoints: 0)
        let console = Console(shop: FakeShop(overview: overview, products: Fixtures.products))
        var grid = console.screen
        assertNoRawControls(grid)
        XCTAssertTrue(grid.statusLine.contains("S␛]2;x␇ · harbour.db"), grid.statusLine)
        console.press(.character("/"))
        console.type("\u{1B}[2J")
        grid = console.screen
        assertNoRawControls(grid)
        XCTAssertTrue(grid.statusLine.hasPrefix("/␛[2J▏"), grid.statusLine)
    }

    func testAnEmptyHintWithTheFilterTextIsSanitised() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("/"))
        console.type("\u{9B}x")
        let grid = console.screen
        assertNoRawControls(grid)
        XCTAssertTrue(grid.flowingText.contains("Nothing matches “�x”"), grid.text)
    }

    // MARK: - Width

    func testCJKIsTwoColumnsPerCharacter() {
        XCTAssertEqual(SafeText("日本語").width, 6)
        XCTAssertEqual(SafeText("日本語").glyphs.count, 3)
        XCTAssertEqual(SafeText("한국어").width, 6)
        XCTAssertEqual(SafeText("カタカナ").width, 8)
    }

    func testFullwidthFormsAreTwoColumnsAndHalfwidthFormsOne() {
        XCTAssertEqual(SafeText("ＡＢＣ").width, 6)
        XCTAssertEqual(SafeText("１２").width, 4)
        XCTAssertEqual(SafeText("ｱｲ").width, 2)
    }

    func testACombiningMarkAddsNoColumn() {
        let decomposed = SafeText("e\u{301}")
        XCTAssertEqual(decomposed.width, 1)
        XCTAssertEqual(decomposed.glyphs.count, 1)
        XCTAssertEqual(SafeText("Cafe\u{301}").width, 4)
        XCTAssertEqual(SafeText("é").width, 1)
    }

    func testALoneCombiningMarkIsShownOnADottedCircle() {
        let text = SafeText("\u{301}")
        XCTAssertEqual(text.description, "◌\u{301}")
        XCTAssertEqual(text.width, 1)
    }

    func testEmojiAreTwoColumns() {
        XCTAssertEqual(SafeText("😀").width, 2)
        XCTAssertEqual(SafeText("☕").width, 2)
        XCTAssertEqual(SafeText("👍🏽").width, 2)
        XCTAssertEqual(SafeText("a😀b").width, 4)
    }

    func testClippingNeverSplitsAWideGlyphAndEndsWithAnEllipsis() {
        let samples = ["日本語のテキスト", "ab日本cd", "a日b本c語", "😀😀😀😀", "e\u{301}e\u{301}e\u{301}e\u{301}", "ＡＢＣＤＥ", "plain words"]
        for sample in samples {
            let original = SafeText(sample)
            for columns in 0...(original.width + 2) {
                let clipped = original.clipped(to: columns)
                XCTAssertLessThanOrEqual(clipped.width, columns, "\(sample) in \(columns)")
                if original.width <= columns {
                    XCTAssertEqual(clipped, original, "\(sample) fits in \(columns)")
                    continue
                }
                guard columns > 0 else { XCTAssertTrue(clipped.isEmpty); continue }
                XCTAssertEqual(clipped.glyphs.last?.text, "…", "\(sample) in \(columns)")
                let kept = Array(clipped.glyphs.dropLast())
                XCTAssertEqual(kept, Array(original.glyphs.prefix(kept.count)), "whole glyphs from the start")
                let next = original.glyphs[kept.count]
                XCTAssertGreaterThan(clipped.width - 1 + next.width, columns - 1, "\(sample) in \(columns): could keep more")
            }
        }
    }

    func testClippingCJKAtAnOddWidthLeavesTheColumnBlankRatherThanHalfAGlyph() {
        XCTAssertEqual(SafeText("日本語").clipped(to: 4).description, "日…")
        XCTAssertEqual(SafeText("日本語").clipped(to: 5).description, "日本…")
        XCTAssertEqual(SafeText("日本語").clipped(to: 1).description, "…")
    }

    func testColumnsAfterACJKTitleStayAlignedWithColumnsAfterALatinTitle() throws {
        let shop = FakeShop(products: [
            Fixtures.product(id: 1, title: "A plain mug", vendor: "Vendor1"),
            Fixtures.product(id: 2, title: "B 日本語のマグ", vendor: "Vendor2"),
            Fixtures.product(id: 3, title: "C 日本語日本語日本語日本語", vendor: "Vendor3"),
            Fixtures.product(id: 4, title: "D a日本語日本語日本語日本語", vendor: "Vendor4"),
            Fixtures.product(id: 5, title: "E ＡＢＣ😀e\u{301}", vendor: "Vendor5"),
        ])
        let grid = Console(shop: shop).screen
        let header = try XCTUnwrap(grid.column(of: "Vendor", inRow: 1))
        for y in 2...6 {
            XCTAssertEqual(grid.column(of: "Vendor\(y - 1)", inRow: y), header, grid.line(y))
            XCTAssertEqual(grid.column(of: "active", inRow: y), grid.column(of: "active", inRow: 2), grid.line(y))
        }
        XCTAssertTrue(grid.line(4).contains("…"), "a long CJK title is clipped: \(grid.line(4))")
        XCTAssertTrue(grid.line(5).contains("…"), grid.line(5))
    }

    func testEveryWideGlyphOnScreenOccupiesExactlyTwoCells() {
        let shop = FakeShop(products: (1...5).map { Fixtures.product(id: Int64($0), title: String(repeating: "語", count: $0 * 3) + "x") })
        for (width, height) in [(80, 24), (40, 12)] {
            let grid = Console(shop: shop, width: width, height: height).screen
            for y in 0..<grid.height {
                for x in 0..<grid.width where grid[x, y].isContinuation {
                    XCTAssertGreaterThan(x, 0)
                    XCTAssertFalse(grid[x - 1, y].isContinuation, "continuation without its glyph at \(x),\(y)")
                    XCTAssertEqual(SafeText(grid[x - 1, y].text).width, 2, "at \(x),\(y)")
                }
                for x in 0..<(grid.width - 1) where SafeText(grid[x, y].text).width == 2 {
                    XCTAssertTrue(grid[x + 1, y].isContinuation, "wide glyph without its right half at \(x),\(y)")
                }
                XCTAssertLessThan(SafeText(grid[grid.width - 1, y].text).width, 2, "wide glyph on the last column")
            }
        }
    }

    func testPuttingTextAtTheRightEdgeNeverLeavesHalfAGlyph() {
        var grid = CellGrid(width: 10, height: 1)
        let used = grid.put("日本語", x: 7, y: 0, style: .plain)
        XCTAssertEqual(used, 3)
        XCTAssertEqual(grid.rowText(0), "       日…")
        XCTAssertTrue(grid[8, 0].isContinuation)
    }

    func testOverwritingHalfOfAWideGlyphBlanksTheOtherHalf() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("日本", x: 0, y: 0, style: .plain)
        grid.put("a", x: 1, y: 0, style: .plain)
        XCTAssertEqual(grid.rowText(0), " a本  ")
        grid.put("b", x: 2, y: 0, style: .plain)
        XCTAssertEqual(grid.rowText(0), " ab   ")
        XCTAssertFalse(grid.cells.contains(where: \.isContinuation))
    }
}
