import ShopKit

/// The preview of a bulk price change: every affected variant old → new with its new margin,
/// and the totals; nothing is written until `y`.
enum BulkPreviewView {
    static func draw(into grid: inout CellGrid, area: Rect, preview: BulkPreviewState, theme: Theme) {
        let title = SafeText(" Bulk price \(preview.ruleText) — \(preview.lines.count) variants")
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: theme.style(.header))
        grid.put(title, x: area.x, y: area.y, maxWidth: area.width, style: theme.style(.header))
        let columns = [
            Column("SKU", .flexible(minimum: 12, weight: 1), priority: 9),
            Column("Product", .flexible(minimum: 10, weight: 2), priority: 4),
            Column("Old", .fixed(10), .right, priority: 8),
            Column("New", .fixed(10), .right, priority: 10),
            Column("Margin", .fixed(7), .right, priority: 7),
            Column("", .flexible(minimum: 10, weight: 2), priority: 6),
        ]
        let table = ColumnRowWriter(columns: columns, x: area.x + 1, width: area.width - 1)
        func put(_ cells: [TableCell], y: Int, base: StyleRole) { table.put(cells, y: y, base: base, into: &grid, theme: theme) }
        table.putTitles(y: area.y + 1, into: &grid, theme: theme)
        let bodyHeight = max(0, area.height - 4)
        for (offset, line) in preview.lines.dropFirst(preview.scroll).prefix(bodyHeight).enumerated() {
            put([
                .data(line.sku), .data(line.title), TableCell(SafeText(line.oldPrice.formatted), role: .dim),
                TableCell(SafeText(line.newPrice?.formatted ?? "—"), role: line.newPrice == nil ? .dim : nil),
                TableCell(SafeText(line.marginBasisPoints.map { percentText(basisPoints: $0) } ?? "—")),
                TableCell(SafeText(line.note), role: line.role),
            ], y: area.y + 2 + offset, base: .normal)
        }
        let sign = preview.totalDifference.isNegative ? "" : "+"
        var summary = "\(preview.changedCount) change\(preview.changedCount == 1 ? "" : "s")"
        if preview.skippedCount > 0 { summary += " · \(preview.skippedCount) skipped" }
        if preview.belowFloorCount > 0 { summary += " · \(preview.belowFloorCount) below the floor" }
        summary += " · total \(sign)\(preview.totalDifference.formatted)"
        let footerY = area.y + area.height - 2
        grid.fill(Rect(x: area.x, y: footerY, width: area.width, height: 2), style: theme.style(.normal))
        grid.put(SafeText(" " + summary), x: area.x, y: footerY, style: theme.style(preview.belowFloorCount > 0 ? .warning : .header))
        grid.put(SafeText(" Apply? y applies · n or Esc cancels (nothing is written until y) · j/k scroll"), x: area.x,
                 y: footerY + 1, style: theme.style(.brand))
    }
}

/// A question in a box over the screen; the answer defaults to No.
enum ConfirmView {
    static func draw(into grid: inout CellGrid, area: Rect, question: String, theme: Theme) {
        let width = min(area.width - 4, 64)
        let document = DetailDocument(title: SafeText(""), lines: [[.init(SafeText(question), .normal)]])
        let rows = DetailLayout.rows(document, width: width - 4)
        let height = min(area.height, rows.count + 4)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        grid.fill(box, style: theme.style(.help))
        grid.fill(Rect(x: box.x, y: box.y, width: box.width, height: 1), style: theme.style(.tabActive))
        grid.put(SafeText(" Confirm "), x: box.x + 1, y: box.y, style: theme.style(.tabActive))
        for (offset, spans) in rows.prefix(max(0, height - 4)).enumerated() {
            var x = box.x + 2
            for span in spans { x += grid.put(span.text, x: x, y: box.y + 2 + offset, maxWidth: box.x + box.width - 2 - x, style: theme.style(.warning)) }
        }
        grid.put(SafeText("y yes · n, Enter or Esc no"), x: box.x + 2, y: box.y + height - 1, style: theme.style(.brand))
    }
}
