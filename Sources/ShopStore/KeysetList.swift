import GRDB
import ShopKit

/// A list read in windows by keyset pagination: "up to N rows after (or before) this sort key".
/// Every sort order has an index, so a window costs the same on the first page and the millionth,
/// and no query skips rows by position. All SQL here is constant text; user input only ever travels as
/// bound arguments.
struct KeysetList<Item: Sendable> {
    /// The select list (may hold correlated subqueries).
    let columns: String
    /// Values for `?` marks in `columns` (a moment a subquery compares with), bound first.
    var columnArguments: StatementArguments = []
    /// `table [JOIN …]`: what follows FROM, without WHERE or ORDER BY.
    let from: String
    /// Sort columns, most significant first; the last one must be unique (the id).
    let sortColumns: [String]
    let descending: Bool
    /// A WHERE fragment for a non-empty filter, with its arguments; nil means "no row matches".
    /// It may read the database (a shop setting the filter depends on) but only builds SQL.
    let filter: (Database, String) throws -> FilterSQL?
    let decode: (Row) throws -> Item
    /// The `list_count` row that holds the unfiltered count (kept by triggers), instead of counting
    /// every row: nil when the list has no such row.
    var unfilteredCount: String? = nil

    /// When set, the first sort column is a group number (its index here) computed per read,
    /// and each group is read on its own by its condition, in the order of the other sort columns:
    /// an order that starts with a clock-dependent key can still be read from an index.
    var groups: [FilterSQL]? = nil
    /// For a filter it returns a plan for: how a window reads it (see `FilterPlan`). The count
    /// reads the filter as it is, unless `countShortcut` counts it.
    var readPlan: ((Database, String) throws -> WindowPlan?)? = nil
    /// For a filter it has one for: the same count, read from indexes alone rather than by
    /// testing every row of the list.
    var countShortcut: ((Database, String) throws -> Int?)? = nil

    func page(_ db: Database, _ request: PageRequest) throws -> [Item] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        let filterText = request.filter.trimmingWhitespace()
        var plan: WindowPlan?
        if !filterText.isEmpty {
            plan = try readPlan?(db, filterText)
            guard let tested = try plan?.filter ?? filter(db, filterText) else { return [] }
            conditions.append("(" + tested.sql + ")")
            arguments += tested.arguments
        }
        let forward: Bool
        let key: SortKey?
        switch request.direction {
        case .after(let after): forward = true; key = after
        case .before(let before): forward = false; key = before
        }
        // In list order "after" means ">" for ascending lists; reading backwards flips both.
        let ascendingRead = forward != descending
        let rows: [Row]
        if let groups {
            rows = try groupedWindow(
                db, groups: groups, conditions: conditions, arguments: arguments, after: key?.values,
                ascending: ascendingRead, limit: request.limit)
        } else {
            rows = try window(
                db, sortColumns: sortColumns, conditions: conditions, arguments: arguments, after: key?.values,
                ascending: ascendingRead, limit: request.limit, idsFrom: plan?.idsFrom)
        }
        let items = try rows.map(decode)
        return forward ? items : items.reversed()
    }

    /// Up to `limit` rows past `key` in the order of `sortColumns` (read ascending or descending).
    func window(
        _ db: Database, sortColumns: [String], conditions: [String], arguments: StatementArguments,
        after key: [SortValue]?, ascending ascendingRead: Bool, limit: Int, idsFrom: String? = nil
    ) throws -> [Row] {
        var conditions = conditions
        // The select list's arguments come first, unless it is read after the ids are chosen.
        var arguments = idsFrom == nil ? columnArguments + arguments : arguments
        if let key, !key.isEmpty {
            let columns = "(" + sortColumns.joined(separator: ", ") + ")"
            let marks = "(" + databaseQuestionMarks(count: key.count) + ")"
            // The first column alone, as a range SQLite can seek to: it does not use a row-value
            // comparison to seek an index on an expression (the margin), and would read from the start.
            if sortColumns.count > 1, let first = key.first {
                conditions.append(sortColumns[0] + (ascendingRead ? " >= ?" : " <= ?"))
                arguments += [Self.value(first)]
            }
            conditions.append(columns + (ascendingRead ? " > " : " < ") + marks)
            for value in key { arguments += [Self.value(value)] }
        }
        let order = " ORDER BY " + sortColumns.map { $0 + (ascendingRead ? " ASC" : " DESC") }.joined(separator: ", ")
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        arguments += [limit]
        if let idsFrom, let id = sortColumns.last {
            // The same conditions under the same alias; only the window's rows reach the select list.
            let sql = "SELECT " + columns + " FROM " + from + " WHERE " + id + " IN (SELECT " + id + " FROM " + idsFrom
                + whereClause + order + " LIMIT ?)" + order
            return try Row.fetchAll(db, sql: sql, arguments: columnArguments + arguments)
        }
        let sql = "SELECT " + columns + " FROM " + from + whereClause + order + " LIMIT ?"
        return try Row.fetchAll(db, sql: sql, arguments: arguments)
    }

    /// The rows with the given ids (the list's first sort-independent key is `idColumn`).
    func rows(_ db: Database, ids: [Int64]) throws -> [Item] {
        guard !ids.isEmpty else { return [] }
        let marks = databaseQuestionMarks(count: ids.count)
        let sql = "SELECT " + columns + " FROM " + from + " WHERE " + sortColumns.last! + " IN (" + marks + ")"
        return try Row.fetchAll(db, sql: sql, arguments: columnArguments + StatementArguments(ids)).map(decode)
    }

    static func value(_ value: SortValue) -> DatabaseValue {
        switch value {
        case .integer(let number): number.databaseValue
        case .text(let text): text.databaseValue
        }
    }

    /// The list, counted unfiltered from its `list_count` row.
    func counted(by name: String) -> KeysetList {
        var list = self
        list.unfilteredCount = name
        return list
    }

    func count(_ db: Database, filter filterText: String) throws -> Int {
        let text = filterText.trimmingWhitespace()
        if text.isEmpty, let counted = unfilteredCount {
            return try Int.fetchOne(db, sql: "SELECT n FROM list_count WHERE name = ?", arguments: [counted]) ?? 0
        }
        if !text.isEmpty, let count = try countShortcut?(db, text) { return count }
        var sql = "SELECT count(*) FROM " + from
        var arguments = StatementArguments()
        if !text.isEmpty {
            guard let fragment = try filter(db, text) else { return 0 }
            sql += " WHERE (" + fragment.sql + ")"
            arguments += fragment.arguments
        }
        return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
    }
}

/// A WHERE fragment of constant SQL text, and the values its `?` marks stand for.
typealias FilterSQL = (sql: String, arguments: StatementArguments)

/// How a window reads a filter, chosen from estimates before the read (see `FilterPlan`); the
/// rows are those of the list's filter either way.
struct WindowPlan {
    /// The FROM, with the index to read (`INDEXED BY`), from which the window's ids are chosen
    /// before the select list is read for them — the list's own order to walk, or a narrow
    /// index to sort many matches by; nil reads the list's FROM as it is.
    var idsFrom: String?
    /// A condition matching the same rows as the filter, cheaper on each row a walk reads (see
    /// `MatchSet`); nil tests the filter itself. It is read instead of the filter, so
    /// it must be nil where the filter is (no row matches).
    var filter: FilterSQL?
}

/// Filter helpers shared by the lists.
enum FilterText {
    /// The conditions, each parenthesised, joined by AND; nil when any is nil (it matches
    /// nothing, so neither does the whole).
    static func all(_ conditions: [FilterSQL?]) -> FilterSQL? {
        var sql: [String] = []
        var arguments = StatementArguments()
        for condition in conditions {
            guard let condition else { return nil }
            sql.append("(" + condition.sql + ")")
            arguments += condition.arguments
        }
        return (sql.isEmpty ? "1" : sql.joined(separator: " AND "), arguments)
    }

    /// A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped (use `ESCAPE '\'`).
    static func contains(_ text: String) -> String { "%" + escapeLike(text) + "%" }
    static func prefix(_ text: String) -> String { escapeLike(text) + "%" }

    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// An FTS5 query matching every word of `text` as a prefix, or nil when it has no words.
    static func ftsPrefixes(_ text: String) -> String? {
        FTS5Pattern(matchingAllPrefixesIn: text).map { $0.rawPattern }
    }
}

extension Row {
    func sortKey(_ columns: [String]) -> SortKey {
        SortKey(columns.map { column in
            let value: DatabaseValue = self[column]
            switch value.storage {
            case .int64(let number): return .integer(number)
            case .string(let text): return .text(text)
            case .double(let number): return .integer(Int64(number))
            case .null, .blob: return .text("")
            }
        })
    }
}
