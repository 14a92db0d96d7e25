import Foundation
import XCTest

/// Editing prices in the real console, as a shop manager does it: in place, and in bulk.
final class PricingEndToEndTests: XCTestCase {
    private var database = ""

    override func setUpWithError() throws {
        guard (try? TmuxSession.run("/usr/bin/env", ["tmux", "-V"]))?.hasPrefix("tmux") == true else {
            throw XCTSkip("tmux is not installed; .ci/run installs it")
        }
        // Each test edits its own copy of the demo shop.
        ConsoleEndToEndTests.setUp()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shopdesk-e2e-pricing-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("shop.db").path
        try FileManager.default.copyItem(atPath: ConsoleEndToEndTests.demoDatabase, toPath: database)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (database as NSString).deletingLastPathComponent)
    }

    private func console() throws -> TmuxSession {
        try TmuxSession(command: "\(TmuxSession.quote(Binary.shopdesk)) --db \(TmuxSession.quote(database))")
    }

    /// The price cells (€…) of screen line `line`.
    private func prices(_ screen: String, line: Int) -> [String] {
        let lines = screen.components(separatedBy: "\n")
        guard lines.indices.contains(line) else { return [] }
        return lines[line].split(separator: " ").filter { $0.hasPrefix("€") }.map(String.init)
    }

    func testPriceEditedInPlaceSurvivesARestartAndShowsInTheHistoryWithTheUser() throws {
        let user = try TmuxSession.run("/usr/bin/env", ["id", "-un"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var session = try console()
        try session.waitFor(text: "row 1 of 162 products")
        try session.send("2")
        try session.waitFor(text: "Pricing · row 1 of 507 variants")
        try session.send("e")
        try session.waitFor(text: "Editing price")
        try session.send("C-u")
        try session.send("149.95", literal: true)
        try session.send("Enter")
        let saved = try session.waitFor(text: "saved price of")
        XCTAssertTrue(saved.contains("€149.95"), saved)
        try session.send("q")
        try session.waitFor(text: "EXIT=0 TTY=same")

        session = try console()
        try session.waitFor(text: "row 1 of 162 products")
        try session.send("2")
        let again = try session.waitFor(text: "Pricing · row 1 of 507 variants")
        XCTAssertEqual(prices(again, line: 2).first, "€149.95", "the new price is stored:\n\(again)")
        try session.send("Enter")
        let detail = try session.waitFor("the price history") { $0.contains("Price history") && $0.contains("→ €149.95") }
        XCTAssertTrue(detail.contains(user), "the history names who changed the price (\(user)):\n\(detail)")
        try session.send("Escape")
        try session.send("q")
        try session.waitFor(text: "EXIT=0 TTY=same")
    }

    func testThreeMarkedVariantsRaisedTenPercentWithNinetyNineEndingAreUndoneInOneStep() throws {
        let session = try console()
        try session.waitFor(text: "row 1 of 162 products")
        try session.send("2")
        let before = try session.waitFor(text: "Pricing · row 1 of 507 variants")
        let oldPrices = (2...4).map { prices(before, line: $0).first ?? "" }
        try session.send("Space")
        try session.send("Space")
        try session.send("Space")
        try session.waitFor(text: "3 marked")
        try session.send("b")
        try session.waitFor(text: "Bulk price for 3 marked")
        try session.send("+10% .99", literal: true)
        try session.send("Enter")
        let preview = try session.waitFor("the preview") { $0.contains("Apply? y") && $0.contains("3 change") }
        XCTAssertTrue(preview.contains("Bulk price +10% .99 — 3 variants"), preview)
        try session.send("y")
        let applied = try session.waitFor(text: "saved bulk price +10% .99 on 3 variants")
        let newPrices = (2...4).map { prices(applied, line: $0).first ?? "" }
        for (old, new) in zip(oldPrices, newPrices) {
            XCTAssertNotEqual(old, new, applied)
            XCTAssertTrue(new.hasSuffix(".99"), "\(new) should end in .99:\n\(applied)")
        }
        try session.send("u")
        let undone = try session.waitFor(text: "undone: bulk price")
        XCTAssertEqual((2...4).map { prices(undone, line: $0).first ?? "" }, oldPrices, undone)
        try session.send("q")
        try session.waitFor(text: "EXIT=0 TTY=same")
    }
}
