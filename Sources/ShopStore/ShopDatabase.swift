import Foundation
import GRDB
import ShopKit

/// Why a database file could not be opened. Each message says what to do; the file is untouched.
public enum OpenError: Error, CustomStringConvertible, Equatable {
    case notShopdesk(path: String, applicationID: Int32)
    case notADatabase(path: String)
    case newerSchema(path: String, unknownMigrations: [String])
    case readOnlyNeedsUpgrade(path: String)
    case cannotCreate(path: String, reason: String)

    public var description: String {
        switch self {
        case .notShopdesk(let path, let id):
            "\(path) belongs to another application (application_id \(id)); shopdesk leaves it alone — pass another --db"
        case .notADatabase(let path):
            "\(path) is not a SQLite database; shopdesk leaves it alone — pass another --db"
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer shopdesk (schema steps \(unknown.joined(separator: ", ")) are unknown here); "
                + "install that version to open it — the file was not changed"
        case .readOnlyNeedsUpgrade(let path):
            "\(path) is read-only and needs a schema upgrade; make it writable or open it with the shopdesk that wrote it"
        case .cannotCreate(let path, let reason):
            "cannot create \(path): \(reason)"
        }
    }
}

/// The shop's SQLite database: opened safely, migrated, and the only owner of GRDB in the program.
///
/// Pragmas: WAL (readers never block the writer, several managers can work at once), foreign
/// keys on, a 5 s busy timeout (a write that meets another process's lock waits instead of
/// failing), and `synchronous = NORMAL`: in WAL mode a crash of shopdesk or of the machine never
/// corrupts the file; a power loss can lose the last transactions before a checkpoint, which we
/// accept for a console whose every write is also audited.
public final class ShopDatabase: Sendable {
    /// 'SHDK': marks a file as a shopdesk database (`PRAGMA application_id`).
    public static let applicationID: Int32 = 0x5348_444B

    let writer: any DatabaseWriter
    public let path: String?
    public let isReadOnly: Bool
    public let actor: String
    let currency: Currency
    /// The time source for audit rows and derived states; tests pin it.
    let clock: @Sendable () -> Timestamp
    /// The promotions list's overlap flags, kept while `scope_stamp` stays the same.
    let overlapFlags = OverlapFlagCache()

    /// Opens (creating and migrating when needed) the database at `path`.
    /// An existing file that is not ours, or is newer than this binary, is refused without a write.
    public static func open(
        path: String, actor: String = OSUser.loginName, clock: @escaping @Sendable () -> Timestamp = SystemClock.now
    ) throws -> ShopDatabase {
        let fileManager = FileManager.default
        let exists = fileManager.fileExists(atPath: path)
        var readOnly = false
        if exists {
            try inspectWithoutWriting(path: path)
            readOnly = !fileManager.isWritableFile(atPath: path)
                || !fileManager.isWritableFile(atPath: (path as NSString).deletingLastPathComponent.isEmpty
                    ? "." : (path as NSString).deletingLastPathComponent)
        } else {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw OpenError.cannotCreate(path: path, reason: error.localizedDescription)
                }
            }
        }
        var config = configuration(readOnly: readOnly)
        config.readonly = readOnly
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw OpenError.cannotCreate(path: path, reason: "\(error)")
        }
        if readOnly {
            let needsUpgrade = try pool.read { db in try !Schema.migrator.hasCompletedMigrations(db) }
            if needsUpgrade { throw OpenError.readOnlyNeedsUpgrade(path: path) }
        } else {
            try migrate(pool)
        }
        return try ShopDatabase(writer: pool, path: path, readOnly: readOnly, actor: actor, clock: clock)
    }

    /// A private in-memory database, for tests and previews.
    public static func inMemory(
        actor: String = "tester", clock: @escaping @Sendable () -> Timestamp = SystemClock.now
    ) throws -> ShopDatabase {
        let queue = try DatabaseQueue(configuration: configuration(readOnly: false))
        try migrate(queue)
        return try ShopDatabase(writer: queue, path: nil, readOnly: false, actor: actor, clock: clock)
    }

    private init(
        writer: any DatabaseWriter, path: String?, readOnly: Bool, actor: String, clock: @escaping @Sendable () -> Timestamp
    ) throws {
        self.writer = writer
        self.clock = clock
        self.path = path
        self.isReadOnly = readOnly
        self.actor = actor
        self.currency = try writer.read { db in
            let code = try String.fetchOne(db, sql: "SELECT value FROM shop_setting WHERE key = 'currency'") ?? "EUR"
            return Currency.named(code) ?? .eur
        }
    }

    private static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.label = "shopdesk"
        config.prepareDatabase { db in
            if !readOnly && !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            MatchSet.register(in: db)
        }
        return config
    }

    private static func migrate(_ writer: any DatabaseWriter) throws {
        try writer.write { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            if id == 0 {
                // Pragmas take no bound parameters; this is the constant `applicationID`.
                try db.execute(sql: "PRAGMA application_id = 1397245003")
            }
        }
        try Schema.migrator.migrate(writer)
    }

    /// Reads the header facts of an existing file through a read-only connection, so that a
    /// foreign or newer file is refused before anything could write to it.
    static func inspectWithoutWriting(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.label = "shopdesk-inspect"
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if id != applicationID && !(id == 0 && tableCount == 0) {
                    throw OpenError.notShopdesk(path: path, applicationID: id)
                }
                if id == applicationID, try db.tableExists("grdb_migrations") {
                    let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                    let known = Set(Schema.migrator.migrations)
                    let unknown = applied.filter { !known.contains($0) }
                    if !unknown.isEmpty { throw OpenError.newerSchema(path: path, unknownMigrations: unknown) }
                }
            }
        } catch let error as OpenError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw OpenError.notADatabase(path: path)
        }
    }

    public var shopCurrency: Currency { currency }

    /// Runs SQLite's integrity and foreign-key checks; returns the problems found (empty when sound).
    public func check() throws -> [String] {
        try writer.read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let rows = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            for row in rows {
                let table: String = row[0]
                let rowid: Int64? = row[1]
                let parent: String = row[2]
                problems.append("\(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent)")
            }
            let drift = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM stock_level l
                WHERE l.on_hand <> (SELECT COALESCE(SUM(m.quantity), 0) FROM stock_movement m
                                    WHERE m.variant_id = l.variant_id AND m.location_id = l.location_id)
                """) ?? 0
            if drift > 0 { problems.append("\(drift) stock levels differ from the sum of their ledger") }
            return problems
        }
    }

    /// Counts per table, for `shopdesk check` and the empty-state hints.
    public func tableCounts() throws -> [(String, Int)] {
        try writer.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM product), (SELECT count(*) FROM variant),
                       (SELECT count(*) FROM location), (SELECT count(*) FROM stock_movement),
                       (SELECT count(*) FROM promotion), (SELECT count(*) FROM customer),
                       (SELECT count(*) FROM sales_order), (SELECT count(*) FROM order_line),
                       (SELECT count(*) FROM complaint), (SELECT count(*) FROM complaint_event),
                       (SELECT count(*) FROM audit_log)
                """)!
            let names = ["products", "variants", "locations", "stock movements", "promotions", "customers",
                         "orders", "order lines", "complaints", "complaint events", "audit rows"]
            return names.enumerated().map { ($1, row[$0] as Int) }
        }
    }

    /// Checkpoints the WAL into the main file and closes the connections, so the main file
    /// alone holds the whole shop (it can then be moved or copied).
    public func close() throws {
        if !isReadOnly, path != nil {
            _ = try writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        if let pool = writer as? DatabasePool { try pool.close() }
        if let queue = writer as? DatabaseQueue { try queue.close() }
    }
}

/// The OS login name of this process: who the audit log says made a change. Never typed.
public enum OSUser {
    public static var loginName: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid\(geteuid())"
    }
}

/// The wall clock, in whole UTC seconds.
public enum SystemClock {
    @Sendable public static func now() -> Timestamp {
        Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970))
    }
}
