import ShopKit

/// The complaint queue: queues with live counts, and from a complaint's detail view — assign,
/// status, priority, notes with canned replies, settlements and the audited reveal of personal
/// data. Each change comes back to the refreshed detail view.
extension AppModel {
    // MARK: - Queues

    func requestQueueCounts() {
        let store = self.store
        background.run {
            guard let counts = try? store.complaintQueueCounts() else { return nil }
            return .complaintQueuesCounted(counts)
        }
    }

    /// The queue the filter selects (`queue:overdue`), if any.
    var currentComplaintQueue: ComplaintQueue? {
        state.tables[.complaints]?.filter.split(separator: " ")
            .first { $0.lowercased().hasPrefix("queue:") }
            .flatMap { ComplaintQueue(rawValue: String($0.dropFirst(6)).lowercased()) }
    }

    /// `V` in Complaints: New → Mine → Overdue → Waiting → All open → Resolved → everything.
    func nextComplaintQueue() {
        let terms = state.table.filter.split(separator: " ").map(String.init)
        var kept = terms.filter { !$0.lowercased().hasPrefix("queue:") }
        let next: ComplaintQueue? = currentComplaintQueue.map { $0 == .resolved ? nil : $0.next } ?? .new
        if let next { kept.insert(next.filterTerm, at: 0) }
        applyFilter(kept.joined(separator: " "))
        state.message = .init(text: "queue: \(next?.label ?? "everything") — V for the next", isError: false)
    }

    /// `R` in Complaints: the summary as a report.
    func openComplaintSummary() {
        do {
            state.mode = .detail(ComplaintSummaryDocument.make(try store.complaintSummary()), scroll: 0)
        } catch {
            state.message = .init(text: "could not sum up the complaints: \(error)", isError: true)
        }
    }

    // MARK: - The detail view

    /// The complaint the detail view shows, with the version it was read at.
    private var shownComplaint: (id: Int64, version: Int64)? {
        guard case .detail(let document, _) = state.mode, case .complaint(let id, let version)? = document.record else { return nil }
        return (id, version)
    }

    private func requireComplaint() -> (id: Int64, version: Int64)? {
        guard let shown = shownComplaint else {
            state.message = .init(text: "open a complaint first: Enter on a row in Complaints (5)", isError: false)
            return nil
        }
        return requireWritable() ? shown : nil
    }

    /// Shows the complaint again, read fresh (after a change, or back from a form).
    func reopenComplaint(_ id: Int64, scroll: Int = 0) {
        do {
            if let document = try PaneDefinition.definition(for: .complaints).detail(store, id, context) {
                state.mode = .detail(document, scroll: scroll)
            } else {
                state.mode = .browse
            }
        } catch {
            state.mode = .browse
            state.message = .init(text: "could not read the complaint: \(error)", isError: true)
        }
    }

    func assignComplaintToMe() {
        guard let shown = requireComplaint() else { return }
        perform(.changeComplaint(id: shown.id, expectedVersion: shown.version, change: .assign(to: state.userName)),
                id: shown.id, done: "assigned to you")
    }

    /// `P`: personal data shown for this complaint (recorded in the audit log), or masked again.
    func revealPersonalData() {
        guard let shown = requireComplaint() else { return }
        if state.revealedComplaints.contains(shown.id) {
            state.revealedComplaints.remove(shown.id)
            reopenComplaint(shown.id)
            state.message = .init(text: "personal data masked again", isError: false)
            return
        }
        guard case .saved = write(.revealPersonalData(complaintID: shown.id), description: "reveal", remember: false) else {
            return
        }
        state.revealedComplaints.insert(shown.id)
        reopenComplaint(shown.id)
        state.message = .init(text: "personal data shown — the reveal is recorded in the audit log; P masks it", isError: false)
    }

    /// Sends a complaint change; on success the detail view is read again and says `done`.
    private func perform(_ command: WriteCommand, id: Int64, done: String, form: FormState? = nil) {
        switch write(command, description: "complaint #\(id)", remember: false) {
        case .saved:
            reopenComplaint(id)
            state.message = .init(text: "#\(id): \(done)", isError: false)
        case .conflict(let current, let version):
            let now = current.map { "\($0.key) \($0.value ?? "—")" }.sorted().joined(separator: ", ")
            if var form, case .complaint(let kind, _, _) = form.purpose {
                form.purpose = .complaint(kind, id: id, version: version)
                state.mode = .form(form)
                state.message = .init(
                    text: "#\(id) was changed meanwhile (now \(now)) — Ctrl-S saves yours over it, Esc keeps theirs", isError: true)
            } else {
                reopenComplaint(id)
                state.message = .init(text: "#\(id) was changed meanwhile (now \(now)) — shown as it is now", isError: true)
            }
        case .invalid(let error):
            if var form {
                form.showError(error)
                state.mode = .form(form)
            }
            state.message = .init(text: error.description, isError: true)
        case .belowFloor, .refused:
            // A question (a large refund) is open, or the refusal is on the status line.
            if case .confirm = state.mode { return }
            if let form { state.mode = .form(form) }
        }
    }

    // MARK: - Forms

    func openComplaintForm(_ kind: ComplaintFormKind) {
        guard let shown = requireComplaint() else { return }
        let detail: ComplaintDetail
        do {
            guard let found = try store.complaintDetail(id: shown.id) else {
                state.message = .init(text: "that complaint no longer exists", isError: true)
                return
            }
            detail = found
        } catch {
            state.message = .init(text: "could not read the complaint: \(error)", isError: true)
            return
        }
        let item = detail.item
        let purpose = FormState.Purpose.complaint(kind, id: item.id, version: detail.version)
        typealias Field = FormState.Field
        switch kind {
        case .status:
            let next = ComplaintWorkflow.allowedNext(from: item.status)
            state.mode = .form(FormState(title: "Status of #\(item.id) (now \(item.status.label))", purpose: purpose, fields: [
                Field(key: .named("status"), label: "New status", value: next.first?.label ?? "",
                      hint: "one of: " + next.map(\.label).joined(separator: ", ")),
                Field(key: .named("text"), label: "Resolution / reason", value: "",
                      hint: "required to resolve or reject; otherwise an optional note"),
            ]))
        case .assign:
            state.mode = .form(FormState(title: "Assign #\(item.id)", purpose: purpose, fields: [
                Field(key: .named("assignee"), label: "Assign to", value: item.assignee,
                      hint: "a login name (you are \(state.userName)); empty unassigns"),
            ]))
        case .priority:
            state.mode = .form(FormState(title: "Priority of #\(item.id)", purpose: purpose, fields: [
                Field(key: .named("priority"), label: "Priority", value: item.priority.rawValue,
                      hint: ComplaintPriority.allCases.map(\.rawValue).joined(separator: ", ") + " — the due time follows"),
            ]))
        case .note:
            state.mode = .form(FormState(title: "Note on #\(item.id)", purpose: purpose, fields: [
                Field(key: .named("template"), label: "Reply template", value: "",
                      hint: "optional, starts the note: " + state.replyTemplates.map(\.name).joined(separator: ", ")),
                Field(key: .named("note"), label: "Note", value: "", isLongText: true,
                      hint: "Enter opens the note for typing (several lines)"),
            ]))
        case .settle:
            let sellable = state.overview.locations.first(where: \.isSellable)?.code ?? ""
            let codes = state.overview.locations.map { $0.code + ($0.isSellable ? "" : " (damaged)") }.joined(separator: ", ")
            let refundable = detail.refundable.map { "refund up to \($0.formatted)" } ?? "no order: credit instead of refund"
            state.mode = .form(FormState(title: "Settle #\(item.id)", purpose: purpose, fields: [
                Field(key: .named("settlement"), label: "Settlement", value: "",
                      hint: "refund, replacement, credit, return or reject"),
                Field(key: .named("amount"), label: "Amount / units", value: "",
                      hint: "money for refund and credit (\(refundable)); units for replacement and return"),
                Field(key: .named("location"), label: "Location", value: sellable, hint: "replacement and return: " + codes),
                Field(key: .named("disposition"), label: "Return goes", value: ReturnDisposition.restock.rawValue,
                      hint: "restock, quarantine (to a damaged location) or write-off"),
                Field(key: .named("text"), label: "Reason", value: "", hint: "required to reject"),
                Field(key: .named("resolve"), label: "Then resolve", value: "yes",
                      hint: "yes closes the complaint with the settlement as its resolution"),
            ]))
        }
    }

    func saveComplaintForm(_ form: FormState, kind: ComplaintFormKind, id: Int64, version: Int64) {
        var form = form
        func text(_ name: String) -> String {
            form.fields.first { $0.key == .named(name) }?.editor.text ?? ""
        }
        func refuse(_ error: ValidationError) {
            form.showError(error)
            state.mode = .form(form)
            state.message = .init(text: error.description, isError: true)
        }
        do throws(ValidationError) {
            switch kind {
            case .status:
                let status = try ComplaintWorkflow.status(named: text("status"))
                perform(.changeComplaint(id: id, expectedVersion: version, change: .status(status, text: text("text"))),
                        id: id, done: "now \(status.label)", form: form)
            case .assign:
                let name = text("assignee").trimmingWhitespace()
                perform(.changeComplaint(id: id, expectedVersion: version, change: .assign(to: name)),
                        id: id, done: name.isEmpty ? "unassigned" : "assigned to \(name)", form: form)
            case .priority:
                let priority = try ComplaintWorkflow.priority(named: text("priority"))
                perform(.changeComplaint(id: id, expectedVersion: version, change: .priority(priority)),
                        id: id, done: "priority \(priority.rawValue), due time moved", form: form)
            case .note:
                let name = text("template").trimmingWhitespace().lowercased()
                var note = text("note")
                if !name.isEmpty {
                    guard let template = state.replyTemplates.first(where: { $0.name.lowercased() == name }) else {
                        throw ValidationError(field: "template", message: "there is no reply template \"\(name.prefix(20))\"",
                                              hint: "one of: " + state.replyTemplates.map(\.name).joined(separator: ", "))
                    }
                    note = note.trimmingWhitespace().isEmpty ? template.text : template.text + "\n" + note
                }
                perform(.changeComplaint(id: id, expectedVersion: version, change: .note(note)), id: id, done: "note added",
                        form: form)
            case .settle:
                let settlement = try settlement(from: text)
                let resolve = ["yes", "y", "true", "1"].contains(text("resolve").trimmingWhitespace().lowercased())
                perform(.settleComplaint(id: id, expectedVersion: version, settlement: settlement, thenResolve: resolve,
                                         confirmed: false),
                        id: id, done: settlement.label + (resolve ? ", resolved" : ""), form: form)
            }
        } catch {
            refuse(error)
        }
    }

    /// The settlement the form describes.
    private func settlement(from text: (String) -> String) throws(ValidationError) -> Settlement {
        let currency = state.overview.currency
        let kind = text("settlement").trimmingWhitespace().lowercased()
        func location() throws(ValidationError) -> Int64 {
            let code = text("location").trimmingWhitespace()
            guard let found = state.overview.locations.first(where: { $0.code.lowercased() == code.lowercased() }) else {
                throw ValidationError(field: "location", message: "there is no location \"\(code.prefix(12))\"",
                                      hint: "one of " + state.overview.locations.map(\.code).joined(separator: ", "))
            }
            return found.id
        }
        func units() throws(ValidationError) -> Int64 {
            let typed = text("amount").trimmingWhitespace()
            guard let quantity = Int64(typed) else {
                throw ValidationError(field: "amount", message: "\"\(typed.prefix(12))\" is not a whole number of units", hint: "e.g. 1")
            }
            return quantity
        }
        func money() throws(ValidationError) -> Money {
            try MoneyParser.parse(text("amount"), currency: currency, field: "amount")
        }
        switch kind {
        case "refund": return .refund(try money())
        case "credit", "store credit": return .storeCredit(try money())
        case "replacement", "replace": return .replacement(locationID: try location(), quantity: try units())
        case "return", "return received":
            let typed = text("disposition").trimmingWhitespace().lowercased()
            guard let disposition = ReturnDisposition(rawValue: typed == "damaged" ? "quarantine" : typed) else {
                throw ValidationError(field: "disposition", message: "\"\(typed.prefix(12))\" is not where a return can go",
                                      hint: "restock, quarantine or write-off")
            }
            return .returnReceived(locationID: try location(), quantity: try units(), disposition: disposition)
        case "reject": return .reject(reason: text("text"))
        default:
            throw ValidationError(field: "settlement", message: kind.isEmpty ? "choose a settlement" : "\"\(kind.prefix(16))\" is not a settlement",
                                  hint: "refund, replacement, credit, return or reject")
        }
    }

    // MARK: - A new complaint

    func openNewComplaintForm() {
        guard requireWritable() else { return }
        typealias Field = FormState.Field
        state.mode = .form(FormState(title: "New complaint", purpose: .newComplaint, fields: [
            Field(key: .named("customer"), label: "Customer or order", value: "",
                  hint: "type a name, an email or an order number"),
            Field(key: .named("sku"), label: "SKU", value: "", hint: "optional: the product it is about"),
            Field(key: .named("kind"), label: "Kind", value: ComplaintKind.damaged.rawValue,
                  hint: ComplaintKind.allCases.map(\.rawValue).joined(separator: ", ")),
            Field(key: .named("channel"), label: "Channel", value: ComplaintChannel.email.rawValue,
                  hint: ComplaintChannel.allCases.map(\.rawValue).joined(separator: ", ")),
            Field(key: .named("priority"), label: "Priority", value: ComplaintPriority.normal.rawValue,
                  hint: ComplaintPriority.allCases.map(\.rawValue).joined(separator: ", ")),
            Field(key: .named("subject"), label: "Subject", value: ""),
            Field(key: .named("description"), label: "Description", value: "", isLongText: true),
        ]))
    }

    /// As the customer field is typed, its hint lists who matches (personal data masked).
    func lookUpCustomer(in form: inout FormState) {
        guard form.purpose == .newComplaint, form.fields[form.focus].key == .named("customer") else { return }
        let text = form.fields[form.focus].editor.text
        guard text.trimmingWhitespace().count >= 2 else {
            form.fields[form.focus].hint = "type a name, an email or an order number"
            return
        }
        let matches = (try? store.findCustomers(matching: text, limit: 4)) ?? []
        form.fields[form.focus].hint = matches.isEmpty ? "no customer or order matches" : matches.map(Self.describe).joined(separator: " · ")
    }

    static func describe(_ match: CustomerMatch) -> String {
        let order = match.orderNumber.map { "order \($0) of " } ?? ""
        return order + match.customer.name + " <" + PersonalData.maskEmail(match.customer.email) + ">"
    }

    func saveNewComplaint(_ form: FormState) {
        var form = form
        func text(_ name: String) -> String { form.fields.first { $0.key == .named(name) }?.editor.text ?? "" }
        do throws(ValidationError) {
            let typed = text("customer").trimmingWhitespace()
            let matches: [CustomerMatch]
            do { matches = try store.findCustomers(matching: typed, limit: 6) } catch {
                throw ValidationError(field: "customer", message: "could not look up customers: \(error)", hint: "try again")
            }
            guard let match = matches.first else {
                throw ValidationError(
                    field: "customer", message: typed.isEmpty ? "who is complaining?" : "no customer or order matches \"\(typed.prefix(24))\"",
                    hint: "an order number (e.g. NLO-10421), an email, or the start of a name")
            }
            guard matches.count == 1 else {
                throw ValidationError(field: "customer", message: "\(matches.count) customers match",
                                      hint: matches.prefix(3).map(Self.describe).joined(separator: " · ") + " — type more")
            }
            var variantID: Int64?
            let sku = text("sku").trimmingWhitespace()
            if !sku.isEmpty {
                guard let found = try? store.variantID(sku: sku) else {
                    throw ValidationError(field: "sku", message: "there is no SKU \"\(sku.prefix(24))\"", hint: "or leave it empty")
                }
                variantID = found
            }
            func choice<Value: RawRepresentable>(_ name: String, _ all: [Value]) throws(ValidationError) -> Value
                where Value.RawValue == String {
                let typed = text(name).trimmingWhitespace().lowercased().replacingOccurrences(of: " ", with: "_")
                guard let value = all.first(where: { $0.rawValue == typed }) else {
                    throw ValidationError(field: name, message: "\"\(typed.prefix(16))\" is not a \(name)",
                                          hint: all.map(\.rawValue).joined(separator: ", "))
                }
                return value
            }
            let complaint = NewComplaint(
                customerID: match.customer.id, orderID: match.orderID, variantID: variantID,
                kind: try choice("kind", ComplaintKind.allCases), channel: try choice("channel", ComplaintChannel.allCases),
                priority: try choice("priority", ComplaintPriority.allCases), subject: text("subject"),
                description: text("description"))
            try complaint.validate()
            switch write(.openComplaint(complaint), description: "new complaint", remember: false) {
            case .saved(let result):
                state.active = .complaints
                if let id = result.createdID {
                    reopenComplaint(id)
                    state.message = .init(text: "opened complaint #\(id) for \(match.customer.name)", isError: false)
                }
            case .invalid(let error):
                throw error
            default:
                state.mode = .form(form)
            }
        } catch {
            form.showError(error)
            state.mode = .form(form)
            state.message = .init(text: error.description, isError: true)
        }
    }
}

/// The complaint summary as a report.
enum ComplaintSummaryDocument {
    static func make(_ summary: ComplaintSummary) -> DetailDocument {
        var document = DetailDocument(title: SafeText("Complaint summary"))
        document.field("Open", Format.quantity(Int64(summary.open)))
        document.field("Overdue", Format.quantity(Int64(summary.overdue)), summary.overdue > 0 ? .danger : .normal)
        document.field("Closed 30 days", Format.quantity(Int64(summary.resolvedLast30Days)))
        document.field("Median to close", summary.medianSecondsToResolve.map(Format.span) ?? "—")
        document.heading("Most frequent kinds (opened in the last 30 days)")
        if summary.topKinds.isEmpty { document.lines.append([.init(SafeText("(none)"), .dim)]) }
        for entry in summary.topKinds { document.field(entry.kind.label, Format.quantity(Int64(entry.count))) }
        document.heading("Most complained-about products (last 30 days)")
        if summary.topProducts.isEmpty { document.lines.append([.init(SafeText("(none)"), .dim)]) }
        for entry in summary.topProducts {
            document.lines.append([
                .init(SafeText(Format.quantity(Int64(entry.count)).leftPadded(to: 4) + "  "), .header), .init(SafeText(entry.title)),
            ])
        }
        return document
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
