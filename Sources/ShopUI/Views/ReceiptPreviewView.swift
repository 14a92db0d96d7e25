import ShopKit

/// The preview of a delivery for many SKUs: each SKU with its level at the location before and
/// after, and every line that cannot be booked; nothing is written until `y`.
enum ReceiptPreviewView {
    static func draw(into grid: inout CellGrid, area: Rect, preview: ReceiptPreviewState, theme: Theme) {
        let reference = preview.reference.isEmpty ? "" : " · " + preview.reference
        let title = SafeText(" Receive at \(preview.locationCode)\(reference) — \(preview.lines.count) SKUs")
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: theme.style(.header))
        grid.put(title, x: area.x, y: area.y, maxWidth: area.width, style: theme.style(.header))
        let columns = [
            Column("SKU", .flexible(minimum: 12, weight: 1), priority: 9),
            Column("Product", .flexible(minimum: 10, weight: 2), priority: 4),
            Column("Before", .fixed(7), .right, priority: 6),
            Column("+Qty", .fixed(7), .right, priority: 10),
            Column("After", .fixed(7), .right, priority: 8),
        ]
        let table = ColumnRowWriter(columns: columns, x: area.x + 1, width: area.width - 1)
        func put(_ cells: [TableCell], y: Int, base: StyleRole) { table.put(cells, y: y, base: base, into: &grid, theme: theme) }
        table.putTitles(y: area.y + 1, into: &grid, theme: theme)
        let bodyHeight = max(0, area.height - 4)
        // Problems first: they are what the person has to act on.
        let rows: [[TableCell]] = preview.problems.map { problem in
            [TableCell(SafeText(problem), role: .danger), .data(""), .data(""), .data(""), .data("")]
        } + preview.lines.map { line in
            [
                .data(line.sku), .data(line.title), TableCell(SafeText(Format.quantity(line.before)), role: .dim),
                TableCell(SafeText("+" + Format.quantity(line.quantity))),
                TableCell(SafeText(Format.quantity(line.before + line.quantity))),
            ]
        }
        for (offset, cells) in rows.dropFirst(preview.scroll).prefix(bodyHeight).enumerated() {
            if cells[0].role == .danger {
                grid.put(cells[0].text, x: area.x + 1, y: area.y + 2 + offset, maxWidth: area.width - 2, style: theme.style(.danger))
            } else {
                put(cells, y: area.y + 2 + offset, base: .normal)
            }
        }
        let footerY = area.y + area.height - 2
        grid.fill(Rect(x: area.x, y: footerY, width: area.width, height: 2), style: theme.style(.normal))
        if preview.problems.isEmpty {
            grid.put(SafeText(" \(Format.quantity(preview.totalUnits)) units in \(preview.lines.count) SKUs"), x: area.x,
                     y: footerY, style: theme.style(.header))
            grid.put(SafeText(" Receive? y books it · n goes back to the lines · j/k scroll"), x: area.x, y: footerY + 1,
                     style: theme.style(.brand))
        } else {
            grid.put(SafeText(" \(preview.problems.count) line(s) cannot be received — nothing will be booked"), x: area.x,
                     y: footerY, style: theme.style(.danger))
            grid.put(SafeText(" n goes back to fix the lines · j/k scroll"), x: area.x, y: footerY + 1, style: theme.style(.brand))
        }
    }
}
