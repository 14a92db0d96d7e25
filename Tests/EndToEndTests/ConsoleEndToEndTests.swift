import Foundation
import XCTest

/// The real binary in a real terminal (tmux), on the demo shop: what a person sees and types.
final class ConsoleEndToEndTests: XCTestCase {
    /// One demo database shared by the tests of this class (loading it is the slow part).
    nonisolated(unsafe) static var demoDatabase: String = ""

    override class func setUp() {
        super.setUp()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shopdesk-e2e-db-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        demoDatabase = directory.appendingPathComponent("demo.db").path
        if !FileManager.default.fileExists(atPath: demoDatabase) {
            _ = try? Binary.run(["init", "--demo", "--db", demoDatabase])
        }
    }

    override func setUpWithError() throws {
        guard (try? TmuxSession.run("/usr/bin/env", ["tmux", "-V"]))?.hasPrefix("tmux") == true else {
            throw XCTSkip("tmux is not installed; .ci/run installs it")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: Self.demoDatabase), "the demo database was not created")
    }

    private func console(_ arguments: String = "", width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws -> TmuxSession {
        try TmuxSession(
            width: width, height: height,
            command: "\(TmuxSession.quote(Binary.shopdesk)) --db \(TmuxSession.quote(Self.demoDatabase)) \(arguments)",
            environment: environment)
    }

    func testConsoleShowsTabsAndDemoRowsSwitchesPanesFiltersShowsHelpAndQuitsRestoringTheTerminal() throws {
        let session = try console()
        let first = try session.waitFor("the first screen with a row count") { $0.contains("row 1 of 162 products") }
        for tab in ["1 Catalog", "2 Pricing", "3 Promotions", "4 Stock", "5 Complaints"] {
            XCTAssertTrue(first.contains(tab), "tab \(tab) missing:\n\(first)")
        }
        XCTAssertTrue(first.contains("Alpaca Lounge Socks"), "demo rows missing:\n\(first)")

        try session.send("3")
        let promotions = try session.waitFor(text: "Promotions · row 1 of 15 promotions")
        XCTAssertTrue(promotions.contains("Name"), promotions)

        try session.send("/")
        try session.send("winter", literal: true)
        let filtered = try session.waitFor(text: "/winter")
        // At 80 columns the code gives way to scope, schedule and flags; the names stay.
        XCTAssertTrue(filtered.contains("Winter jackets"), "the filter should keep the WINTER15 promotion:\n\(filtered)")
        XCTAssertFalse(filtered.contains("Christmas 10"), "the filter should hide other promotions:\n\(filtered)")
        try session.send("Escape")
        try session.waitFor("the filter cleared") { $0.contains("Christmas 10") && !$0.contains("/winter") }

        try session.send("?")
        // The help is generated from the key map: its bindings and their texts appear.
        try session.waitFor("the help overlay") { $0.contains("Keys — Esc or ? closes") && $0.contains("quit at once") }
        try session.send("Escape")
        try session.waitFor("the help closed") { !$0.contains("Keys — Esc") }

        try session.send("q")
        let after = try session.waitFor(text: "EXIT=")
        XCTAssertTrue(after.contains("EXIT=0 TTY=same"), "quit should exit 0 and restore the terminal modes:\n\(after)")
        XCTAssertFalse(after.contains("1 Catalog"), "the console screen should be gone after quitting:\n\(after)")
    }

    func testTerminationHangupAndCrashSignalsAllRestoreTheTerminal() throws {
        // SIGTERM and SIGHUP quit through the normal path; SIGSEGV stands for a crash and goes
        // through the fatal-signal handler, which restores the terminal before dying.
        for (signal, status) in [(SIGTERM, 143), (SIGHUP, 129), (SIGSEGV, 139)] {
            let session = try console()
            try session.waitFor(text: "row 1 of 162 products")
            let pid = try XCTUnwrap(try session.consolePID(), "the console process was not found")
            kill(pid, signal)
            let after = try session.waitFor(text: "EXIT=")
            XCTAssertTrue(after.contains("EXIT=\(status) TTY=same"), "signal \(signal) should exit \(status) with the terminal restored:\n\(after)")
        }
    }

    func testTinyTerminalSaysItIsTooSmallAndCtrlCQuits() throws {
        let session = try console(width: 20, height: 6)
        let screen = try session.waitFor(text: "too small")
        XCTAssertFalse(screen.contains("Catalog"), "nothing else should be drawn at 20x6:\n\(screen)")
        try session.send("C-c")
        let after = try session.waitFor(text: "EXIT=")
        XCTAssertTrue(after.contains("EXIT=0 TTY=same"), "Ctrl-C should quit cleanly:\n\(after)")
    }

    func testHostileProductNameCannotClearTheScreenOrRetitleTheWindow() throws {
        let session = try console(environment: ["NO_COLOR": "1"])
        try session.waitFor(text: "row 1 of 162 products")
        try session.send("/")
        try session.send("trail mug", literal: true)
        let screen = try session.waitFor(text: "Trail Mug")
        XCTAssertTrue(screen.contains("␛[2J"), "the escape sequence should show as a visible placeholder:\n\(screen)")
        XCTAssertTrue(screen.contains("1 Catalog"), "the tab bar must survive the hostile name:\n\(screen)")
        let title = try TmuxSession.tmux(["-L", session.socket, "display-message", "-p", "-t", "e2e", "#{pane_title}"])
        XCTAssertFalse(title.contains("pwned"), "the window title changed to \(title)")
        try session.send("Enter")
        try session.send("q")
        let after = try session.waitFor(text: "EXIT=")
        XCTAssertTrue(after.contains("EXIT=0 TTY=same"), after)
    }
}
