/// Lays a detail document out for a width: long lines wrap at spaces (or mid-word when a word
/// is wider than the line), and a wrapped field's value stays indented under itself. The model
/// and the view share this, so scrolling stops exactly at the last row.
enum DetailLayout {
    typealias Span = DetailDocument.Span

    static func rows(_ document: DetailDocument, width: Int) -> [[Span]] {
        let width = max(1, width)
        var rows: [[Span]] = []
        for line in document.lines {
            let indent = line.count >= 2 && line[0].role == .dim ? min(line[0].text.width, width / 2) : 0
            rows += wrap(line, width: width, indent: indent)
        }
        return rows
    }

    private static func wrap(_ line: [Span], width: Int, indent: Int) -> [[Span]] {
        let total = line.reduce(0) { $0 + $1.text.width }
        guard total > width else { return [line] }
        var rows: [[Span]] = []
        var current: [Span] = []
        var used = 0
        func newRow() {
            rows.append(current)
            current = indent > 0 ? [Span(SafeText(String(repeating: " ", count: indent)), .normal)] : []
            used = indent
        }
        for span in line {
            var glyphs = span.text.glyphs[...]
            while !glyphs.isEmpty {
                let room = width - used
                var take = 0
                var columns = 0
                var lastSpace: Int?
                for glyph in glyphs {
                    if columns + glyph.width > room { break }
                    columns += glyph.width
                    take += 1
                    if glyph.text == " " { lastSpace = take }
                }
                if take == glyphs.count {
                    current.append(Span(SafeText(glyphs: Array(glyphs)), span.role))
                    used += columns
                    break
                }
                // Break after the last space that fits, or mid-word if the row has no space.
                // A word that does not fit where it starts moves to a new row; it is split only when
                // it is wider than a whole row.
                if let space = lastSpace { take = space } else if used > indent { newRow(); continue }
                take = max(take, 1)
                current.append(Span(SafeText(glyphs: Array(glyphs.prefix(take))), span.role))
                glyphs = glyphs.dropFirst(take)
                while glyphs.first?.text == " " { glyphs = glyphs.dropFirst() }
                newRow()
            }
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }
}
