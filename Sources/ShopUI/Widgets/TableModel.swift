import ShopKit

/// How a column takes its width: a fixed number of columns, or a share of what is left.
public enum ColumnWidth: Hashable, Sendable {
    case fixed(Int)
    case flexible(minimum: Int, weight: Int)
}

public enum Alignment: Sendable { case left, right }

public struct Column: Sendable {
    public let title: String
    public let width: ColumnWidth
    public let alignment: Alignment
    /// Higher is more important; the least important columns are dropped when space runs out.
    public let priority: Int

    public init(_ title: String, _ width: ColumnWidth, _ alignment: Alignment = .left, priority: Int = 5) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.priority = priority
    }
}

/// One cell's content and, when it carries meaning, the role that styles it.
public struct TableCell: Hashable, Sendable {
    public let text: SafeText
    public let role: StyleRole?

    public init(_ text: SafeText, role: StyleRole? = nil) {
        self.text = text
        self.role = role
    }

    /// Text that comes from data: always sanitised.
    public static func data(_ untrusted: String, role: StyleRole? = nil) -> TableCell {
        TableCell(SafeText(untrusted), role: role)
    }
}

/// One row of a table window, ready to draw.
public struct TableRow: Hashable, Sendable {
    public let id: Int64
    public let key: SortKey
    public let cells: [TableCell]
    /// The row version an edit must name; a newer one in the database makes the edit a conflict.
    public let version: Int64
    /// The editable columns' current values as a person types them (column index → text).
    public let editValues: [Int: String]

    public init(id: Int64, key: SortKey, cells: [TableCell], version: Int64 = 1, editValues: [Int: String] = [:]) {
        self.id = id
        self.key = key
        self.cells = cells
        self.version = version
        self.editValues = editValues
    }
}

/// Widths for the columns that fit in `width`, one space between columns. Returns the indices
/// kept and their widths; the least important columns go first when space runs out.
public func layoutColumns(_ columns: [Column], width: Int) -> [(index: Int, width: Int)] {
    var kept = Array(columns.indices)
    func minimumWidth(_ indices: [Int]) -> Int {
        indices.reduce(0) { total, index in
            switch columns[index].width {
            case .fixed(let fixed): total + fixed
            case .flexible(let minimum, _): total + minimum
            }
        } + max(0, indices.count - 1)
    }
    while kept.count > 1 && minimumWidth(kept) > width {
        let drop = kept.enumerated().min { lhs, rhs in
            let (a, b) = (columns[lhs.element].priority, columns[rhs.element].priority)
            return a != b ? a < b : lhs.offset > rhs.offset
        }!
        kept.remove(at: drop.offset)
    }
    var spare = max(0, width - minimumWidth(kept))
    let totalWeight = kept.reduce(0) { total, index in
        if case .flexible(_, let weight) = columns[index].width { return total + weight }
        return total
    }
    var result: [(index: Int, width: Int)] = []
    var remainingWeight = totalWeight
    for index in kept {
        switch columns[index].width {
        case .fixed(let fixed):
            result.append((index, fixed))
        case .flexible(let minimum, let weight):
            let share = remainingWeight > 0 ? spare * weight / remainingWeight : 0
            spare -= share
            remainingWeight -= weight
            result.append((index, minimum + share))
        }
    }
    if totalWeight == 0, spare > 0, let last = result.indices.last {
        result[last].width += spare
    }
    // One column left that is wider than the space: narrow it rather than overflow.
    if result.count == 1 { result[0].width = min(result[0].width, max(0, width)) }
    return result
}

/// A row of cells laid out under `columns` (right-aligned where the column says), for the
/// previews that draw a table of their own.
struct ColumnRowWriter {
    let columns: [Column]
    let layout: [(index: Int, width: Int)]
    let x: Int

    init(columns: [Column], x: Int, width: Int) {
        self.columns = columns
        self.layout = layoutColumns(columns, width: width)
        self.x = x
    }

    func put(_ cells: [TableCell], y: Int, base: StyleRole, into grid: inout CellGrid, theme: Theme) {
        var x = self.x
        for (index, width) in layout {
            let cell = cells[index]
            let text = cell.text.clipped(to: width)
            let offset = columns[index].alignment == .right ? max(0, width - text.width) : 0
            grid.put(text, x: x + offset, y: y, maxWidth: width - offset, style: theme.style(cell.role ?? base))
            x += width + 1
        }
    }

    func putTitles(y: Int, into grid: inout CellGrid, theme: Theme) {
        put(columns.map { TableCell(SafeText($0.title)) }, y: y, base: .header, into: &grid, theme: theme)
    }
}
