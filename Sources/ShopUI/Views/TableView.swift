/// Draws the active pane's table: a header and the visible window of rows, the selected row
/// in the selection style. Only rows `[top, top + height)` are drawn.
enum TableView {
    static func draw(into grid: inout CellGrid, area: Rect, state: AppState, theme: Theme) {
        let definition = PaneDefinition.definition(for: state.active)
        let columns = definition.columns(state.overview)
        let layout = layoutColumns(columns, width: area.width - 1)
        let table = state.table
        let focused = state.focusedColumn[state.active].flatMap { index in
            definition.editable.indices.contains(index) ? definition.editable[index].column : nil
        }
        var editing: CellEdit?
        if case .edit(let edit) = state.mode, edit.pane == state.active { editing = edit }
        var x = area.x + 1
        var columnX: [Int: (x: Int, width: Int)] = [:]
        for (index, width) in layout {
            let column = columns[index]
            let title = SafeText(column.title)
            let offset = column.alignment == .right ? max(0, width - title.width) : 0
            // The column ←/→ chose for editing stands out in the header.
            let role: StyleRole = index == focused ? .tabActive : .header
            if index == focused { grid.fill(Rect(x: x, y: area.y, width: width, height: 1), style: theme.style(role)) }
            grid.put(title, x: x + offset, y: area.y, maxWidth: width, style: theme.style(role))
            columnX[index] = (x, width)
            x += width + 1
        }
        let marked = state.marks[state.active] ?? []
        let allMarked = state.allMarked.contains(state.active)
        let bodyTop = area.y + 1
        let height = area.height - 1
        if table.isLoaded && table.rows.isEmpty {
            let hint = table.filter.isEmpty ? definition.emptyHint : "Nothing matches “\(table.filter)”. Esc clears the filter."
            drawWrapped(SafeText(hint), into: &grid, x: area.x + 2, y: bodyTop + 1, width: area.width - 4, theme: theme)
            return
        }
        for (offset, entry) in table.visibleRows(height: height).enumerated() {
            let y = bodyTop + offset
            let isSelected = entry.index == table.selected
            let rowStyle = theme.style(isSelected ? .selected : .normal)
            grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
            // The gutter: * for a marked row (also without colour), ▌ for the selected one.
            if allMarked || marked.contains(entry.row.id) {
                grid.put(SafeText("*"), x: area.x, y: y, style: isSelected ? rowStyle : theme.style(.warning))
            } else if isSelected {
                grid.put(SafeText("▌"), x: area.x, y: y, style: rowStyle)
            }
            var x = area.x + 1
            for (index, width) in layout {
                guard entry.row.cells.indices.contains(index) else { continue }
                let cell = entry.row.cells[index]
                var style = isSelected ? rowStyle : theme.style(cell.role ?? .normal)
                if isSelected, let role = cell.role, role == .danger || role == .warning { style.bold = true }
                let text = cell.text.clipped(to: width)
                let offset = columns[index].alignment == .right ? max(0, width - text.width) : 0
                drawCell(text, into: &grid, x: x + offset, y: y, width: width - offset, style: style, theme: theme, selected: isSelected)
                x += width + 1
            }
            if let edit = editing, edit.rowID == entry.row.id, let place = columnX[edit.column] {
                drawEditor(edit.editor, into: &grid, x: place.x, y: y, width: place.width, theme: theme)
            }
        }
    }

    /// The field being edited, in place of its cell, with a visible cursor.
    static func drawEditor(_ editor: LineEditor, into grid: inout CellGrid, x: Int, y: Int, width: Int, theme: Theme) {
        let fieldStyle = Style(foreground: theme.style(.normal).foreground, background: theme.style(.normal).background, underline: true)
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: fieldStyle)
        let (text, cursor) = editor.display(width: max(1, width - 1))
        grid.put(text, x: x, y: y, maxWidth: width, style: fieldStyle)
        grid.restyle(Rect(x: x + cursor, y: y, width: 1, height: 1)) { _ in theme.style(.selected) }
    }

    /// Draws cell text; replaced control characters stand out in the placeholder style.
    private static func drawCell(
        _ text: SafeText, into grid: inout CellGrid, x: Int, y: Int, width: Int, style: Style, theme: Theme, selected: Bool
    ) {
        guard text.glyphs.contains(where: \.isPlaceholder) else {
            grid.put(text, x: x, y: y, maxWidth: width, style: style)
            return
        }
        var column = x
        for glyph in text.glyphs {
            let glyphText = SafeText(glyph.text)
            var glyphStyle = style
            if glyph.isPlaceholder && !selected { glyphStyle = theme.style(.placeholder) }
            column += grid.put(glyph.isPlaceholder ? SafeText.placeholderGlyph(glyph) : glyphText,
                               x: column, y: y, maxWidth: x + width - column, style: glyphStyle)
        }
    }

    static func drawWrapped(_ text: SafeText, into grid: inout CellGrid, x: Int, y: Int, width: Int, theme: Theme) {
        guard width > 0 else { return }
        var line: [SafeText.Glyph] = []
        var lineWidth = 0
        var row = y
        var words: [[SafeText.Glyph]] = [[]]
        for glyph in text.glyphs {
            if glyph.text == " " { words.append([]) } else { words[words.count - 1].append(glyph) }
        }
        for word in words {
            let wordWidth = word.reduce(0) { $0 + $1.width }
            if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                grid.put(SafeText(line.map(\.text).joined()), x: x, y: row, maxWidth: width, style: theme.style(.dim))
                row += 1
                line = []
                lineWidth = 0
            }
            if lineWidth > 0 { line.append(.init(text: " ", width: 1, isPlaceholder: false)); lineWidth += 1 }
            line += word
            lineWidth += wordWidth
        }
        if !line.isEmpty { grid.put(SafeText(line.map(\.text).joined()), x: x, y: row, maxWidth: width, style: theme.style(.dim)) }
    }
}

extension SafeText {
    /// A single placeholder glyph as text (already safe: placeholders are printable symbols).
    static func placeholderGlyph(_ glyph: Glyph) -> SafeText { SafeText(glyph.text) }
}
