import Foundation
import XCTest

/// The complaint queue in the real console: the overdue queue, the oldest complaint taken,
/// assigned, noted and settled with a return into quarantine — and the stock ledger shows it.
final class ComplaintEndToEndTests: XCTestCase {
    private var database = ""

    override func setUpWithError() throws {
        guard (try? TmuxSession.run("/usr/bin/env", ["tmux", "-V"]))?.hasPrefix("tmux") == true else {
            throw XCTSkip("tmux is not installed; .ci/run installs it")
        }
        ConsoleEndToEndTests.setUp()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shopdesk-e2e-complaints-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("shop.db").path
        try FileManager.default.copyItem(atPath: ConsoleEndToEndTests.demoDatabase, toPath: database)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (database as NSString).deletingLastPathComponent)
    }

    private func squeezed(_ screen: String) -> String {
        screen.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The value after `label` on a detail line such as "  SKU             NLO-TEA-0144".
    private func field(_ label: String, in screen: String) -> String? {
        screen.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix(label + " ") }
            .map { String($0.dropFirst(label.count)).trimmingCharacters(in: .whitespaces) }
    }

    func testTheOldestOverdueComplaintIsAssignedNotedAndSettledIntoQuarantineAndTheLedgerShowsIt() throws {
        let user = try TmuxSession.run("/usr/bin/env", ["id", "-un"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let session = try TmuxSession(command: "\(TmuxSession.quote(Binary.shopdesk)) --db \(TmuxSession.quote(database))")
        try session.waitFor(text: "row 1 of 162 products")
        try session.send("5")
        try session.waitFor(text: "Complaints · row 1 of 72 complaints")
        try session.send("V", "V", "V")
        try session.waitFor(text: "[Overdue")
        try session.send("s")
        try session.waitFor(text: "sorted by newest first")
        try session.send("G")
        try session.send("Enter")
        let detail = try session.waitFor("the complaint's detail") { $0.contains("m mine · o assign") }
        let title = detail.components(separatedBy: "\n")[1].trimmingCharacters(in: .whitespaces)
        let number = try XCTUnwrap(title.split(separator: " ").first.map(String.init), detail)
        XCTAssertTrue(number.hasPrefix("#"), title)
        XCTAssertTrue(detail.contains("***@"), "personal data is masked: \(detail)")

        try session.send("m")
        try session.waitFor(text: "\(number): assigned to you")
        try session.send("N")
        try session.waitFor(text: "Reply template")
        try session.send("apology", literal: true)
        try session.send("C-s")
        try session.waitFor(text: "\(number): note added")

        try session.send("$")
        try session.waitFor(text: "Settle \(number)")
        try session.send("return", literal: true)
        try session.send("Tab")
        try session.send("1", literal: true)
        try session.send("Tab", "C-u")
        try session.send("QUA", literal: true)
        try session.send("Tab", "C-u")
        try session.send("damaged", literal: true)
        try session.send("C-s")
        try session.waitFor(text: "\(number): return received, resolved")
        try session.send("NPage")
        var screen = try session.waitFor(text: "Timeline")
        if field("SKU", in: screen) == nil {
            try session.send("PPage")
            screen = try session.screen()
        }
        let sku = try XCTUnwrap(field("SKU", in: screen), screen)
        try session.send("NPage", "NPage")
        let timeline = squeezed(try session.waitFor(text: "settlement"))
        XCTAssertTrue(timeline.contains("\(user) assigned"), timeline)
        XCTAssertTrue(timeline.contains("note We are sorry"), timeline)
        XCTAssertTrue(timeline.contains("settlement return of 1 received at QUA: quarantine"), timeline)

        // The stock ledger of that SKU shows the movement, referencing the complaint.
        try session.send("Escape", "4")
        try session.waitFor(text: "Stock · row 1 of")
        try session.send("/")
        try session.send(sku, literal: true)
        try session.send("Enter")
        try session.waitFor(text: "row 1 of 1 SKUs")
        try session.send("Enter")
        try session.waitFor(text: "Stock by location")
        try session.send("NPage")
        let ledger = try session.waitFor(text: "complaint \(number)")
        let line = squeezed(ledger.components(separatedBy: "\n").first { $0.contains("complaint \(number)") } ?? "")
        XCTAssertTrue(line.contains("QUA return +1 ="), "the movement into quarantine references the complaint: \(line)")
        XCTAssertTrue(line.hasSuffix(user), line)
        try session.send("Escape")
        try session.send("q")
        try session.waitFor(text: "EXIT=0 TTY=same")
    }
}
