/// One cell of the screen: a glyph and its style. The right half of a wide glyph is a
/// continuation cell that the backend skips.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public var isContinuation: Bool

    public init(text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }
}

/// An in-memory screen. Views draw into it; the terminal backend copies it to the terminal,
/// and tests read it back as a person would see it.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(style: style), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(_ rect: Rect, style: Style) {
        let clipped = rect.intersection(Rect(x: 0, y: 0, width: width, height: height))
        guard clipped.width > 0, clipped.height > 0 else { return }
        for y in clipped.y..<(clipped.y + clipped.height) {
            for x in clipped.x..<(clipped.x + clipped.width) {
                cells[y * width + x] = Cell(style: style)
            }
        }
    }

    /// Draws text at x, y within `maxWidth` columns (clipped with …), returns the columns used.
    /// A wide glyph that would straddle the edge is replaced by a space.
    @discardableResult
    public mutating func put(_ text: SafeText, x: Int, y: Int, maxWidth: Int? = nil, style: Style) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        var column = x
        for glyph in text.clipped(to: limit).glyphs {
            if column + glyph.width > x + limit { break }
            if column >= 0 {
                if glyph.width == 2 && column + 1 >= width {
                    cells[y * width + column] = Cell(text: " ", style: style)
                } else {
                    clearWideNeighbours(x: column, y: y, width: glyph.width)
                    cells[y * width + column] = Cell(text: glyph.text, style: style)
                    if glyph.width == 2 {
                        cells[y * width + column + 1] = Cell(text: "", style: style, isContinuation: true)
                    }
                }
            }
            column += glyph.width
        }
        return column - x
    }

    /// Overwriting half of a wide glyph blanks its other half, so no stray half-glyph remains.
    private mutating func clearWideNeighbours(x: Int, y: Int, width glyphWidth: Int) {
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(text: " ", style: cells[index - 1].style)
        }
        let end = x + glyphWidth
        if end < width, cells[y * width + end].isContinuation {
            cells[y * width + end] = Cell(text: " ", style: cells[y * width + end].style)
        }
    }

    /// Applies a style to existing cells (used to highlight a selected row).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let clipped = rect.intersection(Rect(x: 0, y: 0, width: width, height: height))
        guard clipped.width > 0, clipped.height > 0 else { return }
        for y in clipped.y..<(clipped.y + clipped.height) {
            for x in clipped.x..<(clipped.x + clipped.width) {
                cells[y * width + x].style = transform(cells[y * width + x].style)
            }
        }
    }

    /// The text of one row as a person reads it (continuation cells dropped).
    public func rowText(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation { text += self[x, y].text }
        return text
    }

    /// The whole screen as text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<height).map { y in
            var line = rowText(y)
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(x + width, other.x + other.width)
        let bottom = min(y + height, other.y + other.height)
        return Rect(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
    }
}
