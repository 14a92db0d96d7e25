/// One record of an imported file: the line it starts on (a quoted cell may span several lines,
/// so this is not the record's index) and its cells in file order.
public struct SourceRow: Sendable, Hashable {
    public let line: Int
    public let cells: [String]

    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }
}

/// Finds columns by name, whatever their position: exports from different years order their
/// columns differently and some have columns others lack. Names match without regard to case,
/// surrounding spaces or a byte-order mark glued to the first name.
public struct ColumnIndex: Sendable {
    public let header: [String]
    private let positions: [String: Int]

    public init(header: [String]) {
        self.header = header
        var positions: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            let key = Self.key(name)
            if positions[key] == nil { positions[key] = position }
        }
        self.positions = positions
    }

    static func key(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0 != "\u{FEFF}" }).trimmingWhitespace().lowercased()
    }

    public func has(_ name: String) -> Bool { positions[Self.key(name)] != nil }

    public func position(_ name: String) -> Int? { positions[Self.key(name)] }

    /// The required names this header lacks, in the order given.
    public func missing(_ required: [String]) -> [String] { required.filter { !has($0) } }

    /// The cell as written, or "" when the column is absent or the row is short.
    public func raw(_ name: String, in row: SourceRow) -> String {
        guard let position = positions[Self.key(name)], position < row.cells.count else { return "" }
        return row.cells[position]
    }

    /// A text cell with a spreadsheet guard (`'` before `=`, `+`, …) written by an export removed,
    /// so that an exported file imports back unchanged.
    public func text(_ name: String, in row: SourceRow) -> String {
        SpreadsheetCell.unguarded(raw(name, in: row))
    }

    /// Nil when the column is absent: "leave the stored value as it is", unlike an empty cell.
    public func optionalText(_ name: String, in row: SourceRow) -> String? {
        has(name) ? text(name, in: row) : nil
    }

    /// True when every cell of the row is empty (a blank line at the end of a file).
    public static func isBlank(_ row: SourceRow) -> Bool {
        row.cells.allSatisfy { $0.trimmingWhitespace().isEmpty }
    }
}
