/// One value of a list's sort key. Lists are read in windows by keyset: "the rows after this key".
public enum SortValue: Hashable, Sendable, Comparable {
    case integer(Int64)
    case text(String)

    public static func < (lhs: SortValue, rhs: SortValue) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): a < b
        case (.text(let a), .text(let b)): a < b
        case (.integer, .text): true
        case (.text, .integer): false
        }
    }
}

/// The sort key of one row (e.g. title then id), opaque to the UI.
public struct SortKey: Hashable, Sendable {
    public let values: [SortValue]
    public init(_ values: [SortValue]) { self.values = values }
}

/// A request for one window of a list: up to `limit` rows after (or before) a key, under a filter.
public struct PageRequest: Hashable, Sendable {
    public enum Direction: Hashable, Sendable {
        /// Rows after the key, in list order; nil starts at the first row.
        case after(SortKey?)
        /// Rows before the key, returned in list order; nil ends at the last row.
        case before(SortKey?)
    }

    public let direction: Direction
    public let filter: String
    public let limit: Int
    /// A named sort order the list offers besides its default ("" = default), e.g. "margin".
    public let order: String

    public init(_ direction: Direction, filter: String = "", limit: Int, order: String = "") {
        self.direction = direction
        self.filter = filter
        self.limit = limit
        self.order = order
    }
}
