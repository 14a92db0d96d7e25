import ShopKit
@testable import ShopUI
import XCTest

/// The Promotions pane as a shop manager uses it: the list with its flags and state filter, the
/// form and the messages under its fields, pause, duplicate, end now, the margin guard and its
/// override, codes, overlaps and usage, and a price explained step by step.
final class PromotionsPaneTests: XCTestCase {
    /// Records what the console sends and answers from a script (nil: saved).
    final class ScriptedWriter: ShopWriting, @unchecked Sendable {
        var commands: [WriteCommand] = []
        var answers: [WriteError?] = []

        func perform(_ command: WriteCommand, reason: String) throws(WriteError) -> WriteResult {
            commands.append(command)
            if !answers.isEmpty, let answer = answers.removeFirst() { throw answer }
            return WriteResult(batchID: 7, newVersion: 2, changes: [FieldChange(field: "x", oldValue: nil, newValue: "y")], createdID: 9)
        }
    }

    private func promotions(
        _ writer: ScriptedWriter = ScriptedWriter(), shop: FakeShop = Fixtures.demoShop(), width: Int = 80, height: Int = 24
    ) -> Console {
        let console = Console(shop: shop, width: width, height: height, writer: writer)
        console.press(.character("3"))
        return console
    }

    /// Types `text` into the form field labelled `label`, replacing what it held.
    private func fill(_ console: Console, _ label: String, _ text: String) {
        guard case .form(let form) = console.state.mode, let index = form.fields.firstIndex(where: { $0.label == label }) else {
            return XCTFail("no field \(label)")
        }
        console.press(.tab, times: (index - form.focus + form.fields.count) % form.fields.count)
        console.press(.control("u"))
        console.type(text)
    }

    /// The screen row under the field labelled `label`.
    private func lineUnder(_ console: Console, _ label: String) -> String {
        let lines = console.screen.lines
        guard let row = lines.firstIndex(where: { $0.hasPrefix("  " + label) }) else { return "" }
        return lines[row + 1]
    }

    private func newTeaWeek(_ console: Console) {
        console.press(.character("n"))
        fill(console, "Name", "Tea Week")
        fill(console, "Value", "30")
        fill(console, "Applies to", "category: Tea")
        fill(console, "Ends (UTC)", "2026-11-27")
    }

    static let lowMargin = MarginGuardViolation(
        variantID: 12, sku: "MUG-SPECK-S", productTitle: "Speckled Mug", regularPrice: Fixtures.euros(1000),
        cost: Fixtures.euros(900), worstUnitPrice: Fixtures.euros(700), quantity: 1, lowestAllowed: Fixtures.euros(1286),
        isBelowCost: true, promotionIDs: [0], promotionNames: ["Tea Week"])

    // MARK: - The list

    func testTheListShowsScopeScheduleStateUsesAndFlagsForOverrideAndOverlapWithSymbols() {
        var flagged = Fixtures.promotion(id: 2, name: "Winter Sale", startsInDays: -2, endsInDays: 10, code: "WARM15").promotion
        flagged.marginOverride = true
        flagged.scope = .category
        flagged.scopeValue = "Tea|Coffee"
        let shop = FakeShop(promotions: [
            PromotionListItem(sortKey: SortKey([.integer(1), .integer(-2)]), promotion: flagged),
            Fixtures.promotions[2],
        ])
        shop.promotionData.overlaps[2] = [PromotionOverlap(
            promotion: Fixtures.promotions[2].promotion, combines: false, sharedVariants: 3, from: fixedNow, until: nil)]
        let console = promotions(shop: shop)
        let winter = console.screen.lines.first { $0.contains("Winter Sale") } ?? ""
        XCTAssertTrue(winter.contains("Tea, Coffee"), "the scope in short: \(winter)")
        XCTAssertTrue(winter.contains("11-18→11-30"), "the schedule: \(winter)")
        XCTAssertTrue(winter.hasSuffix(" !~"), "override ! and overlap ~ as symbols: \(winter)")
        let friday = console.screen.lines.first { $0.contains("Black Friday") } ?? ""
        XCTAssertFalse(friday.contains("!") || friday.contains("~"), friday)
        XCTAssertEqual(console.screen.line(1).contains("!~"), true, "the flags column is titled by its symbols")
    }

    func testTheStateFilterKeepsOnlyPromotionsInThatStateAtTheClock() {
        let console = promotions()
        console.press(.character("/"))
        console.type("state:active")
        console.press(.enter)
        XCTAssertEqual(console.state.table.rows.map(\.id), [2], console.screen.text)
        console.press(.character("/"))
        console.press(.control("w"))
        console.type("state:soon")
        XCTAssertTrue(console.screen.statusLine.contains("state is scheduled, active, paused, expired or exhausted"),
                      console.screen.statusLine)
    }

    func testPromotionNamesWithControlCharactersReachTheScreenOnlyAsVisiblePlaceholders() {
        var nasty = Fixtures.promotions[1].promotion
        nasty.name = "Sale\u{1B}[2J\u{202E}"
        let shop = FakeShop(promotions: [PromotionListItem(sortKey: SortKey([.integer(1)]), promotion: nasty)])
        shop.promotionData.overlaps[2] = [PromotionOverlap(
            promotion: nasty, combines: true, sharedVariants: 1, from: fixedNow, until: nil)]
        let writer = ScriptedWriter()
        let console = promotions(writer, shop: shop)
        assertNoRawControls(console.screen)
        XCTAssertTrue(console.screen.text.contains("␛[2J"), console.screen.text)
        console.press(.character("O"))
        assertNoRawControls(console.screen)
        console.press(.escape, .character("K"))
        assertNoRawControls(console.screen)
    }

    // MARK: - The form

    func testNInPromotionsOpensTheFormAndSavesANewPromotionThroughTheWritePath() throws {
        let writer = ScriptedWriter()
        let console = promotions(writer)
        newTeaWeek(console)
        XCTAssertTrue(console.screen.text.contains("New promotion"), console.screen.text)
        console.press(.control("s"))
        guard case .createPromotion(let promotion, let override) = try XCTUnwrap(writer.commands.first) else {
            return XCTFail("\(writer.commands)")
        }
        XCTAssertFalse(override)
        XCTAssertEqual(promotion.name, "Tea Week")
        XCTAssertEqual(promotion.kind, .percentage)
        XCTAssertEqual(promotion.percentBasisPoints, 3000)
        XCTAssertEqual(promotion.scope, .category)
        XCTAssertEqual(promotion.scopeValue, "Tea")
        XCTAssertEqual(promotion.trigger, .automatic)
        XCTAssertEqual(promotion.startsAt, Timestamp(iso8601: "2026-11-20")!)
        XCTAssertEqual(promotion.endsAt, Timestamp(iso8601: "2026-11-27")!)
        XCTAssertEqual(console.state.mode, .browse)
        XCTAssertTrue(console.screen.statusLine.contains("saved new promotion Tea Week"), console.screen.statusLine)
    }

    func testExclusionsChannelMinimumUnitsAndTheKindsItCombinesWithAreSavedAsTyped() throws {
        let writer = ScriptedWriter()
        let console = promotions(writer)
        newTeaWeek(console)
        fill(console, "Except", "variants: TEA-SAMPLE | TEA-GIFT; tags: clearance")
        fill(console, "Channel", "web")
        fill(console, "Minimum units", "2")
        fill(console, "Combines", "shipping, percent")
        console.press(.control("s"))
        guard case .createPromotion(let promotion, false) = try XCTUnwrap(writer.commands.first) else {
            return XCTFail("\(writer.commands)")
        }
        XCTAssertEqual(promotion.excludedVariants, ["TEA-SAMPLE", "TEA-GIFT"])
        XCTAssertEqual(promotion.excludedTags, ["clearance"])
        XCTAssertEqual(promotion.channel, "web")
        XCTAssertEqual(promotion.minimumQuantity, 2)
        XCTAssertTrue(promotion.combines)
        XCTAssertEqual(promotion.combinesWithKinds, [.freeShipping, .percentage])
    }

    func testAnExclusionOfSomethingThatCannotBeExcludedIsShownUnderExcept() {
        let writer = ScriptedWriter()
        let console = promotions(writer)
        newTeaWeek(console)
        fill(console, "Except", "vendors: Acme")
        console.press(.control("s"))
        XCTAssertTrue(lineUnder(console, "Except").contains("\"vendors\" cannot be excluded"), console.screen.text)
        XCTAssertTrue(writer.commands.isEmpty)
    }

    func testAnEndBeforeTheStartIsShownUnderTheEndsFieldAndNothingIsSent() {
        let writer = ScriptedWriter()
        let console = promotions(writer)
        newTeaWeek(console)
        fill(console, "Ends (UTC)", "2026-11-10")
        console.press(.control("s"))
        XCTAssertTrue(lineUnder(console, "Ends (UTC)").contains("the promotion ends before it starts"), console.screen.text)
        XCTAssertTrue(writer.commands.isEmpty)
    }

    func testAPercentageOver100OrAtZeroIsShownUnderTheValueField() {
        let writer = ScriptedWriter()
        let console = promotions(writer)
        newTeaWeek(console)
        for typed in ["150", "0", "-5"] {
            fill(console, "Value", typed)
            console.press(.control("s"))
            XCTAssertTrue(lineUnder(console, "Value").contains("a percentage must be above 0 and at most 100"),
                          "\(typed): \(console.screen.text)")
        }
        XCTAssertTrue(writer.commands.isEmpty)
    }

    func testAnEmptyScopeIsShownUnderAppliesTo() {
        let writer = ScriptedWriter()
        let console = promotions(writer)
        newTeaWeek(console)
        fill(console, "Applies to", "category:")
        console.press(.control("s"))
        XCTAssertTrue(lineUnder(console, "Applies to").contains("the \"category\" scope names no categories"), console.screen.text)
        XCTAssertTrue(writer.commands.isEmpty)
    }

    func testACodeAlreadyInUseRefusedByTheStoreIsShownUnderTheCodeFieldWithTheTypedValuesKept() {
        let writer = ScriptedWriter()
        writer.answers = [.invalid(ValidationError(
            field: "code", message: "code WARM15 is already in use by \"Winter Sale\"", hint: "choose another code"))]
        let console = promotions(writer)
        newTeaWeek(console)
        fill(console, "Code", "warm15")
        console.press(.control("s"))
        XCTAssertTrue(lineUnder(console, "Code").contains("code WARM15 is already in use by \"Winter Sale\""), console.screen.text)
        guard case .form(let form) = console.state.mode else { return XCTFail("the form stays open") }
        XCTAssertEqual(form.text("name"), "Tea Week")
    }

    func testCapitalEEditsTheSelectedPromotionAgainstTheVersionShown() throws {
        let writer = ScriptedWriter()
        let console = promotions(writer)
        console.press(.character("E"))
        XCTAssertTrue(console.screen.text.contains("Edit promotion Black Friday"), console.screen.text)
        fill(console, "Value", "20")
        console.press(.control("s"))
        guard case .editPromotion(let id, let version, let promotion, false) = try XCTUnwrap(writer.commands.first) else {
            return XCTFail("\(writer.commands)")
        }
        XCTAssertEqual([id, version], [3, 1])
        XCTAssertEqual(promotion.percentBasisPoints, 2000)
        XCTAssertEqual(promotion.code, "BF26", "the code is kept")
    }

    // MARK: - Pause, duplicate, end now

    func testPPausesTheSelectedPromotionThroughTheWritePath() {
        let writer = ScriptedWriter()
        let console = promotions(writer)
        console.press(.character("j"), .character("p"))
        XCTAssertSent(writer.commands, [.setPromotionPaused(id: 2, expectedVersion: 1, paused: true, overrideMarginGuard: false)])
        XCTAssertTrue(console.screen.statusLine.contains("paused Winter Sale"), console.screen.statusLine)
    }

    func testCDuplicatesThePromotion() {
        let writer = ScriptedWriter()
        let console = promotions(writer)
        console.press(.character("c"))
        XCTAssertSent(writer.commands, [.duplicatePromotion(id: 3)])
        XCTAssertTrue(console.screen.statusLine.contains("duplicated Black Friday as a paused copy"), console.screen.statusLine)
    }

    func testCapitalXAsksBeforeEndingAndTheAnswerDefaultsToNo() {
        let writer = ScriptedWriter()
        let console = promotions(writer)
        console.press(.character("j"), .character("X"))
        XCTAssertTrue(console.screen.flowingText.contains("End Winter Sale now?"), console.screen.text)
        console.press(.enter)
        XCTAssertTrue(writer.commands.isEmpty, "Enter is No")
        console.press(.character("X"), .character("y"))
        XCTAssertSent(writer.commands, [.endPromotionNow(id: 2, expectedVersion: 1)])
    }

    // MARK: - The margin guard

    func testTheMarginGuardListsTheVariantsAndPromotionsAndSavesOnlyWithAnExplicitOverride() throws {
        let writer = ScriptedWriter()
        writer.answers = [.promotionBelowMargin([Self.lowMargin]), .promotionBelowMargin([Self.lowMargin]), nil]
        let console = promotions(writer)
        newTeaWeek(console)
        console.press(.control("s"))
        let text = console.screen.text
        XCTAssertTrue(text.contains("Margin guard: Tea Week sells 1 variant under the floor"), text)
        let line = console.screen.lines.first { $0.contains("MUG-SPECK-S") } ?? ""
        XCTAssertTrue(line.contains("Speckled Mug") && line.contains("! €7.00") && line.contains("€12.86") && line.contains("Tea Week"),
                      line)
        XCTAssertTrue(console.screen.statusLine.contains("y saves anyway"), console.screen.statusLine)
        console.press(.escape)
        guard case .form(let form) = console.state.mode else { return XCTFail("No goes back to the form") }
        XCTAssertEqual(form.text("value"), "30", "the typed values are kept")
        XCTAssertEqual(writer.commands.count, 1)
        console.press(.control("s"), .character("y"))
        guard case .createPromotion(let promotion, true) = try XCTUnwrap(writer.commands.last) else {
            return XCTFail("the same command with the override: \(writer.commands)")
        }
        XCTAssertEqual(promotion.name, "Tea Week")
        XCTAssertTrue(console.screen.statusLine.contains("margin override recorded in the audit log"), console.screen.statusLine)
    }

    func testResumingAPromotionTheGuardRefusesOpensItsListAndOverridesWithY() {
        let writer = ScriptedWriter()
        writer.answers = [.promotionBelowMargin([Self.lowMargin]), nil]
        var paused = Fixtures.promotions[1].promotion
        paused.paused = true
        let console = promotions(writer, shop: FakeShop(promotions: [PromotionListItem(sortKey: SortKey([.integer(1)]), promotion: paused)]))
        console.press(.character("p"))
        guard case .marginGuard = console.state.mode else { return XCTFail("\(console.state.mode)") }
        console.press(.character("y"))
        XCTAssertSent(writer.commands.suffix(1), [.setPromotionPaused(id: 2, expectedVersion: 1, paused: false, overrideMarginGuard: true)])
    }

    func testAManyVariantGuardListScrolls() {
        let writer = ScriptedWriter()
        let many = (1...40).map { number in
            MarginGuardViolation(
                variantID: Int64(number), sku: "TEA-\(number)", productTitle: "Tea \(number)", regularPrice: Fixtures.euros(1000),
                cost: Fixtures.euros(800), worstUnitPrice: Fixtures.euros(850), quantity: 1, lowestAllowed: Fixtures.euros(1143),
                isBelowCost: false, promotionIDs: [0], promotionNames: ["Tea Week"])
        }
        writer.answers = [.promotionBelowMargin(many)]
        let console = promotions(writer)
        newTeaWeek(console)
        console.press(.control("s"))
        XCTAssertFalse(console.screen.text.contains("TEA-40 "), console.screen.text)
        XCTAssertTrue(console.screen.text.contains("~ €8.50"), "under the floor, above cost: ~")
        console.press(.pageDown, .pageDown)
        XCTAssertTrue(console.screen.text.contains("TEA-40 "), console.screen.text)
    }

    // MARK: - Codes

    private func shopWithCodes(_ count: Int) -> FakeShop {
        let shop = Fixtures.demoShop()
        shop.promotionData.codes[3] = (1...count).map { "BF-" + String(repeating: "0", count: 4 - String($0).count) + String($0) }
        return shop
    }

    func testCapitalKListsTheCodesAWindowAtATime() {
        let shop = shopWithCodes(500)
        let console = promotions(shop: shop)
        shop.resetReadCounters()
        console.press(.character("K"))
        XCTAssertTrue(console.screen.text.contains("Codes of Black Friday — 500"), console.screen.text)
        XCTAssertTrue(console.screen.text.contains("BF-0001"), console.screen.text)
        XCTAssertLessThan(shop.rowsFetched, 100, "a window, not every code")
        console.press(.pageDown, .pageDown)
        XCTAssertTrue(console.screen.text.contains("BF-0045"), console.screen.text)
        XCTAssertFalse(console.screen.text.contains("BF-0001"), console.screen.text)
        console.press(.escape)
        XCTAssertEqual(console.state.mode, .browse)
    }

    func testPlusInTheCodesViewGeneratesUniqueCodesWithAPrefix() {
        let writer = ScriptedWriter()
        let console = promotions(writer, shop: shopWithCodes(3))
        console.press(.character("K"), .character("+"))
        fill(console, "How many", "50")
        fill(console, "Prefix", "XMAS-")
        console.press(.control("s"))
        XCTAssertSent(writer.commands, [.generatePromotionCodes(promotionID: 3, count: 50, prefix: "XMAS-", seed: nil)])
        guard case .codes = console.state.mode else { return XCTFail("back to the codes: \(console.state.mode)") }
    }

    func testAskingForMoreCodesThanTheMaximumIsShownUnderHowMany() {
        let writer = ScriptedWriter()
        let console = promotions(writer, shop: shopWithCodes(3))
        console.press(.character("K"), .character("+"))
        fill(console, "How many", "20000")
        console.press(.control("s"))
        XCTAssertTrue(lineUnder(console, "How many").contains("20000 codes cannot be generated at once"), console.screen.text)
        XCTAssertTrue(writer.commands.isEmpty)
    }

    func testWInTheCodesViewWritesThemToTheTypedFile() {
        let shop = shopWithCodes(12)
        let console = promotions(shop: shop)
        console.press(.character("K"), .character("w"))
        console.press(.control("u"))
        console.type("bf-codes.csv")
        console.press(.enter)
        XCTAssertEqual(shop.promotionData.exportedCodes.map(\.path), ["bf-codes.csv"])
        XCTAssertEqual(shop.promotionData.exportedCodes.map(\.promotionID), [3])
        XCTAssertTrue(console.screen.statusLine.contains("wrote 12 codes to bf-codes.csv"), console.screen.statusLine)
        guard case .codes = console.state.mode else { return XCTFail("back to the codes") }
    }

    // MARK: - Overlaps and usage

    func testCapitalOShowsTheOverlappingPromotionsSideBySideWithWhichCombineAndWhichExclude() {
        let shop = Fixtures.demoShop()
        var stacking = Fixtures.promotions[0].promotion
        stacking.name = "Tea Lovers"
        shop.promotionData.overlaps[2] = [
            PromotionOverlap(promotion: Fixtures.promotions[2].promotion, combines: false, sharedVariants: 12,
                             from: fixedNow.adding(days: 7), until: fixedNow.adding(days: 9)),
            PromotionOverlap(promotion: stacking, combines: true, sharedVariants: 3, from: fixedNow, until: nil),
        ]
        let console = promotions(shop: shop)
        console.press(.character("j"), .character("O"))
        let lines = console.screen.lines
        XCTAssertTrue(lines[1].contains("Overlaps of Winter Sale"), console.screen.text)
        let friday = lines.first { $0.contains("Black Friday") } ?? ""
        XCTAssertTrue(friday.contains("× excludes") && friday.contains("12 shared") && friday.contains("11-27→11-29"), friday)
        let tea = lines.first { $0.contains("Tea Lovers") } ?? ""
        XCTAssertTrue(tea.contains("+ combines") && tea.contains("3 shared"), tea)
        XCTAssertTrue(console.screen.text.contains("1 combine"), console.screen.text)
    }

    func testCapitalUShowsUsesOrdersRevenueAndDiscountPerCode() {
        let shop = Fixtures.demoShop()
        let figures = PromotionUsageFigures(orders: 4, units: 9, revenue: Fixtures.euros(23_450), discount: Fixtures.euros(3_120))
        shop.promotionData.usage[2] = PromotionUsageReport(
            promotionID: 2, recordedUses: 5, totals: figures,
            codes: [PromotionCodeUsage(code: "WARM15", recordedUses: 5, figures: figures)], codesUsed: 1)
        let console = promotions(shop: shop)
        console.press(.character("j"), .character("U"))
        let text = console.screen.text
        for expected in ["Usage of Winter Sale", "Uses recorded   5", "Orders          4", "Revenue         €234.50",
                         "Discount given  €31.20"] {
            XCTAssertTrue(text.contains(expected), "\(expected):\n\(text)")
        }
        let code = console.screen.lines.first { $0.contains("WARM15") } ?? ""
        XCTAssertTrue(code.contains("€234.50") && code.contains("€31.20"), code)
    }

    // MARK: - Explain a price

    func testXInPricingExplainsThePriceWithTheTypedCodeStepByStep() {
        let console = Console(shop: Fixtures.demoShop(), width: 100)
        console.press(.character("2"), .character("x"))
        XCTAssertTrue(console.screen.text.contains("Explain the price of MUG-BLUE-L"), console.screen.text)
        fill(console, "Code", "warm15")
        console.press(.control("s"))
        let text = console.screen.text
        XCTAssertTrue(text.contains("Price of MUG-BLUE-L — Blue Enamel Mug"), text)
        XCTAssertTrue(text.contains("Price now       €15.30"), text)
        XCTAssertTrue(text.contains("Winter Sale: 15.0% off"), text)
        XCTAssertTrue(text.contains("Black Friday: skipped, not started"), text)
        XCTAssertTrue(text.contains("= €15.30"), text)
    }

    func testWithoutTheCodeTheExplanationSaysTheCodePromotionNeedsIt() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("2"), .character("x"), .control("s"))
        XCTAssertTrue(console.screen.text.contains("Winter Sale: skipped, needs its code"), console.screen.text)
        XCTAssertTrue(console.screen.text.contains("= €18.00"), console.screen.text)
    }

    func testXInPromotionsAsksForAVariantOfItsScopeWithItsCodeFilledIn() {
        let console = promotions()
        console.press(.character("j"), .character("x"))
        guard case .form(let form) = console.state.mode else { return XCTFail("\(console.state.mode)") }
        XCTAssertEqual(form.text("sku"), "MUG-BLUE-L")
        XCTAssertEqual(form.text("code"), "WARM15")
        XCTAssertEqual(form.text("date"), "2026-11-20")
        fill(console, "SKU", "NOPE-1")
        console.press(.control("s"))
        XCTAssertTrue(lineUnder(console, "SKU").contains("there is no variant with SKU \"NOPE-1\""), console.screen.text)
        fill(console, "SKU", "MUG-BLUE-L")
        console.press(.control("s"))
        XCTAssertTrue(console.screen.text.contains("= €15.30"), console.screen.text)
    }

    // MARK: - Pricing under promotions

    func testPricingShowsTheEffectivePriceAndRunningPromotionsReadOnlyForTheRowsRead() {
        var automatic = Fixtures.promotions[1].promotion
        automatic.trigger = .automatic
        automatic.code = nil
        let prices = (1...300).map { number in
            VariantPriceItem(id: Int64(number), sortKey: SortKey([.integer(Int64(number))]), sku: "SKU-\(number)",
                             productTitle: "Mug \(number)", optionSummary: "L", price: Fixtures.euros(2000),
                             compareAtPrice: nil, cost: Fixtures.euros(500))
        }
        let shop = FakeShop(prices: prices, promotions: [PromotionListItem(sortKey: SortKey([.integer(1)]), promotion: automatic)])
        let console = Console(shop: shop, width: 140)
        console.press(.character("2"))
        let row = console.screen.lines.first { $0.contains("SKU-1 ") } ?? ""
        XCTAssertTrue(row.contains("€17.00"), "20.00 less 15%: \(row)")
        XCTAssertTrue(row.contains("1 Winter Sale"), row)
        XCTAssertTrue(console.screen.line(1).contains("Now") && console.screen.line(1).contains("Promotions"), console.screen.line(1))
        let asked = shop.promotionData.summaryRequests.flatMap { $0 }
        XCTAssertFalse(asked.isEmpty)
        XCTAssertLessThan(asked.count, 100, "only the rows read, never the whole table")
    }

    func testAPriceNoPromotionChangesShowsAnEqualsSign() {
        let console = Console(shop: Fixtures.demoShop())
        console.press(.character("2"))
        let row = console.screen.lines.first { $0.contains("MUG-BLUE-L") } ?? ""
        XCTAssertTrue(row.hasSuffix(" ="), row)
    }
}

/// Commands compare by what they say (the enum is not Equatable: it carries imported records).
func XCTAssertSent<C: Collection>(_ sent: C, _ expected: [WriteCommand], file: StaticString = #filePath, line: UInt = #line)
where C.Element == WriteCommand {
    XCTAssertEqual(sent.map { String(describing: $0) }, expected.map { String(describing: $0) }, file: file, line: line)
}
