import Foundation
import ShopKit
@testable import ShopStore
import XCTest

final class DatabaseOpeningTests: XCTestCase {
    private var folder: URL!
    /// Files a test made read-only; tearDown makes them writable again.
    private var readOnlyFiles: [String] = []

    override func setUpWithError() throws {
        folder = try makeTemporaryFolder()
    }

    override func tearDownWithError() throws {
        for file in readOnlyFiles {
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        }
        readOnlyFiles = []
        if let folder { try FileManager.default.removeItem(at: folder) }
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    private func openError(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> OpenError? {
        do {
            let database = try ShopDatabase.open(path: path, actor: "jane", clock: { pinnedNow })
            XCTFail("the file was opened", file: file, line: line)
            try? database.close()
            return nil
        } catch let error as OpenError {
            return error
        } catch {
            XCTFail("expected an OpenError, got \(error)", file: file, line: line)
            return nil
        }
    }

    /// A real shopdesk database file, closed, with one product in it.
    private func makeShopFile(_ name: String) throws -> String {
        let file = path(name)
        let database = try ShopDatabase.open(path: file, actor: "jane", clock: { pinnedNow })
        try database.rawExecute("""
            INSERT INTO product(handle, title, created_at, updated_at)
            VALUES ('wool-beanie', 'Wool Beanie', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z')
            """)
        try database.close()
        return file
    }

    func testMigrationFromEmptyCreatesEveryTable() throws {
        let database = try makeInMemoryShop()
        let tables = Set(try database.texts("SELECT name FROM sqlite_master WHERE type = 'table'"))
        let expected = [
            "product", "variant", "location", "stock_movement", "stock_level", "promotion", "promotion_code", "customer",
            "sales_order", "order_line", "complaint", "complaint_event", "web_session_day", "audit_batch", "audit_log",
            "product_fts", "channel", "product_listing", "tag", "product_tag", "collection", "category", "stock_setting",
            "shop_setting",
        ]
        for table in expected {
            XCTAssertTrue(tables.contains(table), "table \(table) is missing")
        }
        XCTAssertEqual(try database.count("audit_log"), 0)
        XCTAssertEqual(database.shopCurrency, .eur)
        XCTAssertEqual(try database.check(), [])
    }

    func testNewFileIsInWALModeWithForeignKeysOnAndMarkedAsShopdesk() throws {
        let file = path("new/shop.sqlite")
        let database = try ShopDatabase.open(path: file, actor: "jane", clock: { pinnedNow })
        defer { try? database.close() }
        XCTAssertFalse(database.isReadOnly)
        XCTAssertEqual(database.path, file)
        XCTAssertEqual(try database.text("PRAGMA journal_mode"), "wal")
        XCTAssertEqual(try database.integer("PRAGMA foreign_keys"), 1)
        XCTAssertEqual(try database.integer("PRAGMA application_id"), Int64(ShopDatabase.applicationID))
        XCTAssertEqual(ShopDatabase.applicationID, 0x5348_444B)
    }

    func testForeignKeysAreEnforcedOnWrites() throws {
        let database = try makeInMemoryShop()
        XCTAssertThrowsError(try database.rawExecute("""
            INSERT INTO variant(product_id, sku, price_minor, created_at, updated_at) VALUES (999, 'X', 100, 'x', 'x')
            """)) { error in
            XCTAssertTrue("\(error)".contains("FOREIGN KEY"), "\(error)")
        }
        XCTAssertEqual(try database.count("variant"), 0)
    }

    func testReopeningAShopdeskFileKeepsItsDataAndIsWritable() throws {
        let file = try makeShopFile("shop.sqlite")
        let database = try ShopDatabase.open(path: file, actor: "jane", clock: { pinnedNow })
        defer { try? database.close() }
        XCTAssertFalse(database.isReadOnly)
        XCTAssertEqual(try database.text("SELECT title FROM product"), "Wool Beanie")
        XCTAssertEqual(try database.count("grdb_migrations"), Int64(Schema.migrator.migrations.count), "every step is applied once")
    }

    func testFileOfAnotherApplicationIsRefusedAndLeftByteForByteUnchanged() throws {
        let file = try makeShopFile("other.sqlite")
        let other = try ShopDatabase.open(path: file, actor: "jane", clock: { pinnedNow })
        try other.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = 1234") }
        try other.close()
        let before = try bytes(file)
        let namesBefore = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()

        let error = try XCTUnwrap(openError(file))
        XCTAssertEqual(error, .notShopdesk(path: file, applicationID: 1234))
        XCTAssertTrue(error.description.contains("another application"), error.description)
        XCTAssertTrue(error.description.contains("leaves it alone"), error.description)

        XCTAssertEqual(try bytes(file), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), namesBefore)
    }

    func testSQLiteFileWithTablesButNoApplicationIDIsRefusedAsAnotherApplications() throws {
        let file = try makeShopFile("plain.sqlite")
        let other = try ShopDatabase.open(path: file, actor: "jane", clock: { pinnedNow })
        try other.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = 0") }
        try other.close()
        let before = try bytes(file)

        XCTAssertEqual(openError(file), .notShopdesk(path: file, applicationID: 0))
        XCTAssertEqual(try bytes(file), before)
    }

    func testFileThatIsNotADatabaseIsRefusedAndLeftByteForByteUnchanged() throws {
        let file = path("notes.sqlite")
        let content = Data(String(repeating: "These are my notes, not a database.\n", count: 200).utf8)
        try content.write(to: URL(fileURLWithPath: file))

        let error = try XCTUnwrap(openError(file))
        XCTAssertEqual(error, .notADatabase(path: file))
        XCTAssertTrue(error.description.contains("not a SQLite database"), error.description)
        XCTAssertEqual(try bytes(file), content)
    }

    func testFileWrittenByANewerShopdeskIsRefusedNamingTheUnknownStepAndLeftByteForByteUnchanged() throws {
        let file = try makeShopFile("newer.sqlite")
        let newer = try ShopDatabase.open(path: file, actor: "jane", clock: { pinnedNow })
        try newer.rawExecute("INSERT INTO grdb_migrations(identifier) VALUES ('v2 a step from the future')")
        try newer.close()
        let before = try bytes(file)

        let error = try XCTUnwrap(openError(file))
        XCTAssertEqual(error, .newerSchema(path: file, unknownMigrations: ["v2 a step from the future"]))
        XCTAssertTrue(error.description.contains("newer shopdesk"), error.description)
        XCTAssertTrue(error.description.contains("not changed"), error.description)
        XCTAssertEqual(try bytes(file), before)
        // Still refused the second time: the first attempt did not "repair" anything.
        XCTAssertEqual(openError(file), .newerSchema(path: file, unknownMigrations: ["v2 a step from the future"]))
    }

    func testReadOnlyFileOpensReadOnlyAndRefusesEveryWrite() throws {
        let file = try makeShopFile("readonly.sqlite")
        readOnlyFiles.append(file)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file)
        if FileManager.default.isWritableFile(atPath: file) {
            throw XCTSkip("this user may write to files without write permission (e.g. root), so a read-only file cannot be simulated")
        }
        let before = try bytes(file)

        let database = try ShopDatabase.open(path: file, actor: "jane", clock: { pinnedNow })
        XCTAssertTrue(database.isReadOnly)
        XCTAssertEqual(try database.productCount(filter: ""), 1)
        let error = writeError { () throws(WriteError) in
            try database.perform(.updateProduct(id: 1, expectedVersion: 1, changes: [.title: "Alpaca Beanie"]))
        }
        guard case .readOnly = error else { return XCTFail("expected a read-only refusal, got \(String(describing: error))") }
        try database.close()
        XCTAssertEqual(try bytes(file), before)
    }

    func testCloseLeavesTheWholeShopInTheMainFile() throws {
        let file = try makeShopFile("moved.sqlite")
        let copy = path("copy.sqlite")
        try FileManager.default.copyItem(atPath: file, toPath: copy)
        let database = try ShopDatabase.open(path: copy, actor: "jane", clock: { pinnedNow })
        defer { try? database.close() }
        XCTAssertEqual(try database.text("SELECT title FROM product"), "Wool Beanie")
    }
}
