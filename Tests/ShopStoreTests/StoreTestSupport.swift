import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// The moment every store test runs at: audit rows and derived states are checked against it.
let pinnedNow = Timestamp(iso8601: "2030-03-15T09:30:00Z")!

func makeInMemoryShop(actor: String = "jane") throws -> ShopDatabase {
    try ShopDatabase.inMemory(actor: actor, clock: { pinnedNow })
}

extension ShopDatabase {
    /// Runs raw SQL outside the write path, to build fixtures or to try to break the rules.
    func rawExecute(_ sql: String) throws {
        try writer.write { db in try db.execute(sql: sql) }
    }

    func integer(_ sql: String) throws -> Int64? {
        try writer.read { db in try Int64.fetchOne(db, sql: sql) }
    }

    func text(_ sql: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: sql) }
    }

    func texts(_ sql: String) throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: sql) }
    }

    /// Rows of a query whose single column is `json_object(...)`, decoded to dictionaries.
    func jsonRows(_ sql: String) throws -> [[String: Any]] {
        try texts(sql).map { text in
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
            return object as? [String: Any] ?? [:]
        }
    }

    func count(_ table: String) throws -> Int64 {
        try integer("SELECT count(*) FROM \(table)") ?? -1
    }
}

/// Calls `body` and returns the write error it throws, failing the test when it succeeds.
func writeError(
    _ body: () throws(WriteError) -> WriteResult, file: StaticString = #filePath, line: UInt = #line
) -> WriteError? {
    do {
        let result = try body()
        XCTFail("the write succeeded: \(result)", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// A fresh folder under the system's temporary directory, for file-backed databases.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("shopdesk-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Walks a list forward from the start and backward from the end, page by page, and returns the
/// ids in list order for each direction.
func walkBothWays<Item: ListItem>(
    limit: Int, filter: String = "", page: (PageRequest) throws -> [Item],
    file: StaticString = #filePath, line: UInt = #line
) throws -> (forward: [Int64], backward: [Int64]) {
    var forward: [Int64] = []
    var key: SortKey?
    for _ in 0..<10_000 {
        let rows = try page(PageRequest(.after(key), filter: filter, limit: limit))
        XCTAssertLessThanOrEqual(rows.count, limit, "a page holds more rows than asked for", file: file, line: line)
        guard let last = rows.last else { break }
        forward += rows.map(\.id)
        key = last.sortKey
    }
    var backward: [Int64] = []
    key = nil
    for _ in 0..<10_000 {
        let rows = try page(PageRequest(.before(key), filter: filter, limit: limit))
        XCTAssertLessThanOrEqual(rows.count, limit, "a page holds more rows than asked for", file: file, line: line)
        guard let first = rows.first else { break }
        backward = rows.map(\.id) + backward
        key = first.sortKey
    }
    return (forward, backward)
}
