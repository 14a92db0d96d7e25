/// A record in a form: one field per row, the focused one with a cursor, a live counter for
/// texts with a limit, and each validation message under its field.
enum FormView {
    static let labelWidth = 17

    static func draw(into grid: inout CellGrid, area: Rect, form: FormState, theme: Theme) {
        grid.fill(area, style: theme.style(.normal))
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: theme.style(.header))
        grid.put(SafeText(" " + form.title), x: area.x, y: area.y, maxWidth: area.width, style: theme.style(.header))
        var y = area.y + 2
        let valueX = area.x + 2 + labelWidth
        for (index, field) in form.fields.enumerated() {
            guard y < area.y + area.height - 1 else { break }
            let focused = index == form.focus
            grid.put(SafeText(field.label), x: area.x + 2, y: y, maxWidth: labelWidth - 1,
                     style: theme.style(focused ? .brand : .dim))
            var counter = ""
            if let limit = field.limit { counter = " \(field.editor.text.count)/\(limit)" }
            let width = max(4, area.width - valueX - counter.count - 2)
            if field.isLongText {
                let firstLine = field.editor.text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                let lines = field.editor.text.split(separator: "\n", omittingEmptySubsequences: false).count
                let summary = (firstLine.isEmpty ? "(empty)" : firstLine) + (lines > 1 ? "  (+\(lines - 1) lines)" : "")
                grid.put(SafeText(summary), x: valueX, y: y, maxWidth: width, style: theme.style(focused ? .selected : .normal))
                if focused {
                    grid.put(SafeText("Enter opens it for editing"), x: valueX, y: y + 1,
                             maxWidth: area.width - valueX - 1, style: theme.style(.dim))
                    y += 1
                }
            } else {
                let fieldStyle = Style(
                    foreground: theme.style(.normal).foreground, background: theme.style(.normal).background,
                    bold: focused, underline: true)
                grid.fill(Rect(x: valueX, y: y, width: width, height: 1), style: fieldStyle)
                // Only the focused field scrolls to its cursor; the others show their beginning.
                let (text, cursor) = focused
                    ? field.editor.display(width: width - 1) : (SafeText(field.editor.text).clipped(to: width), 0)
                grid.put(text, x: valueX, y: y, maxWidth: width, style: fieldStyle)
                if focused { grid.restyle(Rect(x: valueX + cursor, y: y, width: 1, height: 1)) { _ in theme.style(.selected) } }
                if focused, let hint = field.hint, field.error == nil, y + 1 < area.y + area.height - 1 {
                    grid.put(SafeText(hint), x: valueX, y: y + 1, maxWidth: area.width - valueX - 1, style: theme.style(.dim))
                    y += 1
                }
            }
            if let limit = field.limit {
                let over = field.editor.text.count > limit || field.editor.text.isEmpty
                grid.put(SafeText(counter), x: valueX + width, y: y, style: theme.style(over ? .warning : .dim))
            }
            y += 1
            if let error = field.error, y < area.y + area.height - 1 {
                grid.put(SafeText("↳ " + error), x: valueX, y: y, maxWidth: area.width - valueX - 1, style: theme.style(.danger))
                y += 1
            }
        }
        let hint = SafeText(" Tab/↓ next · Shift-Tab/↑ previous · Ctrl-S saves · Esc closes")
        grid.put(hint, x: area.x, y: area.y + area.height - 1, maxWidth: area.width, style: theme.style(.dim))
    }
}
