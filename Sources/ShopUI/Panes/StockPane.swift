import ShopKit

/// Stock: one row per SKU — on hand per location, reserved, available, reorder point.
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
                columns.append(Column(String(location.code.prefix(6)), .fixed(6), .right, priority: 3))
            }
            columns += [
                Column("OnHand", .fixed(7), .right, priority: 6),
                Column("Rsv", .fixed(5), .right, priority: 5),
                Column("Avail", .fixed(6), .right, priority: 10),
                Column("Reord", .fixed(5), .right, priority: 4),
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
        ]
        return TableRow(id: item.id, key: item.sortKey, cells: cells)
    }
}
