import ShopKit

/// A promotion's codes, a window at a time (a campaign can hold ten thousand): each code with
/// its own use counter and the orders that carry it.
enum PromotionCodesView {
    static let columns = [
        Column("Code", .flexible(minimum: 12, weight: 1), priority: 10),
        Column("Uses", .fixed(7), .right, priority: 8),
        Column("Orders", .fixed(7), .right, priority: 9),
    ]

    static func row(_ item: PromotionCodeItem) -> TableRow {
        TableRow(id: item.id, key: item.sortKey, cells: [
            .data(item.code), TableCell(SafeText(Format.quantity(item.uses))), TableCell(SafeText(Format.quantity(item.orders))),
        ])
    }

    static func draw(into grid: inout CellGrid, area: Rect, view: PromotionCodesState, theme: Theme) {
        grid.fill(area, style: theme.style(.normal))
        let total = view.window.total.map { Format.quantity(Int64($0)) } ?? "…"
        let title = SafeText(" Codes of ") + SafeText(view.name) + SafeText(" — \(total)")
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: theme.style(.header))
        grid.put(title, x: area.x, y: area.y, maxWidth: area.width, style: theme.style(.header))
        let layout = layoutColumns(columns, width: min(area.width - 1, 48))
        var x = area.x + 1
        for (index, width) in layout {
            let header = SafeText(columns[index].title)
            let offset = columns[index].alignment == .right ? max(0, width - header.width) : 0
            grid.put(header, x: x + offset, y: area.y + 1, maxWidth: width, style: theme.style(.header))
            x += width + 1
        }
        let height = max(1, area.height - 2)
        if view.window.isLoaded && view.window.rows.isEmpty {
            grid.put(SafeText("No codes yet. + generates unique single-use codes."), x: area.x + 2, y: area.y + 3,
                     maxWidth: area.width - 4, style: theme.style(.dim))
            return
        }
        for (offset, entry) in view.window.visibleRows(height: height).enumerated() {
            let y = area.y + 2 + offset
            let selected = entry.index == view.window.selected
            let style = theme.style(selected ? .selected : .normal)
            if selected {
                grid.fill(Rect(x: area.x, y: y, width: min(area.width, layout.reduce(1) { $0 + $1.width + 1 }), height: 1), style: style)
                grid.put(SafeText("▌"), x: area.x, y: y, style: style)
            }
            var x = area.x + 1
            for (index, width) in layout {
                let text = entry.row.cells[index].text.clipped(to: width)
                let offset = columns[index].alignment == .right ? max(0, width - text.width) : 0
                grid.put(text, x: x + offset, y: y, maxWidth: width - offset, style: style)
                x += width + 1
            }
        }
    }
}
