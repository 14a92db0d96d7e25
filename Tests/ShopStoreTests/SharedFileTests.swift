import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// Several managers on one database file: each console sees the others' commits, and a write
/// that meets another writer's lock waits instead of failing.
final class SharedFileTests: XCTestCase {
    private var folder: URL!
    private var path: String { folder.appendingPathComponent("shop.db").path }

    override func setUpWithError() throws {
        folder = try makeTemporaryFolder()
        let first = try ShopDatabase.open(path: path, actor: "anna", clock: { pinnedNow })
        try first.rawExecute("""
            INSERT INTO product(id, handle, title, created_at, updated_at) VALUES (1, 'mug', 'Mug', 'x', 'x');
            INSERT INTO variant(id, product_id, sku, price_minor, created_at, updated_at) VALUES (1, 1, 'MUG-1', 1200, 'x', 'x');
            """)
        try first.close()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testWatcherReportsACommitMadeThroughAnotherConnection() throws {
        let mine = try ShopDatabase.open(path: path, actor: "anna", clock: { pinnedNow })
        let theirs = try ShopDatabase.open(path: path, actor: "ben", clock: { pinnedNow })
        let changed = expectation(description: "the watcher saw the other session's commit")
        changed.assertForOverFulfill = false
        let watcher = try XCTUnwrap(ChangeWatcher(database: mine, interval: 0.02) { changed.fulfill() })
        watcher.start()
        defer { watcher.stop() }
        Thread.sleep(forTimeInterval: 0.1)
        try theirs.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: "13.00"]))
        wait(for: [changed], timeout: 5)
        XCTAssertEqual(try mine.pricePage(PageRequest(.after(nil), limit: 5)).first?.price.decimalText, "13.00")
    }

    func testWriteThatMeetsAnotherWritersLockWaitsAndSucceeds() throws {
        let mine = try ShopDatabase.open(path: path, actor: "anna", clock: { pinnedNow })
        let theirs = try ShopDatabase.open(path: path, actor: "ben", clock: { pinnedNow })
        let holding = expectation(description: "the other session holds the write lock")
        let released = expectation(description: "the other session committed")
        DispatchQueue.global().async {
            try? theirs.writer.write { db in
                try db.execute(sql: "UPDATE variant SET grams = 5 WHERE id = 1")
                holding.fulfill()
                Thread.sleep(forTimeInterval: 0.4)
            }
            released.fulfill()
        }
        wait(for: [holding], timeout: 5)
        let result = try mine.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: "14.00"]))
        XCTAssertEqual(result.newVersion, 2)
        wait(for: [released], timeout: 5)
        XCTAssertEqual(try mine.integer("SELECT grams FROM variant WHERE id = 1"), 5, "both writes are kept")
        XCTAssertEqual(try mine.integer("SELECT price_minor FROM variant WHERE id = 1"), 1400)
    }
}
