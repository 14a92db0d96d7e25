import GRDB
import ShopKit

extension KeysetList {
    /// A window of a grouped list (see `groups`): the group of the key from just past the key,
    /// then the following groups from their start, until `limit` rows. Each read is a keyset
    /// window of its own, so a group whose order has an index costs a seek, not a sort of all rows.
    func groupedWindow(
        _ db: Database, groups: [FilterSQL], conditions: [String], arguments: StatementArguments,
        after key: [SortValue]?, ascending: Bool, limit: Int
    ) throws -> [Row] {
        var start: Int?
        if let first = key?.first, case .integer(let number) = first { start = Int(number) }
        let rest = Array(sortColumns.dropFirst())
        var rows: [Row] = []
        for group in ascending ? Array(groups.indices) : groups.indices.reversed() {
            if let start, ascending ? group < start : group > start { continue }
            let condition = groups[group]
            rows += try window(
                db, sortColumns: rest, conditions: conditions + ["(" + condition.sql + ")"],
                arguments: arguments + condition.arguments, after: group == start ? key.map { Array($0.dropFirst()) } : nil,
                ascending: ascending, limit: limit - rows.count)
            if rows.count >= limit { break }
        }
        return rows
    }
}
