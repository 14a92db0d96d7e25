import ShopKit

/// Complaints: the customer-care queue — overdue first, then by priority, then the oldest —
/// with overdue and due-soon rows flagged by colour and symbol.
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
        detail: { store, id, context in
            try store.complaintDetail(id: id).map {
                document($0, now: context.now, revealed: context.revealedComplaints.contains(id))
            }
        },
        emptyHint: "No complaints yet. Load the demo shop with `shopdesk init --demo --db FILE`, or `shopdesk demo`.",
        sortOrders: [("", "urgency: overdue, priority, age"), ("newest", "newest first")])

    static func dueRole(_ state: DueState) -> StyleRole? {
        switch state {
        case .overdue: .danger
        case .dueSoon: .warning
        case .closed, .paused: .dim
        case .onTime: nil
        }
    }

    static func dueText(_ item: ComplaintListItem, now: Timestamp) -> String {
        guard item.status.isOpen else { return "—" }
        guard let due = item.dueAt else { return "" }
        if DueState.of(status: item.status, dueAt: due, now: now, pausedSince: item.pausedSince) == .paused { return "paused" }
        return due <= now ? "over " + Format.span(now - due) : "in " + Format.span(due - now)
    }

    static func row(_ item: ComplaintListItem, now: Timestamp) -> TableRow {
        let due = DueState.of(status: item.status, dueAt: item.dueAt, now: now, pausedSince: item.pausedSince)
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

    /// What the person reads about one complaint. Personal data is masked unless `revealed`.
    static func document(_ detail: ComplaintDetail, now: Timestamp, revealed: Bool = false) -> DetailDocument {
        let item = detail.item
        var doc = DetailDocument(title: SafeText("#\(item.id) " + item.subject))
        doc.record = .complaint(id: item.id, version: detail.version)
        let due = DueState.of(status: item.status, dueAt: item.dueAt, now: now, pausedSince: item.pausedSince)
        let paused = due == .paused ? item.pausedSince.map { " — paused since " + $0.minuteText + " UTC, waiting for the customer" } : nil
        doc.lines.append([.init(SafeText(item.status.isOpen
            ? "m mine · o assign · s status · p prio · N note · $ settle · P personal data"
            : "s reopens · N adds a note · P personal data"), .dim)])
        doc.lines.append([])
        doc.field("Status", item.status.label)
        doc.field("Priority", item.priority.rawValue, item.priority == .urgent ? .danger : .normal)
        doc.field("Due", item.dueAt.map {
            due.symbol + " " + $0.minuteText + " UTC" + (paused ?? " (" + Format.relative($0, now: now) + ")")
        } ?? "—", dueRole(due) ?? .normal)
        doc.field("Kind", item.kind.label)
        doc.field("Channel", detail.channel.label)
        doc.field("Assignee", item.assignee.isEmpty ? "(unassigned)" : item.assignee)
        doc.field("Opened", item.openedAt.minuteText + " UTC")
        if let resolvedAt = detail.resolvedAt { doc.field("Closed", resolvedAt.minuteText + " UTC") }
        if !detail.resolution.isEmpty { doc.field("Resolution", detail.resolution) }
        doc.heading("Customer" + (revealed ? " (personal data shown — P masks it)" : ""))
        if let customer = detail.customer {
            doc.field("Name", customer.name)
            doc.field("Email", revealed ? customer.email : PersonalData.maskEmail(customer.email))
            doc.field("Phone", revealed ? customer.phone : PersonalData.maskPhone(customer.phone))
            doc.field("City", revealed ? customer.city + ", " + customer.country : PersonalData.mask(customer.city) + ", " + customer.country)
            var history = "\(detail.customerOrders) order\(detail.customerOrders == 1 ? "" : "s")"
            if let spent = detail.customerSpent { history += ", \(spent.formatted) spent" }
            history += ", \(detail.customerReturns) returned"
            doc.field("History", history)
            if let credit = detail.storeCredit, credit.minorUnits > 0 { doc.field("Store credit", credit.formatted) }
        } else {
            doc.lines.append([.init(SafeText("(no customer on record)"), .dim)])
        }
        doc.heading("Order " + (detail.orderNumber ?? "—"))
        for line in detail.orderLines {
            doc.line([
                .init(SafeText(pad(line.sku, 18))), .init(SafeText(pad(line.title, 30))),
                .init(SafeText(pad("× " + Format.quantity(line.quantity), 7))), .init(SafeText(line.paid.formatted)),
            ])
        }
        if let refunded = detail.refunded, refunded.minorUnits > 0 { doc.field("Refunded", refunded.formatted, .warning) }
        if let refundable = detail.refundable { doc.field("Refundable", refundable.formatted, .dim) }
        doc.field("SKU", detail.sku ?? "—")
        doc.heading("Description")
        doc.paragraph(detail.description.isEmpty ? "(none)" : detail.description)
        doc.heading("Timeline")
        for event in detail.events {
            let lines = event.detail.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            doc.line([
                .init(SafeText(pad(event.at.minuteText, 18)), .dim),
                .init(SafeText(pad(event.actor, 8))),
                .init(SafeText(pad(event.kind, 11)), .header),
                .init(SafeText(lines.first ?? "")),
            ])
            // A multi-line note keeps its lines, indented under the first.
            for more in lines.dropFirst() {
                doc.line([.init(SafeText(String(repeating: " ", count: 39) + more))])
            }
        }
        return doc
    }
}
