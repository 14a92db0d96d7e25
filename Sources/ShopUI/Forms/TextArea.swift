/// A small multi-line editor for long text (a product description) when the person has no
/// $VISUAL or $EDITOR: arrows, Home/End, PgUp/PgDn, Enter for a new line, Backspace/Del across
/// lines. Ctrl-S keeps the text, Esc leaves it as it was.
public struct TextArea: Sendable, Equatable {
    public private(set) var lines: [[Character]]
    public private(set) var row = 0
    public private(set) var column = 0
    public let original: String

    public init(_ text: String) {
        original = text
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }
    public var isChanged: Bool { text != original }

    /// Applies an editing key; returns false when the key is not one.
    public mutating func apply(_ key: Key, pageHeight: Int = 10) -> Bool {
        switch key {
        case .character(let character):
            lines[row].insert(character, at: column)
            column += 1
        case .enter:
            let rest = Array(lines[row][column...])
            lines[row].removeSubrange(column...)
            lines.insert(rest, at: row + 1)
            row += 1
            column = 0
        case .backspace:
            if column > 0 {
                lines[row].remove(at: column - 1)
                column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
            }
        case .delete:
            if column < lines[row].count {
                lines[row].remove(at: column)
            } else if row + 1 < lines.count {
                lines[row] += lines[row + 1]
                lines.remove(at: row + 1)
            }
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
        case .up: moveRow(by: -1)
        case .down: moveRow(by: 1)
        case .pageUp: moveRow(by: -pageHeight)
        case .pageDown: moveRow(by: pageHeight)
        case .home, .control("a"): column = 0
        case .end, .control("e"): column = lines[row].count
        case .tab:
            lines[row].insert(contentsOf: "  ", at: column)
            column += 2
        default:
            return false
        }
        return true
    }

    private mutating func moveRow(by delta: Int) {
        row = min(max(0, row + delta), lines.count - 1)
        column = min(column, lines[row].count)
    }
}
