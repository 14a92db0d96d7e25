import Foundation
import GRDB

/// Notices commits made by other processes (another manager's shopdesk, an import) by polling
/// `PRAGMA data_version` on a connection of its own, off the keypress path. GRDB's observation
/// only sees this process's writes; data_version sees everyone's.
public final class ChangeWatcher: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let interval: TimeInterval
    private let onChange: @Sendable () -> Void
    private let lock = NSLock()
    private var running = false
    private var thread: Thread?

    /// Returns nil for an in-memory database (no other process can write to it).
    public init?(database: ShopDatabase, interval: TimeInterval = 0.5, onChange: @escaping @Sendable () -> Void) {
        guard let path = database.path else { return nil }
        var config = Configuration()
        config.readonly = true
        config.label = "shopdesk-watcher"
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        self.queue = queue
        self.interval = interval
        self.onChange = onChange
    }

    public func start() {
        lock.lock()
        defer { lock.unlock() }
        guard !running else { return }
        running = true
        let thread = Thread { [weak self] in self?.run() }
        thread.name = "shopdesk change watcher"
        self.thread = thread
        thread.start()
    }

    public func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func run() {
        var last = currentVersion()
        while isRunning {
            Thread.sleep(forTimeInterval: interval)
            let version = currentVersion()
            if let version, version != last {
                last = version
                onChange()
            }
        }
    }

    private func currentVersion() -> Int64? {
        try? queue.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") }
    }
}
