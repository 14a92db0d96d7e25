import Foundation
import GRDB
import GRDBSQLite

/// The products a free-text filter matches, read once from the search index into one bit per
/// product id, for a window that walks the list order and keeps the matches.
///
/// For `id IN (SELECT rowid FROM product_fts …)` SQLite builds a temporary B-tree of the ids
/// first. At a million products a common two-letter prefix matches over a hundred thousand, and
/// building that tree cost more than the search and the walk together; the bits are filled in
/// one pass over the index and tested by `shopdesk_in_match_set(token, id)` on each row walked.
/// Reading them also counts the matches exactly, which chooses the plan (see `FilterPlan`).
final class MatchSet: Sendable {
    static let functionName = "shopdesk_in_match_set"

    /// How many products match.
    let count: Int
    /// Names this set in SQL, so that a statement can check it tests the set it was built for.
    let token: Int64
    private let bits: [UInt64]

    private init(count: Int, bits: [UInt64]) {
        self.count = count
        self.bits = bits
        token = Self.nextToken.withLock { token in
            token += 1
            return token
        }
    }

    func contains(_ id: Int64) -> Bool {
        let word = Int(id >> 6)
        return id >= 0 && word < bits.count && bits[word] & (1 << UInt64(id & 63)) != 0
    }

    /// The products matching an FTS5 `pattern`, held by `db` for its next statements.
    static func read(_ db: Database, pattern: String) throws -> MatchSet {
        let highest = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM product") ?? 0
        var bits = [UInt64](repeating: 0, count: Int(max(0, highest) >> 6) + 1)
        var count = 0
        let statement = try db.cachedStatement(sql: "SELECT rowid FROM product_fts WHERE product_fts MATCH ?")
        try statement.setArguments([pattern])
        // Stepped here rather than through a cursor: a hundred thousand ids a keystroke, and the
        // cursor's own work per row cost as much as the search.
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        var code = sqlite3_step(raw)
        bits.withUnsafeMutableBufferPointer { bits in
            while code == SQLITE_ROW {
                let id = sqlite3_column_int64(raw, 0)
                let word = Int(id >> 6)
                // A product added since the highest id was read cannot be in a window read before it.
                if id >= 0, word < bits.count {
                    bits[word] |= 1 << UInt64(id & 63)
                    count += 1
                }
                code = sqlite3_step(raw)
            }
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        let set = MatchSet(count: count, bits: bits)
        try Slot.of(db).set = set
        return set
    }

    /// The SQL condition that `id` (an expression) is in this set.
    func condition(_ id: String) -> FilterSQL {
        (Self.functionName + "(?, " + id + ")", [token])
    }

    /// Adds the SQL function to a connection.
    static func register(in db: Database) {
        let slot = Slot()
        Slot.all.withLock { $0[ObjectIdentifier(db)] = slot }
        db.add(function: DatabaseFunction(functionName, argumentCount: 2, pure: true) { values in
            guard case .int64(let token) = values[0].storage, let set = slot.set, set.token == token else {
                throw DatabaseError(message: "\(functionName): the set of matches was not read on this connection")
            }
            guard case .int64(let id) = values[1].storage else { return false }
            return set.contains(id)
        })
    }

    private static let nextToken = Locked<Int64>(0)

    /// One connection's latest set. A connection runs one statement at a time and the set is
    /// stored before the statements that test it, on the same connection.
    private final class Slot: @unchecked Sendable {
        var set: MatchSet?

        static let all = Locked<[ObjectIdentifier: Slot]>([:])

        static func of(_ db: Database) throws -> Slot {
            guard let slot = all.withLock({ $0[ObjectIdentifier(db)] }) else {
                throw DatabaseError(message: "\(functionName) is not registered on this connection")
            }
            return slot
        }
    }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
