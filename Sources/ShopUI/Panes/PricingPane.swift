import ShopKit

/// Pricing: one row per variant — price, compare-at, cost and the margin that follows.
enum PricingPane {
    static let definition = PaneDefinition(
        id: .pricing,
        columns: { _ in
            [
                Column("SKU", .flexible(minimum: 16, weight: 1), priority: 9),
                Column("Product", .flexible(minimum: 12, weight: 3), priority: 8),
                Column("Variant", .flexible(minimum: 8, weight: 1), priority: 4),
                Column("Price", .fixed(10), .right, priority: 10),
                Column("Compare", .fixed(10), .right, priority: 2),
                Column("Cost", .fixed(10), .right, priority: 6),
                Column("Margin", .fixed(8), .right, priority: 7),
                Column("Markup", .fixed(8), .right, priority: 1),
                Column("Now", .fixed(9), .right, priority: 5),
                Column("Promotions", .flexible(minimum: 10, weight: 1), priority: 0),
            ]
        },
        rows: { store, request, context in
            let items = try store.pricePage(request)
            // Prices under promotions are worked out for the rows read (a window), in one batch.
            let summaries = (try? store.variantPromotionSummaries(ids: items.map(\.id))) ?? [:]
            return items.map { row($0, context: context, promotions: summaries[$0.id]) }
        },
        count: { store, filter in try store.priceCount(filter: filter) },
        detail: { store, id, context in try store.variantDetail(id: id).map { VariantDocument.make($0, context: context) } },
        emptyHint: "No variants yet. Load the demo shop with `shopdesk init --demo --db FILE`, or `shopdesk demo`.",
        editable: [
            .variant(3, "price", .price),
            .variant(4, "compare-at price", .compareAtPrice),
            .variant(5, "cost", .cost),
        ],
        sortOrders: [("", "SKU"), ("margin", "margin, lowest first")])

    /// The effective price now (under the automatic promotions) and the promotions running on
    /// the variant: "2 Winter Sale, Tea Week". `=` says no automatic promotion changes the price
    /// (so a price in the column is itself the sign that one does, with or without colour).
    static func promotionCells(_ summary: VariantPromotionSummary?, price: Money) -> [TableCell] {
        guard let summary else { return [TableCell(SafeText("—"), role: .dim), TableCell(SafeText(""))] }
        let now = summary.quote.effectiveUnitPrice
        let nowCell = now < price
            ? TableCell(SafeText(now.formatted), role: .good) : TableCell(SafeText("="), role: .dim)
        let names = summary.activePromotions.map(\.name)
        let namesCell: TableCell = names.isEmpty ? TableCell(SafeText("")) : .data("\(names.count) " + names.joined(separator: ", "))
        return [nowCell, namesCell]
    }

    static func row(_ item: VariantPriceItem, context: PresentationContext, promotions: VariantPromotionSummary? = nil) -> TableRow {
        var marginCell = TableCell(SafeText("—"), role: .dim)
        if let margin = item.margin, let basisPoints = margin.marginBasisPoints {
            if margin.isBelowCost {
                marginCell = TableCell(SafeText("! " + percentText(basisPoints: basisPoints)), role: .danger)
            } else if margin.isBelow(floorBasisPoints: context.overview.marginFloorBasisPoints) {
                marginCell = TableCell(SafeText("~ " + percentText(basisPoints: basisPoints)), role: .warning)
            } else {
                marginCell = TableCell(SafeText(percentText(basisPoints: basisPoints)))
            }
        }
        let editValues = [
            3: item.price.decimalText, 4: item.compareAtPrice?.decimalText ?? "", 5: item.cost?.decimalText ?? "",
        ]
        return TableRow(id: item.id, key: item.sortKey, cells: [
            .data(item.sku),
            .data(item.productTitle),
            .data(item.optionSummary),
            TableCell(SafeText(item.price.formatted)),
            TableCell(SafeText(item.compareAtPrice?.formatted ?? ""), role: .dim),
            TableCell(SafeText(item.cost?.formatted ?? "—"), role: item.cost == nil ? .warning : nil),
            marginCell,
            TableCell(SafeText(item.margin?.markupBasisPoints.map { percentText(basisPoints: $0) } ?? "—"), role: .dim),
        ] + promotionCells(promotions, price: item.price), version: item.version, editValues: editValues)
    }
}

/// The detail of one variant, shared by Pricing and Stock.
enum VariantDocument {
    static func make(_ detail: VariantDetail, context: PresentationContext) -> DetailDocument {
        let variant = detail.variant
        var doc = DetailDocument(title: SafeText(detail.product.title + " — " + variant.optionSummary))
        doc.field("SKU", variant.sku ?? "(none)")
        doc.field("Barcode", variant.barcode ?? "(none)")
        doc.field("Price", variant.price.formatted)
        doc.field("Compare-at", variant.compareAtPrice?.formatted ?? "—")
        doc.field("Cost", variant.cost?.formatted ?? "— (missing)", variant.cost == nil ? .warning : .normal)
        if let margin = variant.margin {
            let floor = context.overview.marginFloorBasisPoints
            doc.field("Margin", margin.marginBasisPoints.map { percentText(basisPoints: $0) } ?? "—",
                      margin.isBelowCost ? .danger : margin.isBelow(floorBasisPoints: floor) ? .warning : .normal)
            doc.field("Markup", margin.markupBasisPoints.map { percentText(basisPoints: $0) } ?? "—")
            doc.field("Margin floor", percentText(basisPoints: floor))
        }
        doc.field("Weight", "\(variant.grams) g")
        let reference = OmnibusReference.lowestPrice(current: variant.price, history: detail.priceHistory, now: context.now)
        doc.field("Lowest 30 days", reference.formatted + "  (reference price for discounts)")
        if let warning = OmnibusReference.compareAtWarning(compareAt: variant.compareAtPrice, reference: reference) {
            doc.line([.init(SafeText("! " + warning), .warning)])
        }
        doc.heading("Price history")
        if detail.priceHistory.isEmpty { doc.line([.init("(no change since the shop was loaded)", .dim)]) }
        for change in detail.priceHistory {
            doc.line([
                .init(SafeText(pad(change.at.minuteText, 18)), .dim),
                .init(SafeText(pad((change.oldPrice?.formatted ?? "—") + " → " + (change.newPrice?.formatted ?? "—"), 24))),
                .init(SafeText(pad(change.actor, 10))),
                .init(SafeText(change.batch ?? ""), .dim),
            ])
        }
        doc.heading("Stock by location")
        for (location, level) in detail.levels {
            doc.line([
                .init(SafeText(pad(location.code + " " + location.name, 30))),
                .init(SafeText(pad("on hand " + Format.quantity(level.onHand), 16))),
                .init(SafeText(pad("reserved " + Format.quantity(level.reserved), 16))),
                location.isSellable
                    ? .init(SafeText("available " + Format.quantity(level.available)), level.available <= 0 ? .danger : .normal)
                    : .init(SafeText("not for sale"), .warning),
            ])
        }
        doc.heading("Ledger (newest first; balance = on hand at that location after the movement)")
        if detail.recentMovements.isEmpty { doc.line([.init("(none)", .dim)]) }
        for movement in detail.recentMovements {
            let sign = movement.quantity > 0 ? "+" : ""
            doc.line([
                .init(SafeText(pad(movement.at.minuteText, 18)), .dim),
                .init(SafeText(pad(movement.locationCode, 6))),
                .init(SafeText(pad(movement.reason.label, 14))),
                .init(SafeText(pad(sign + Format.quantity(movement.quantity), 7)), movement.quantity < 0 ? .warning : .good),
                .init(SafeText(pad("= " + (movement.balance.map(Format.quantity) ?? "?"), 8))),
                .init(SafeText(pad(movement.reference, 16))),
                .init(SafeText(movement.actor), .dim),
            ])
        }
        return doc
    }
}
