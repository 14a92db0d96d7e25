import ShopKit

/// Complaints: the customer-care queue, newest first, overdue and due-soon rows flagged.
enum ComplaintsPane {
    static let definition = PaneDefinition(
        id: .complaints,
        columns: { _ in
            [
                Column("", .fixed(1), priority: 10),
                Column("#", .fixed(4), .right, priority: 9),
                Column("Opened", .fixed(10), priority: 2),
                Column("Customer", .flexible(minimum: 10, weight: 2), priority: 7),
                Column("Kind", .fixed(12), priority: 4),
                Column("Prio", .fixed(6), priority: 8),
                Column("Status", .fixed(13), priority: 9),
                Column("Due", .fixed(11), priority: 6),
                Column("Owner", .fixed(6), priority: 3),
                Column("Subject", .flexible(minimum: 12, weight: 3), priority: 5),
            ]
        },
        rows: { store, request, context in try store.complaintPage(request).map { row($0, now: context.now) } },
        count: { store, filter in try store.complaintCount(filter: filter) },
        detail: { store, id, context in try store.complaintDetail(id: id).map { document($0, now: context.now) } },
        emptyHint: "No complaints yet. Load the demo shop with `shopdesk init --demo --db FILE`, or `shopdesk demo`.")

    static func dueRole(_ state: DueState) -> StyleRole? {
        switch state {
        case .overdue: .danger
        case .dueSoon: .warning
        case .closed: .dim
        case .onTime: nil
        }
    }

    static func dueText(_ item: ComplaintListItem, now: Timestamp) -> String {
        guard item.status.isOpen else { return "—" }
        guard let due = item.dueAt else { return "" }
        return due <= now ? "over " + Format.span(now - due) : "in " + Format.span(due - now)
    }

    static func row(_ item: ComplaintListItem, now: Timestamp) -> TableRow {
        let due = DueState.of(status: item.status, dueAt: item.dueAt, now: now)
        let role = dueRole(due)
        let priorityRole: StyleRole? = item.priority == .urgent ? .danger : item.priority == .high ? .warning : nil
        return TableRow(id: item.id, key: item.sortKey, cells: [
            TableCell(SafeText(due.symbol), role: role),
            TableCell(SafeText(String(item.id))),
            TableCell(SafeText(item.openedAt.dateText), role: .dim),
            .data(item.customerName),
            TableCell(SafeText(item.kind.label)),
            TableCell(SafeText(item.priority.rawValue), role: priorityRole),
            TableCell(SafeText(item.status.label), role: item.status.isOpen ? nil : .dim),
            TableCell(SafeText(dueText(item, now: now)), role: role),
            .data(item.assignee),
            .data(item.subject),
        ])
    }

    static func document(_ detail: ComplaintDetail, now: Timestamp) -> DetailDocument {
        let item = detail.item
        var doc = DetailDocument(title: SafeText("#\(item.id) " + item.subject))
        let due = DueState.of(status: item.status, dueAt: item.dueAt, now: now)
        doc.field("Status", item.status.label)
        doc.field("Priority", item.priority.rawValue, item.priority == .urgent ? .danger : .normal)
        doc.field("Due", item.dueAt.map { $0.minuteText + " UTC (" + Format.relative($0, now: now) + ")" } ?? "—",
                  dueRole(due) ?? .normal)
        doc.field("Kind", item.kind.label)
        doc.field("Channel", detail.channel.label)
        doc.field("Assignee", item.assignee.isEmpty ? "(unassigned)" : item.assignee)
        doc.field("Opened", item.openedAt.minuteText + " UTC")
        if let customer = detail.customer {
            // Personal data is masked on screen by default.
            doc.field("Customer", customer.name)
            doc.field("Email", PersonalData.maskEmail(customer.email))
            doc.field("Phone", PersonalData.maskPhone(customer.phone))
        }
        doc.field("Order", detail.orderNumber ?? "—")
        doc.field("SKU", detail.sku ?? "—")
        if let resolvedAt = detail.resolvedAt { doc.field("Closed", resolvedAt.minuteText + " UTC") }
        if !detail.resolution.isEmpty { doc.field("Resolution", detail.resolution) }
        doc.heading("Description")
        doc.paragraph(detail.description.isEmpty ? "(none)" : detail.description)
        doc.heading("Timeline")
        for event in detail.events {
            doc.line([
                .init(SafeText(pad(event.at.minuteText, 18)), .dim),
                .init(SafeText(pad(event.actor, 8))),
                .init(SafeText(pad(event.kind, 11)), .header),
                .init(SafeText(event.detail)),
            ])
        }
        return doc
    }
}
