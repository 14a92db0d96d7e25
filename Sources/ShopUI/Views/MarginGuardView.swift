import ShopKit

/// The margin guard's refusal: every variant the promotion would sell under the floor, its worst
/// price per unit, the lowest price the floor allows and the promotions that together reach it.
/// Below cost is `!`, under the floor `~` (a symbol as well as a colour). Nothing is saved
/// unless `y` sends the change again with the override, which the store audits.
enum MarginGuardView {
    static let columns = [
        Column("SKU", .flexible(minimum: 12, weight: 1), priority: 9),
        Column("Product", .flexible(minimum: 10, weight: 1), priority: 4),
        Column("Worst", .fixed(10), .right, priority: 10),
        Column("Lowest ok", .fixed(10), .right, priority: 7),
        Column("Because of", .flexible(minimum: 14, weight: 3), priority: 8),
    ]

    static func lineCount(_ state: MarginGuardState) -> Int { state.violations.count }

    static func cells(_ violation: MarginGuardViolation) -> [TableCell] {
        let worst = (violation.isBelowCost ? "! " : "~ ") + violation.worstUnitPrice.formatted
        let buying = violation.quantity == 1 ? "" : "buying \(violation.quantity): "
        return [
            .data(violation.sku.isEmpty ? "variant \(violation.variantID)" : violation.sku),
            .data(violation.productTitle),
            TableCell(SafeText(worst), role: violation.isBelowCost ? .danger : .warning),
            TableCell(SafeText(violation.lowestAllowed.formatted), role: .dim),
            .data(buying + violation.promotionNames.joined(separator: " + ")),
        ]
    }

    static func draw(into grid: inout CellGrid, area: Rect, state: MarginGuardState, theme: Theme) {
        grid.fill(area, style: theme.style(.normal))
        let count = state.violations.count
        let title = SafeText(" Margin guard: ") + SafeText(state.name)
            + SafeText(" sells \(count) variant\(count == 1 ? "" : "s") under the floor")
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: theme.style(.header))
        grid.put(title, x: area.x, y: area.y, maxWidth: area.width, style: theme.style(.header))
        let layout = layoutColumns(columns, width: area.width - 1)
        func put(_ cells: [TableCell], y: Int, base: StyleRole) {
            var x = area.x + 1
            for (index, width) in layout {
                let cell = cells[index]
                let text = cell.text.clipped(to: width)
                let offset = columns[index].alignment == .right ? max(0, width - text.width) : 0
                grid.put(text, x: x + offset, y: y, maxWidth: width - offset, style: theme.style(cell.role ?? base))
                x += width + 1
            }
        }
        put(columns.map { TableCell(SafeText($0.title)) }, y: area.y + 1, base: .header)
        let bodyHeight = max(0, area.height - 4)
        for (offset, violation) in state.violations.dropFirst(state.scroll).prefix(bodyHeight).enumerated() {
            put(cells(violation), y: area.y + 2 + offset, base: .normal)
        }
        let footerY = area.y + area.height - 2
        grid.fill(Rect(x: area.x, y: footerY, width: area.width, height: 2), style: theme.style(.normal))
        let shown = count > bodyHeight ? " · \(min(state.scroll + bodyHeight, count))/\(count) · j/k scroll" : ""
        grid.put(SafeText(" ! below cost · ~ below the margin floor\(shown)"), x: area.x, y: footerY,
                 maxWidth: area.width, style: theme.style(.warning))
        grid.put(SafeText(" Save anyway? y saves with an override (audited) · n or Esc: back, not saved"), x: area.x,
                 y: footerY + 1, maxWidth: area.width, style: theme.style(.brand))
    }
}
