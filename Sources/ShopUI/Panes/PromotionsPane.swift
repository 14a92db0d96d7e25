import ShopKit

/// Promotions: discounts and codes with their derived state, newest start first.
enum PromotionsPane {
    static let definition = PaneDefinition(
        id: .promotions,
        columns: { _ in
            [
                Column("Name", .flexible(minimum: 12, weight: 3), priority: 10),
                Column("Kind", .fixed(8), priority: 5),
                Column("Value", .fixed(7), .right, priority: 8),
                Column("Code", .flexible(minimum: 9, weight: 1), priority: 6),
                Column("Starts", .fixed(10), priority: 4),
                Column("Ends", .fixed(10), priority: 3),
                Column("State", .fixed(9), priority: 9),
                Column("Uses", .fixed(7), .right, priority: 2),
            ]
        },
        rows: { store, request, context in try store.promotionPage(request).map { row($0, now: context.now) } },
        count: { store, filter in try store.promotionCount(filter: filter) },
        detail: { store, id, context in try store.promotionDetail(id: id).map { document($0, now: context.now) } },
        emptyHint: "No promotions yet. Load the demo shop with `shopdesk init --demo --db FILE`, or `shopdesk demo`.")

    static func stateRole(_ state: PromotionState) -> StyleRole? {
        switch state {
        case .active: .good
        case .scheduled: nil
        case .paused: .warning
        case .expired, .exhausted: .dim
        }
    }

    static func row(_ item: PromotionListItem, now: Timestamp) -> TableRow {
        let promotion = item.promotion
        let state = promotion.state(at: now)
        let uses = promotion.usageLimit.map { "\(promotion.uses)/\($0)" } ?? String(promotion.uses)
        return TableRow(id: item.id, key: item.sortKey, cells: [
            .data(promotion.name),
            TableCell(SafeText(promotion.kind.label)),
            TableCell(SafeText(promotion.valueText)),
            .data(promotion.code ?? (promotion.trigger == .automatic ? "(auto)" : "")),
            TableCell(SafeText(promotion.startsAt.dateText)),
            TableCell(SafeText(promotion.endsAt?.dateText ?? "open")),
            TableCell(SafeText(state.rawValue), role: stateRole(state)),
            TableCell(SafeText(uses)),
        ])
    }

    static func document(_ promotion: Promotion, now: Timestamp) -> DetailDocument {
        var doc = DetailDocument(title: SafeText(promotion.name))
        let state = promotion.state(at: now)
        doc.field("State", state.rawValue, stateRole(state) ?? .normal)
        doc.field("Kind", promotion.kind.label)
        doc.field("Value", promotion.valueText)
        doc.field("Trigger", promotion.trigger == .code ? "code " + (promotion.code ?? "?") : "automatic")
        doc.field("Scope", promotion.scopeText)
        doc.field("Minimum order", promotion.minimumOrder?.formatted ?? "none")
        doc.field("Starts", promotion.startsAt.minuteText + " UTC")
        doc.field("Ends", promotion.endsAt.map { $0.minuteText + " UTC" } ?? "open-ended")
        doc.field("Uses", promotion.usageLimit.map { "\(promotion.uses) of \($0)" } ?? "\(promotion.uses) (no limit)")
        doc.field("Per customer", promotion.perCustomerLimit.map(String.init) ?? "no limit")
        doc.field("Combines", promotion.combines ? "with other promotions" : "exclusive")
        return doc
    }
}
