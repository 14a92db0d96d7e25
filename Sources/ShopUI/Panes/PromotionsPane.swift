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
                Column("Scope", .flexible(minimum: 9, weight: 2), priority: 6),
                Column("Schedule", .fixed(11), priority: 4),
                Column("State", .fixed(9), priority: 9),
                Column("Uses", .fixed(7), .right, priority: 3),
                Column("!~", .fixed(2), priority: 7),
                Column("Code", .flexible(minimum: 9, weight: 1), priority: 1),
            ]
        },
        rows: { store, request, context in
            let items = try store.promotionPage(request)
            // Overlaps are judged only for the rows read (a window), never for the whole list.
            let overlapping = (try? store.overlappingPromotionIDs(among: items.map(\.id))) ?? []
            return items.map { row($0, now: context.now, overlapping: overlapping.contains($0.id)) }
        },
        count: { store, filter in try store.promotionCount(filter: filter) },
        detail: { store, id, context in try store.promotionFullDetail(id: id).map { document($0, now: context.now) } },
        emptyHint: "No promotions yet. Load the demo shop with `shopdesk init --demo --db FILE`, or `shopdesk demo`. Or n creates one.")

    /// `!` margin override, `~` overlapping another promotion: symbols as well as colours.
    static func flags(_ promotion: Promotion, overlapping: Bool) -> TableCell {
        let text = (promotion.marginOverride ? "!" : "") + (overlapping ? "~" : "")
        return TableCell(SafeText(text), role: promotion.marginOverride ? .danger : overlapping ? .warning : nil)
    }

    static func stateRole(_ state: PromotionState) -> StyleRole? {
        switch state {
        case .active: .good
        case .scheduled: nil
        case .paused: .warning
        case .expired, .exhausted: .dim
        }
    }

    static func row(_ item: PromotionListItem, now: Timestamp, overlapping: Bool = false) -> TableRow {
        let promotion = item.promotion
        let state = promotion.state(at: now)
        let uses = promotion.usageLimit.map { "\(promotion.uses)/\($0)" } ?? String(promotion.uses)
        let code = promotion.codeMode == .unique ? "(unique)" : promotion.code ?? (promotion.trigger == .automatic ? "(auto)" : "")
        return TableRow(id: item.id, key: item.sortKey, cells: [
            .data(promotion.name),
            TableCell(SafeText(promotion.kind.label)),
            TableCell(SafeText(promotion.valueText)),
            .data(promotion.scope == .shop ? "whole shop" : promotion.scopeValues.joined(separator: ", ")),
            TableCell(SafeText(PromotionDocuments.schedule(promotion.startsAt, promotion.endsAt))),
            TableCell(SafeText(state.rawValue), role: stateRole(state)),
            TableCell(SafeText(uses)),
            flags(promotion, overlapping: overlapping),
            .data(code),
        ], version: promotion.version)
    }

    static func document(_ detail: PromotionDetail, now: Timestamp) -> DetailDocument {
        var doc = document(detail.promotion, now: now)
        doc.field("Codes", detail.promotion.codeMode == .unique
            ? "\(Format.quantity(detail.codeCount)) unique codes, \(Format.quantity(detail.codeUses)) used — K lists them"
            : detail.promotion.code ?? "none")
        if detail.promotion.marginOverride {
            doc.field("! Margin", "saved below the margin floor (override): " + (detail.overrideNote ?? "see the audit log"), .danger)
        }
        doc.line([])
        doc.line([.init("in the list: O overlaps · U usage · x explain a price · E edit · p pause/resume · X end now", .dim)])
        return doc
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
