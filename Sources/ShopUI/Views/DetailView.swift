/// A read-only document: a title line and scrolled lines of styled spans.
enum DetailView {
    static func draw(into grid: inout CellGrid, area: Rect, document: DetailDocument, scroll: Int, theme: Theme) {
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: theme.style(.header))
        grid.put(document.title, x: area.x + 1, y: area.y, maxWidth: area.width - 2, style: theme.style(.header))
        let height = area.height - 1
        let rows = DetailLayout.rows(document, width: area.width - 2)
        let scroll = min(scroll, max(0, rows.count - height))
        let lines = rows.dropFirst(scroll).prefix(height)
        for (offset, spans) in lines.enumerated() {
            var x = area.x + 2
            for span in spans {
                guard x < area.x + area.width else { break }
                x += grid.put(span.text, x: x, y: area.y + 1 + offset, maxWidth: area.x + area.width - x, style: theme.style(span.role))
            }
        }
        if rows.count > height {
            let more = SafeText(" \(min(scroll + height, rows.count))/\(rows.count) ")
            grid.put(more, x: area.x + area.width - more.width, y: area.y, style: theme.style(.header))
        }
    }
}
