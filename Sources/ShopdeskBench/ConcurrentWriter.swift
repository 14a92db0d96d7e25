import Foundation
import ShopKit
import ShopStore

/// Another manager at work on the same file: a thread of its own that changes a price through
/// the audited write path ten times a second, so that the console under test sees other
/// processes' commits (its change watcher refreshes the visible rows) while it is measured.
final class ConcurrentWriter: @unchecked Sendable {
    private let path: String
    private let variants: Int64
    private let perSecond: Double
    private let lock = NSLock()
    private var running = true
    private(set) var commits = 0
    private(set) var failures = 0
    /// What the first failed edit said, for the log.
    private(set) var firstFailure: String?
    private var thread: Thread?

    init(path: String, variants: Int64, perSecond: Double = 10) {
        self.path = path
        self.variants = max(1, variants)
        self.perSecond = perSecond
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "bench writer"
        self.thread = thread
        thread.start()
    }

    func stop() {
        lock.lock()
        running = false
        lock.unlock()
        while thread?.isFinished == false { Thread.sleep(forTimeInterval: 0.01) }
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func run() {
        guard let shop = try? ShopDatabase.open(path: path, actor: "bench-writer") else {
            lock.lock(); failures += 1; lock.unlock()
            return
        }
        var random = SplitMix(seed: 7)
        let interval = 1.0 / perSecond
        var next = Date()
        while isRunning {
            let id = Int64(random.next() % UInt64(variants)) + 1
            let cents = 500 + Int(random.next() % 20_000)
            let price = "\(cents / 100).\(String(format: "%02d", cents % 100))"
            do {
                if let detail = try shop.variantDetail(id: id) {
                    _ = try shop.perform(
                        .updateVariants([VariantEdit(id: id, expectedVersion: detail.variant.version, changes: [.price: price])],
                                        overrideMarginFloor: true),
                        reason: "bench")
                    lock.lock(); commits += 1; lock.unlock()
                }
            } catch {
                lock.lock()
                failures += 1
                if firstFailure == nil { firstFailure = String(describing: error) }
                lock.unlock()
            }
            next = next.addingTimeInterval(interval)
            let pause = next.timeIntervalSinceNow
            if pause > 0 { Thread.sleep(forTimeInterval: pause) }
        }
        try? shop.close()
    }
}

/// A small deterministic generator for the key script and the writer.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
