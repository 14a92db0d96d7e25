import Foundation
import XCTest

/// Goods in, a stocktake and the purchase order, in the real console: every change a movement
/// in the ledger, the reorder list written as CSV.
final class StockEndToEndTests: XCTestCase {
    private var database = ""

    override func setUpWithError() throws {
        guard (try? TmuxSession.run("/usr/bin/env", ["tmux", "-V"]))?.hasPrefix("tmux") == true else {
            throw XCTSkip("tmux is not installed; .ci/run installs it")
        }
        ConsoleEndToEndTests.setUp()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shopdesk-e2e-stock-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("shop.db").path
        try FileManager.default.copyItem(atPath: ConsoleEndToEndTests.demoDatabase, toPath: database)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (database as NSString).deletingLastPathComponent)
    }

    /// "on hand N" on the detail line of a location.
    private func onHand(_ screen: String, location: String) -> Int? {
        guard let line = screen.components(separatedBy: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(location + " ") }),
              let range = line.range(of: "on hand ") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber))
    }

    /// The screen with runs of spaces as one, so column widths do not matter.
    private func squeezed(_ screen: String) -> String {
        screen.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    func testReceiveTwelveThenAStocktakeFindsTwoMissingAndTheReorderListIsWrittenAsCSV() throws {
        let sku = "NLO-BOT-0039-39"
        let session = try TmuxSession(command: "\(TmuxSession.quote(Binary.shopdesk)) --db \(TmuxSession.quote(database))")
        try session.waitFor(text: "row 1 of 162 products")
        try session.send("4")
        try session.waitFor(text: "Stock · row 1 of 507 SKUs")
        try session.send("/")
        try session.send(sku, literal: true)
        try session.send("Enter")
        try session.waitFor(text: "row 1 of 1 SKUs")
        try session.send("Enter")
        let before = try XCTUnwrap(onHand(try session.waitFor(text: "Stock by location"), location: "BER"))

        // Goods in: 12 with the purchase order as reference.
        try session.send("Escape")
        try session.send("r")
        try session.waitFor(text: "Receive \(sku)")
        try session.send("Tab")
        try session.send("12", literal: true)
        try session.send("Tab")
        try session.send("PO-E2E-12", literal: true)
        try session.send("C-s")
        try session.waitFor(text: "saved receive of")
        try session.send("Enter")
        let level = try session.waitFor(text: "Stock by location")
        XCTAssertEqual(onHand(level, location: "BER"), before + 12, level)
        try session.send("NPage")
        let received = try session.waitFor("the receipt in the ledger") { $0.contains("PO-E2E-12") }
        XCTAssertTrue(squeezed(received).contains("BER receipt +12 = \(before + 12) PO-E2E-12"), received)

        // The stocktake finds two fewer on the shelf: the difference is booked, not the level.
        try session.send("Escape")
        try session.send("C")
        try session.waitFor(text: "Count (stocktake) \(sku)")
        try session.send("Tab")
        try session.send(String(before + 10), literal: true)
        try session.send("Tab")
        try session.send("count E2E", literal: true)
        try session.send("C-s")
        try session.waitFor(text: "saved count of")
        try session.send("Enter")
        let recount = try session.waitFor(text: "Stock by location")
        XCTAssertEqual(onHand(recount, location: "BER"), before + 10, recount)
        try session.send("NPage")
        let counted = try session.waitFor("the correction in the ledger") { $0.contains("count E2E") }
        XCTAssertTrue(squeezed(counted).contains("BER stocktake -2 = \(before + 10) count E2E"), counted)

        // The reorder list, written for the purchase order.
        try session.send("Escape")
        try session.send("Escape")
        try session.send("R")
        try session.waitFor(text: "Reorder list")
        try session.send("w")
        try session.waitFor(text: "Write CSV to: reorder-")
        try session.send("Enter")
        let written = try session.waitFor(text: "lines to reorder-")
        let files = try FileManager.default.contentsOfDirectory(atPath: session.workDirectory.path).filter { $0.hasPrefix("reorder-") }
        XCTAssertEqual(files.count, 1, written)
        let csv = try String(contentsOf: session.workDirectory.appendingPathComponent(files[0]), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("vendor,sku,product,options,available,on_hand,"), csv)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count - 1
        XCTAssertTrue(written.contains("wrote \(lines) lines"), "the message counts the lines in the file:\n\(written)")
        XCTAssertGreaterThan(lines, 0)
        try session.send("Escape")
        try session.send("q")
        try session.waitFor(text: "EXIT=0 TTY=same")
    }
}
