import ShopKit
@testable import ShopUI
import XCTest

/// `:import` and `:export` in the console: the command is read, the work reports its progress,
/// and the summary is shown as a report.
final class ExchangeCommandTests: XCTestCase {
    /// Records what it was asked and answers as told.
    final class RecordingExchanger: ShopExchanging, @unchecked Sendable {
        var imports: [(ImportKind, String, Bool)] = []
        var exports: [(ExportTarget, String)] = []
        var progressSeen: [ImportProgress] = []
        var failure: String?

        struct Failure: Error, CustomStringConvertible { let description: String }

        func importFile(
            _ kind: ImportKind, path: String, dryRun: Bool, progress: @escaping @Sendable (ImportProgress) -> Void
        ) throws -> ImportSummary {
            imports.append((kind, path, dryRun))
            if let failure { throw Failure(description: failure) }
            progress(ImportProgress(rowsDone: 10, bytesRead: 500, totalBytes: 1000))
            var summary = ImportSummary()
            summary.rows = 20
            summary.productsCreated = 3
            summary.variantsCreated = 7
            summary.dryRun = dryRun
            return summary
        }

        func exportFile(_ target: ExportTarget, path: String) throws -> Int {
            exports.append((target, path))
            if let failure { throw Failure(description: failure) }
            return 42
        }
    }

    private func console(_ exchanger: RecordingExchanger) -> Console {
        let shop = Fixtures.demoShop()
        return Console(shop: shop, writer: shop, exchanger: exchanger)
    }

    func testAColonCommandImportsTheFileAndShowsTheSummaryAsAReport() {
        let exchanger = RecordingExchanger()
        let console = console(exchanger)
        console.press(.character(":"))
        XCTAssertTrue(console.screen.statusLine.hasPrefix(" :"), console.screen.statusLine)
        console.type("import products new arrivals.csv")
        console.press(.enter)
        XCTAssertEqual(exchanger.imports.map(\.1), ["new arrivals.csv"], "a file name may hold spaces")
        XCTAssertEqual(exchanger.imports.first?.0, .products)
        let text = console.screen.text
        XCTAssertTrue(text.contains("Import of products from new arrivals.csv"), text)
        XCTAssertTrue(text.contains("products: 3 created, 0 updated, 0 unchanged"), text)
        XCTAssertTrue(console.screen.statusLine.contains("done — Esc goes back"), console.screen.statusLine)
        console.press(.escape)
        guard case .browse = console.state.mode else { return XCTFail("\(console.state.mode)") }
    }

    func testADryRunSaysNothingWasWritten() {
        let exchanger = RecordingExchanger()
        let console = console(exchanger)
        console.press(.character(":"))
        console.type("import inventory counts.csv --dry-run")
        console.press(.enter)
        XCTAssertEqual(exchanger.imports.first?.2, true)
        XCTAssertTrue(console.screen.text.contains("dry run: nothing was written"), console.screen.text)
    }

    func testAFailedImportSaysWhyAndThatNothingWasImported() {
        let exchanger = RecordingExchanger()
        exchanger.failure = "shop.csv: the columns match no known layout"
        let console = console(exchanger)
        console.press(.character(":"))
        console.type("import products shop.csv")
        console.press(.enter)
        let text = console.screen.text
        XCTAssertTrue(text.contains("the columns match no known layout") && text.contains("nothing was imported"), text)
        XCTAssertTrue(console.screen.statusLine.contains("failed"), console.screen.statusLine)
    }

    func testAnExportWritesTheFileAndCountsTheRows() {
        let exchanger = RecordingExchanger()
        let console = console(exchanger)
        console.press(.character(":"))
        console.type("export reorder po.csv")
        console.press(.enter)
        XCTAssertEqual(exchanger.exports.first?.0, .reorder)
        XCTAssertTrue(console.screen.text.contains("wrote 42 rows to po.csv"), console.screen.text)
    }

    func testAnUnknownCommandKeepsThePromptAndSaysWhatCanBeTyped() {
        let exchanger = RecordingExchanger()
        let console = console(exchanger)
        console.press(.character(":"))
        console.type("import recipes x.csv")
        console.press(.enter)
        XCTAssertTrue(console.screen.statusLine.contains("cannot import \"recipes\""), console.screen.statusLine)
        guard case .commandPrompt = console.state.mode else { return XCTFail("the prompt stays") }
        console.press(.tab)
        XCTAssertTrue(console.screen.statusLine.contains("import products|inventory|discounts"), console.screen.statusLine)
        XCTAssertTrue(exchanger.imports.isEmpty)
    }

    func testTheCommandsAreReadAsTyped() throws {
        XCTAssertEqual(try PromptCommand.parse("IMPORT Discounts d.csv"), .importFile(.discounts, path: "d.csv", dryRun: false))
        XCTAssertEqual(try PromptCommand.parse("export stock my stock.csv"), .export(.stock, path: "my stock.csv"))
        XCTAssertThrowsError(try PromptCommand.parse("export audit --dry-run a.csv")) {
            XCTAssertTrue("\($0)".contains("--dry-run is for imports"), "\($0)")
        }
        XCTAssertThrowsError(try PromptCommand.parse("import products")) { XCTAssertTrue("\($0)".contains("incomplete")) }
    }

    func testAnImportUnderWayShowsRowsShareRateAndTimeLeft() {
        var state = AppState(width: 80, height: 24, overview: FakeShop.defaultOverview, databaseLabel: "x.db", isReadOnly: false,
                             now: fixedNow)
        state.mode = .working(ExchangeProgress(title: "Import of products from big.csv", rowsDone: 12_345, permille: 450,
                                               rowsPerSecond: 1_100, secondsLeft: 150))
        let text = Screen.render(state, theme: .monochrome).text
        XCTAssertTrue(text.contains("12,345 rows · 45% · 1,100 rows/s · about 2m left"), text)
        XCTAssertTrue(text.contains("Ctrl-C stops it"), text)
    }
}
