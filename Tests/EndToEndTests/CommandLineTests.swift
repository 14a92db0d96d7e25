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

/// Import and export as a script runs them: summary on stdout, a re-import that changes nothing.
final class ImportExportCommandTests: XCTestCase {
    func testImportThenReimportSaysUnchangedAndExportWritesAShopifyFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shopdesk-io-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("shop.db").path
        let input = directory.appendingPathComponent("products.csv").path
        try """
            Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price
            mug,Mug,Size,S,MUG-S,9.99
            mug,,,L,MUG-L,12.50
            tee,=cmd|' /C calc'!A0,Title,Default Title,TEE,19.99

            """.write(toFile: input, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Binary.run(["init", "--db", db]).status, 0)

        let dry = try Binary.run(["import", "products", input, "--db", db, "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.error)
        XCTAssertTrue(dry.output.contains("products: 2 created") && dry.output.contains("dry run"), dry.output)

        let first = try Binary.run(["import", "products", input, "--db", db])
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertTrue(first.output.contains("products: 2 created") && first.output.contains("variants: 3 created"), first.output)

        let again = try Binary.run(["import", "products", input, "--db", db, "--batch", "1"])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertTrue(again.output.contains("2 unchanged") && again.output.contains("nothing changed"), again.output)

        let output = directory.appendingPathComponent("export.csv").path
        let exported = try Binary.run(["export", "products", output, "--db", db])
        XCTAssertEqual(exported.status, 0, exported.error)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("Handle,Title,Body (HTML)"), text)
        XCTAssertTrue(text.contains("tee,'=cmd|' /C calc'!A0,"), text)
        let roundTrip = try Binary.run(["import", "products", output, "--db", db])
        XCTAssertTrue(roundTrip.output.contains("nothing changed"), roundTrip.output)

        let unknown = try Binary.run(["import", "products", db, "--db", db])
        XCTAssertNotEqual(unknown.status, 0)
    }

    func testUnknownProductLayoutIsRefusedNamingTheSupportedFormats() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shopdesk-io-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("shop.db").path
        let input = directory.appendingPathComponent("other.csv").path
        try "Name,Price\nMug,9.99\n".write(toFile: input, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Binary.run(["init", "--db", db]).status, 0)
        let result = try Binary.run(["import", "products", input, "--db", db])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.error.contains("shopify") && result.error.contains("woocommerce") && result.error.contains("Handle"), result.error)
    }
}
