import Foundation
import XCTest

/// The batch commands, run as a person or a script would: exit status, stdout and stderr.
final class CommandLineTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("shopdesk-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func testInitCreatesAnEmptyDatabaseThatPassesCheckAndRefusesToOverwriteItWithoutForce() throws {
        let db = path("shop.db")
        let created = try Binary.run(["init", "--db", db])
        XCTAssertEqual(created.status, 0, created.error)
        let checked = try Binary.run(["check", "--db", db])
        XCTAssertEqual(checked.status, 0, checked.error)
        XCTAssertTrue(checked.output.contains("ok:"), checked.output)
        XCTAssertTrue(checked.output.contains("products: 0"), checked.output)

        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let again = try Binary.run(["init", "--db", db])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.error.contains("already exists") && again.error.contains("--force"), again.error)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before, "a refused init must not touch the file")

        let forced = try Binary.run(["init", "--db", db, "--force"])
        XCTAssertEqual(forced.status, 0, forced.error)
    }

    func testFileOfAnotherApplicationIsRefusedWithAMessageAndLeftUnchanged() throws {
        let other = path("other.db")
        _ = try TmuxSession.run("/usr/bin/env", ["sqlite3", other, "PRAGMA application_id = 42; CREATE TABLE t(x);"])
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        let result = try Binary.run(["check", "--db", other])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.error.contains("another application"), result.error)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: other)), before)
    }

    func testUnknownThemeIsRefusedBeforeTheConsoleStartsNamingTheBundledThemes() throws {
        let db = path("shop.db")
        XCTAssertEqual(try Binary.run(["init", "--db", db]).status, 0)
        let result = try Binary.run(["--db", db, "--theme", "neon"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.error.contains("no theme named neon") && result.error.contains("high-contrast"), result.error)
    }

    func testBrokenThemeFileIsRefusedWithTheProblemNamed() throws {
        let db = path("shop.db")
        XCTAssertEqual(try Binary.run(["init", "--db", db]).status, 0)
        let theme = path("broken.toml")
        try "[selected]\nfg = \"purple-ish\"\n".write(toFile: theme, atomically: true, encoding: .utf8)
        let result = try Binary.run(["--db", db, "--theme", theme])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.error.contains("[selected]") && result.error.contains("purple-ish"), result.error)
    }

    func testVersionAndHelpAreAvailableOnEveryCommand() throws {
        let version = try Binary.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        for command in [[], ["init"], ["demo"], ["check"], ["console"]] {
            let help = try Binary.run(command + ["--help"])
            XCTAssertEqual(help.status, 0, "\(command) --help failed: \(help.error)")
            XCTAssertTrue(help.output.contains("USAGE"), help.output)
        }
    }
}
