import Foundation
import ShopKit

/// The promotions list's overlap flags, kept between windows while nothing they depend on has
/// changed: `scope_stamp` (schema v10) counts every change to promotions and to what a scope can
/// name (products' type, category, vendor, handle and status, variants' SKU and status, tags,
/// collections), by any process; price and stock changes do not touch it. A flag also depends
/// on the clock (a promotion that ends meets nothing), so an entry is kept for a minute at most.
final class OverlapFlagCache: @unchecked Sendable {
    private let lock = NSLock()
    private var stamp: Int64 = -1
    private var flags: [Int64: (overlaps: Bool, at: Timestamp)] = [:]
    static let lifetimeSeconds: Int64 = 60

    /// The cached flags for `ids` at `stamp`, and the ids that must be judged again.
    func lookup(_ ids: [Int64], stamp: Int64, now: Timestamp) -> (known: Set<Int64>, unknown: [Int64]) {
        lock.lock()
        defer { lock.unlock() }
        if stamp != self.stamp {
            self.stamp = stamp
            flags.removeAll()
        }
        var known: Set<Int64> = []
        var unknown: [Int64] = []
        for id in ids {
            if let entry = flags[id], now.secondsSince1970 - entry.at.secondsSince1970 < Self.lifetimeSeconds {
                if entry.overlaps { known.insert(id) }
            } else {
                unknown.append(id)
            }
        }
        return (known, unknown)
    }

    func store(_ judged: [Int64], overlapping: Set<Int64>, stamp: Int64, now: Timestamp) {
        lock.lock()
        defer { lock.unlock() }
        guard stamp == self.stamp else { return }
        for id in judged { flags[id] = (overlapping.contains(id), now) }
    }
}
