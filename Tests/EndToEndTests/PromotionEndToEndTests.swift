import Foundation
import XCTest

/// The margin guard in the real console: a 30 % promotion on tents would sell the expedition
/// tent below cost; the save is refused with the list, refused again on No, saved on an explicit
/// override — and the override is in the audit log.
final class PromotionEndToEndTests: XCTestCase {
    private var database = ""

    override func setUpWithError() throws {
        guard (try? TmuxSession.run("/usr/bin/env", ["tmux", "-V"]))?.hasPrefix("tmux") == true else {
            throw XCTSkip("tmux is not installed; .ci/run installs it")
        }
        ConsoleEndToEndTests.setUp()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shopdesk-e2e-promo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("shop.db").path
        try FileManager.default.copyItem(atPath: ConsoleEndToEndTests.demoDatabase, toPath: database)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (database as NSString).deletingLastPathComponent)
    }

    func testAThirtyPercentTentPromotionIsRefusedBelowCostAndSavedOnlyWithAnAuditedOverride() throws {
        let session = try TmuxSession(
            width: 100, height: 30, command: "\(TmuxSession.quote(Binary.shopdesk)) --db \(TmuxSession.quote(database))")
        try session.waitFor(text: "row 1 of 162 products")
        try session.send("3")
        try session.waitFor(text: "Promotions · row 1 of")
        try session.send("n")
        try session.waitFor(text: "New promotion")
        try session.send("E2E Tents 30", literal: true)
        try session.send("Tab", "Tab")
        try session.send("30", literal: true)
        try session.send("Tab", "C-u")
        try session.send("category: Tents", literal: true)
        try session.send("C-s")

        // The guard lists the tent that would sell below cost (350.90 less 30 % = 245.63 < 301.77).
        let guardList = try session.waitFor(text: "Margin guard: E2E Tents 30 sells")
        let tent = guardList.components(separatedBy: "\n").first { $0.contains("NLO-TNT-0078") } ?? ""
        XCTAssertTrue(tent.contains("! €245.63") && tent.contains("E2E Tents 30"), guardList)

        // No (the default) saves nothing and returns to the form.
        try session.send("n")
        try session.waitFor(text: "not saved — change the promotion")
        try session.send("C-s")
        try session.waitFor(text: "Margin guard: E2E Tents 30 sells")
        try session.send("y")
        try session.waitFor(text: "margin override recorded in the audit log")
        try session.send("q")
        try session.waitFor(text: "EXIT=0 TTY=same")

        let audit = (database as NSString).deletingLastPathComponent + "/audit.csv"
        let exported = try Binary.run(["export", "audit", audit, "--db", database])
        XCTAssertEqual(exported.status, 0, exported.error)
        let rows = try String(contentsOfFile: audit, encoding: .utf8).components(separatedBy: "\r\n")
        let override = rows.filter { $0.contains("margin_guard_override") }
        XCTAssertEqual(override.count, 1, "one override, from the one save: \(override)")
        XCTAssertTrue(override.first?.contains("NLO-TNT-0078") == true, "the note names the tent: \(override)")
        XCTAssertEqual(rows.filter { $0.contains(",promotion,") && $0.contains(",name,") && $0.contains("E2E Tents 30") }.count, 1,
                       "the refused saves wrote nothing")
    }
}
