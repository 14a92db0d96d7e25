import ShopKit

/// Stock: one row per SKU — on hand per location, reserved, available, reorder point, sales per
/// day over the last 30 days, days of cover and the value at cost.
enum StockPane {
    static let definition = PaneDefinition(
        id: .stock,
        columns: { overview in
            var columns = [
                Column("", .fixed(1), priority: 10),
                Column("SKU", .flexible(minimum: 16, weight: 1), priority: 9),
                Column("Product", .flexible(minimum: 10, weight: 3), priority: 8),
            ]
            for location in overview.locations {
                columns.append(Column(String(location.code.prefix(6)), .fixed(6), .right, priority: 4))
            }
            columns += [
                Column("OnHand", .fixed(7), .right, priority: 6),
                Column("Rsv", .fixed(5), .right, priority: 3),
                Column("Avail", .fixed(6), .right, priority: 10),
                Column("Reord", .fixed(5), .right, priority: 5),
                Column("/day", .fixed(5), .right, priority: 7),
                Column("Cover", .fixed(5), .right, priority: 7),
                Column("Value", .fixed(10), .right, priority: 2),
            ]
            return columns
        },
        rows: { store, request, _ in try store.stockPage(request).map(row) },
        count: { store, filter in try store.stockCount(filter: filter) },
        detail: { store, id, context in try store.variantDetail(id: id).map { VariantDocument.make($0, context: context) } },
        emptyHint: "No stock yet. Load the demo shop with `shopdesk init --demo --db FILE`, or `shopdesk demo`.")

    static func row(_ item: StockListItem) -> TableRow {
        let (flag, role): (String, StyleRole?) =
            item.available <= 0 ? ("!", .danger) : item.isBelowReorderPoint ? ("~", .warning) : (" ", nil)
        var cells: [TableCell] = [
            TableCell(SafeText(flag), role: role),
            .data(item.sku),
            .data(item.productTitle + (item.optionSummary == "Default" ? "" : " · " + item.optionSummary)),
        ]
        cells += item.onHandByLocation.map { TableCell(SafeText(Format.quantity($0))) }
        cells += [
            TableCell(SafeText(Format.quantity(item.onHand))),
            TableCell(SafeText(Format.quantity(item.reserved)), role: .dim),
            TableCell(SafeText(Format.quantity(item.available)), role: role),
            TableCell(SafeText(item.reorderPoint.map(Format.quantity) ?? "—"), role: .dim),
            TableCell(SafeText(item.velocity.perDayText), role: item.velocity.isSelling ? nil : .dim),
            TableCell(SafeText(coverText(item)), role: coverRole(item)),
            TableCell(SafeText(item.valueAtCost?.decimalText ?? "—"), role: .dim),
        ]
        return TableRow(id: item.id, key: item.sortKey, cells: cells)
    }

    /// Days the available stock lasts at the current pace: "12d", "—" when nothing sells.
    static func coverText(_ item: StockListItem) -> String {
        guard let days = item.daysOfCover else { return item.available > 0 ? "—" : "0d" }
        return days > 999 ? "999+" : "\(days)d"
    }

    /// Cover shorter than the lead time is urgent; above the overstock threshold, ties up money.
    static func coverRole(_ item: StockListItem) -> StyleRole? {
        guard let days = item.daysOfCover else { return .dim }
        if days <= (item.reorder?.leadTimeDays ?? 0) { return .warning }
        if days > StockView.overstockDays { return .dim }
        return nil
    }
}
