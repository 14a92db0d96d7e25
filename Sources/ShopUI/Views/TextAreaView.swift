/// The built-in editor for long text: the lines around the cursor, the cursor shown.
enum TextAreaView {
    static func draw(into grid: inout CellGrid, area: Rect, textArea: TextArea, title: String, theme: Theme) {
        grid.fill(area, style: theme.style(.normal))
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: theme.style(.header))
        grid.put(SafeText(" \(title) — line \(textArea.row + 1) of \(textArea.lines.count)"), x: area.x, y: area.y,
                 maxWidth: area.width, style: theme.style(.header))
        let height = area.height - 1
        let top = max(0, min(textArea.row - height / 2, textArea.lines.count - height))
        let width = area.width - 2
        for (offset, line) in textArea.lines.dropFirst(top).prefix(height).enumerated() {
            let y = area.y + 1 + offset
            var editor = LineEditor(String(line))
            let isCursorRow = top + offset == textArea.row
            if isCursorRow {
                // Place the line editor's cursor where the text area's is, to scroll the same way.
                _ = editor.apply(.home)
                for _ in 0..<textArea.column { _ = editor.apply(.right) }
            }
            let (text, cursor) = isCursorRow ? editor.display(width: width - 1) : (SafeText(String(line)).clipped(to: width), 0)
            grid.put(text, x: area.x + 1, y: y, maxWidth: width, style: theme.style(.normal))
            if isCursorRow { grid.restyle(Rect(x: area.x + 1 + cursor, y: y, width: 1, height: 1)) { _ in theme.style(.selected) } }
        }
    }
}
