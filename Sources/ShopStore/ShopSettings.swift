import GRDB
import ShopKit

/// Shop settings that more than one part of the store reads, read in one way.
extension ShopDatabase {
    /// The margin floor in basis points. A missing, unreadable or impossible setting (outside
    /// 0–99 %) means 0: never below cost.
    static func marginFloorBasisPoints(_ db: Database) throws -> Int64 {
        let text = try String.fetchOne(db, sql: "SELECT value FROM shop_setting WHERE key = 'margin_floor_percent'")
        guard let percent = text.flatMap({ Int64($0.trimmingWhitespace()) }), (0..<100).contains(percent) else { return 0 }
        return percent * 100
    }
}
