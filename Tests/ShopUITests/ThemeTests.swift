import BundledThemes
import ShopUI
import XCTest

/// Theme files and the config file: what parses, what is refused and how it is explained.
final class ThemeTests: XCTestCase {
    private func bundled(_ name: String) throws -> Theme {
        let text = try XCTUnwrap(BundledThemes.text(named: name), "no bundled theme \(name)")
        return try Theme.parse(toml: text, source: name + ".toml")
    }

    private func parseError(_ toml: String, file: StaticString = #filePath, line: UInt = #line) -> ThemeError? {
        do {
            _ = try Theme.parse(toml: toml, source: "mine.toml")
            XCTFail("accepted: \(toml)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func colors(_ theme: Theme) -> [ThemeColor] {
        StyleRole.allCases.flatMap { [theme.style($0).foreground, theme.style($0).background] }
    }

    // MARK: - Bundled themes

    func testEveryBundledThemeParsesUnderItsOwnName() throws {
        XCTAssertEqual(BundledThemes.names.sorted(), ["default", "high-contrast", "light", "monochrome"])
        for name in BundledThemes.names {
            XCTAssertEqual(try bundled(name).name, name)
        }
    }

    func testABundledThemeThatDoesNotExistIsNil() {
        XCTAssertNil(BundledThemes.text(named: "neon"))
    }

    func testTheBundledDefaultFileMatchesTheBuiltInTheme() throws {
        XCTAssertEqual(try bundled("default"), Theme.builtIn)
    }

    func testTheBundledMonochromeFileMatchesTheBuiltInMonochromeTheme() throws {
        let theme = try bundled("monochrome")
        XCTAssertEqual(theme, Theme.monochrome)
        XCTAssertTrue(colors(theme).allSatisfy { $0 == .terminalDefault })
    }

    func testEveryBundledThemeMarksTheSelectionDifferentlyFromNormalText() throws {
        for name in BundledThemes.names {
            let theme = try bundled(name)
            XCTAssertNotEqual(theme.style(.selected), theme.style(.normal), name)
            XCTAssertNotEqual(theme.style(.tabActive), theme.style(.tabInactive), name)
        }
    }

    func testRolesAThemeLeavesOutFallBackToTheMonochromeLook() throws {
        let theme = try Theme.parse(toml: "name = \"tiny\"\n[header]\nfg = \"red\"\n", source: "tiny.toml")
        XCTAssertEqual(theme.name, "tiny")
        XCTAssertEqual(theme.style(.header), Style(foreground: .indexed(1)))
        XCTAssertEqual(theme.style(.selected), Theme.monochrome.style(.selected))
    }

    func testAThemeWithoutANameIsNamedAfterItsSource() throws {
        XCTAssertEqual(try Theme.parse(toml: "[header]\nbold = true\n", source: "mine.toml").name, "mine.toml")
    }

    func testColoursMayBeNamesBrightNamesPaletteNumbersOrDefault() throws {
        let theme = try Theme.parse(toml: """
            [header]
            fg = "bright-blue"
            bg = 236
            [status]
            fg = "Default"
            bg = "7"
            """, source: "mine.toml")
        XCTAssertEqual(theme.style(.header).foreground, .indexed(12))
        XCTAssertEqual(theme.style(.header).background, .indexed(236))
        XCTAssertEqual(theme.style(.status).foreground, .terminalDefault)
        XCTAssertEqual(theme.style(.status).background, .indexed(7))
    }

    // MARK: - Errors name the problem

    func testAnUnknownRoleIsRefusedByName() {
        let error = parseError("[sidebar]\nfg = \"red\"\n")
        XCTAssertTrue(error?.message.contains("unknown role [sidebar]") ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.message.contains("tab_active") ?? false, "the known roles are listed")
        XCTAssertEqual(error?.source, "mine.toml")
        XCTAssertTrue(error?.description.hasPrefix("theme mine.toml: ") ?? false)
    }

    func testAnUnknownKeyIsRefusedByNameAndRole() {
        let error = parseError("[header]\ncolour = \"red\"\n")
        XCTAssertTrue(error?.message.contains("[header] has unknown key colour") ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.message.contains("fg, bg, bold") ?? false)
    }

    func testABadColourIsRefusedWithTheColourNamed() {
        for (value, shown) in [("\"purple\"", "purple"), ("300", "300"), ("\"bright-pink\"", "bright-pink"), ("-1", "-1")] {
            let error = parseError("[selected]\nbg = \(value)\n")
            let message = error?.message ?? ""
            XCTAssertTrue(message.contains("[selected] bg"), message)
            XCTAssertTrue(message.contains(shown), message)
            XCTAssertTrue(message.contains("is not a colour"), message)
        }
    }

    func testANonBooleanAttributeIsRefused() {
        for key in ["bold", "reverse", "underline", "dim"] {
            let error = parseError("[warning]\n\(key) = \"yes\"\n")
            XCTAssertEqual(error?.message, "[warning] \(key) must be true or false")
        }
    }

    func testInvalidTOMLIsRefused() {
        let error = parseError("[header\nfg = red\n")
        XCTAssertTrue(error?.message.hasPrefix("is not valid TOML") ?? false, "\(String(describing: error))")
    }

    func testARoleThatIsNotATableAndANameThatIsNotTextAreRefused() {
        XCTAssertEqual(parseError("header = \"red\"\n")?.message, "[header] must be a table")
        XCTAssertEqual(parseError("name = 3\n")?.message, "name must be a string")
    }

    // MARK: - Without colour

    func testWithoutColorRemovesEveryColourKeepsEachRolesAttributesAndAddsTheMonochromeOnes() throws {
        for theme in try BundledThemes.names.map(bundled) + [Theme.builtIn] {
            let plain = theme.withoutColor
            XCTAssertEqual(plain.name, theme.name)
            for role in StyleRole.allCases {
                let own = theme.style(role)
                let mono = Theme.monochrome.style(role)
                let after = plain.style(role)
                let label = "\(theme.name) \(role)"
                XCTAssertEqual(after.foreground, .terminalDefault, label)
                XCTAssertEqual(after.background, .terminalDefault, label)
                XCTAssertEqual(after.bold, own.bold || mono.bold, label)
                XCTAssertEqual(after.reverse, own.reverse || mono.reverse, label)
                XCTAssertEqual(after.underline, own.underline || mono.underline, label)
                XCTAssertEqual(after.dim, own.dim || mono.dim, label)
            }
        }
    }

    func testWithoutColorASelectionMarkedOnlyByColourBecomesReverseAndKeepsItsOwnAttributes() throws {
        let theme = try Theme.parse(toml: """
            [selected]
            fg = "black"
            bg = "cyan"
            underline = true
            [warning]
            fg = "yellow"
            [normal]
            fg = "white"
            dim = true
            """, source: "colours.toml")
        XCTAssertFalse(theme.style(.selected).reverse)
        let plain = theme.withoutColor
        XCTAssertEqual(plain.style(.selected), Style(reverse: true, underline: true))
        XCTAssertEqual(plain.style(.warning), Style(bold: true), "a warning shown only in yellow is bold without colour")
        XCTAssertEqual(plain.style(.normal), Style(dim: true), "nothing is added where monochrome adds nothing")
        XCTAssertNotEqual(plain.style(.selected), plain.style(.normal), "the selection still shows without colour")
    }

    func testWithoutColorOfAReverseAndBoldStyleIsStillReverseAndBold() {
        let style = Style(foreground: .indexed(3), background: .indexed(200), bold: true, reverse: true)
        XCTAssertEqual(style.withoutColor, Style(bold: true, reverse: true))
    }

    // MARK: - Fewer colours

    func testDegradingToEightColoursKeepsTheBasicColours() {
        for index in 0..<8 { XCTAssertEqual(ThemeColor.indexed(index).degraded(toColors: 8), .indexed(index)) }
        XCTAssertEqual(ThemeColor.terminalDefault.degraded(toColors: 8), .terminalDefault)
    }

    func testDegradingToEightColoursMapsBrightColoursToTheirBasicForm() {
        for index in 8..<16 { XCTAssertEqual(ThemeColor.indexed(index).degraded(toColors: 8), .indexed(index - 8)) }
    }

    func testDegradingToEightColoursMapsEveryPaletteColourIntoZeroToSeven() {
        for index in 16..<256 {
            guard case .indexed(let result) = ThemeColor.indexed(index).degraded(toColors: 8) else {
                return XCTFail("\(index) lost its colour")
            }
            XCTAssertTrue((0..<8).contains(result), "\(index) → \(result)")
        }
    }

    func testDegradingPaletteColoursPicksTheNearestBasicHue() {
        let expected: [(Int, Int)] = [
            (16, 0), (196, 1), (46, 2), (226, 3), (21, 4), (201, 5), (51, 6), (231, 7), (232, 0), (255, 7), (244, 7),
            (130, 1), (28, 2),
        ]
        for (index, basic) in expected {
            XCTAssertEqual(ThemeColor.indexed(index).degraded(toColors: 8), .indexed(basic), "palette \(index)")
        }
    }

    func testDegradingTo256ColoursChangesNothing() {
        for index in 0..<256 { XCTAssertEqual(ThemeColor.indexed(index).degraded(toColors: 256), .indexed(index)) }
    }

    func testDegradingTo16ColoursGivesOnlyColoursA16ColourTerminalHas() {
        for index in 0..<16 { XCTAssertEqual(ThemeColor.indexed(index).degraded(toColors: 16), .indexed(index)) }
        for index in 16..<256 {
            guard case .indexed(let result) = ThemeColor.indexed(index).degraded(toColors: 16) else {
                return XCTFail("\(index) lost its colour")
            }
            XCTAssertTrue((0..<16).contains(result), "\(index) → \(result) on a 16-colour terminal")
        }
    }

    func testEveryBundledThemeDegradesToColoursAnEightOrSixteenColourTerminalHas() throws {
        for name in BundledThemes.names {
            for color in colors(try bundled(name)) {
                for count in [8, 16] {
                    if case .indexed(let index) = color.degraded(toColors: count) {
                        XCTAssertLessThan(index, count, "\(name): \(color) on \(count) colours")
                    }
                }
            }
        }
    }

    // MARK: - Config file

    func testConfigReadsTheThemeName() throws {
        XCTAssertEqual(try AppConfig.parse(toml: "theme = \"light\"\n", source: "config.toml"), AppConfig(theme: "light"))
        XCTAssertEqual(try AppConfig.parse(toml: "# nothing set\n", source: "config.toml"), AppConfig())
    }

    func testConfigRefusesAnUnknownSettingByName() {
        do {
            _ = try AppConfig.parse(toml: "theme = \"light\"\ncolour = \"red\"\n", source: "config.toml")
            XCTFail("an unknown setting was accepted")
        } catch {
            XCTAssertEqual(error.message, "unknown setting colour; known settings: theme, replies")
            XCTAssertTrue(error.description.hasPrefix("theme config.toml: "), error.description)
        }
    }

    func testConfigRefusesAThemeThatIsNotTextAndInvalidTOML() {
        XCTAssertThrowsError(try AppConfig.parse(toml: "theme = 3\n", source: "config.toml")) { error in
            XCTAssertEqual((error as? ThemeError)?.message, "theme must be a string")
        }
        XCTAssertThrowsError(try AppConfig.parse(toml: "theme = \n", source: "config.toml")) { error in
            XCTAssertTrue((error as? ThemeError)?.message.hasPrefix("is not valid TOML") ?? false, "\(error)")
        }
    }
}
