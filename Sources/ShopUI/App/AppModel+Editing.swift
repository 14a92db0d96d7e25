import ShopKit

/// Editing: in-place edits, marks, undo, confirmations. Every change goes through the store's
/// write path; a refusal leaves the typed text in place and says why.
extension AppModel {
    /// What became of a write.
    enum WriteOutcome {
        case saved(WriteResult)
        case conflict(current: [String: String?], version: Int64)
        case belowFloor(String)
        case invalid(ValidationError)
        case refused
    }

    var definition: PaneDefinition { PaneDefinition.definition(for: state.active) }

    /// True when changes can be written; otherwise says why on the status line.
    func requireWritable() -> Bool {
        guard writer != nil, !state.isReadOnly else {
            state.message = .init(text: "the database is read-only: nothing can be changed", isError: true)
            return false
        }
        return true
    }

    // MARK: - Columns and in-place edits

    func focusColumn(by delta: Int) {
        let editable = definition.editable
        guard !editable.isEmpty else {
            state.message = .init(text: "\(state.active.title) has no editable columns", isError: false)
            return
        }
        let current = state.focusedColumn[state.active]
        let next = (current ?? (delta > 0 ? -1 : editable.count)) + delta
        // Moving past either end leaves column choice (Enter opens the detail again).
        state.focusedColumn[state.active] = editable.indices.contains(next) ? next : nil
    }

    func beginEdit() {
        let editable = definition.editable
        guard let row = state.table.selectedRow else { return }
        guard !editable.isEmpty else {
            state.message = .init(text: "nothing to edit in place in \(state.active.title)", isError: false)
            return
        }
        guard requireWritable() else { return }
        // `e` without a chosen column edits the first editable one, without choosing it for Enter.
        let column = editable[state.focusedColumn[state.active] ?? 0]
        state.mode = .edit(CellEdit(
            pane: state.active, rowID: row.id, version: row.version, column: column.column, label: column.label,
            editor: LineEditor(row.editValues[column.column] ?? "")))
    }

    func cancelEdit() {
        let wasQuestion: Bool = { if case .datePrompt = state.mode { true } else { false } }()
        if case .exportPrompt(_, let report) = state.mode {
            if case .promotionCodes(let id, let name)? = report.export { return openCodes(promotionID: id, name: name) }
            state.mode = .detail(report, scroll: 0)
            return
        }
        state.mode = .browse
        if !wasQuestion { state.message = .init(text: "not saved", isError: false) }
    }

    /// Keys typed into a field (inline edit or bulk prompt).
    func editField(_ key: Key) {
        switch state.mode {
        case .edit(var edit):
            if edit.editor.apply(key) { state.mode = .edit(edit) }
        case .bulkPrompt(var editor):
            if editor.apply(key) { state.mode = .bulkPrompt(editor) }
        case .datePrompt(var editor):
            if editor.apply(key) { state.mode = .datePrompt(editor) }
        case .exportPrompt(var editor, let report):
            if editor.apply(key) { state.mode = .exportPrompt(editor, report: report) }
        case .commandPrompt(var editor):
            if key == .tab { return completeCommand(editor) }
            if editor.apply(key) { state.mode = .commandPrompt(editor) }
        case .form:
            typeIntoForm(key)
        case .textArea(var area, let form):
            if area.apply(key, pageHeight: state.pageHeight) { state.mode = .textArea(area, form: form) }
        default:
            break
        }
    }

    func commitEdit() {
        if case .bulkPrompt(let editor) = state.mode { return previewBulkPrice(editor.text) }
        if case .datePrompt(let editor) = state.mode { return showLevelOnDate(editor.text) }
        if case .exportPrompt(let editor, let report) = state.mode { return export(report, to: editor.text) }
        if case .commandPrompt(let editor) = state.mode { return runCommand(editor.text) }
        guard case .edit(var edit) = state.mode,
              let column = PaneDefinition.definition(for: edit.pane).editable.first(where: { $0.column == edit.column })
        else { return }
        let row = TableRow(id: edit.rowID, key: SortKey([]), cells: [], version: edit.version)
        let label = rowLabel(edit.rowID)
        let command = column.command(row, edit.editor.text)
        switch write(command, description: "\(edit.label) of \(label)") {
        case .saved:
            state.mode = .browse
        case .conflict(let current, let version):
            // Nothing is lost: the typed value stays, the newer row is shown, and Enter now
            // saves over it knowingly (against the version just read).
            edit.version = version
            state.mode = .edit(edit)
            let now = current.values.compactMap { $0 }.joined(separator: ", ")
            state.message = .init(
                text: "\(label) was changed meanwhile (now \(now.isEmpty ? "empty" : now)) — Enter saves yours over it, Esc keeps theirs",
                isError: true)
        case .belowFloor, .invalid, .refused:
            break
        }
    }

    /// The selected SKU's on-hand stock per location at the end of a typed day.
    func showLevelOnDate(_ text: String) {
        guard let row = state.table.selectedRow else { state.mode = .browse; return }
        guard let day = Timestamp(iso8601: text.trimmingWhitespace()), text.trimmingWhitespace().count == 10 else {
            state.message = .init(text: "\"\(text)\" is not a date — type it as 2026-10-01", isError: true)
            return
        }
        state.mode = .browse
        let endOfDay = day.adding(seconds: 86_399)
        do {
            let levels = try store.stockLevels(variantID: row.id, at: endOfDay)
            let parts = levels.map { "\($0.location.code) \(Format.quantity($0.onHand))" }
            let total = levels.reduce(0) { $0 + $1.onHand }
            state.message = .init(
                text: "\(rowLabel(row.id)) at the end of \(day.dateText): \(parts.joined(separator: " · ")) (total \(Format.quantity(total)))",
                isError: false)
        } catch {
            state.message = .init(text: "could not read the ledger: \(error)", isError: true)
        }
    }

    /// A short name for a row in messages: its first non-empty cell.
    func rowLabel(_ id: Int64) -> String {
        guard let row = state.table.rows.first(where: { $0.id == id }) else { return "row \(id)" }
        let text = row.cells.first(where: { !$0.text.isEmpty && $0.text.width > 1 })?.text ?? SafeText("row \(id)")
        return text.clipped(to: 28).description
    }

    /// Sends a command through the write path and turns the outcome into state: a saved change
    /// is refreshed on screen and remembered for undo; a refusal is said on the status line.
    @discardableResult
    func write(_ command: WriteCommand, description: String, remember: Bool = true) -> WriteOutcome {
        guard requireWritable(), let writer else { return .refused }
        do {
            let result = try writer.perform(command, reason: "")
            refreshAfterWrite()
            if result.changes.isEmpty {
                state.message = .init(text: "nothing changed", isError: false)
            } else {
                if remember { state.undoStack.append(UndoEntry(batchID: result.batchID, description: description)) }
                state.message = .init(text: "saved \(description) — u undoes", isError: false)
            }
            return .saved(result)
        } catch {
            switch error {
            case .conflict(_, _, let version, let current):
                refreshAfterWrite()
                return .conflict(current: current, version: version)
            case .belowMarginFloor(let reason):
                let override = Self.withFloorOverride(command)
                if let override {
                    state.mode = .confirm(Confirmation(
                        question: "\(reason). Save anyway, below the floor? (recorded as an override) y/N",
                        command: PendingCommand(id: nextPendingID, command: override), description: description))
                    nextPendingID += 1
                } else {
                    state.message = .init(text: reason, isError: true)
                }
                return .belowFloor(reason)
            case .promotionBelowMargin(let violations):
                if !showMarginGuard(violations, command: command, description: description) {
                    state.message = .init(text: error.description, isError: true)
                }
                return .refused
            case .needsConfirmation(let reason):
                if case .settleComplaint(let id, let version, let settlement, let resolve, false) = command {
                    state.mode = .confirm(Confirmation(
                        question: "\(reason). Go ahead? y/N",
                        command: PendingCommand(id: nextPendingID, command: .settleComplaint(
                            id: id, expectedVersion: version, settlement: settlement, thenResolve: resolve, confirmed: true)),
                        description: description))
                    nextPendingID += 1
                } else {
                    state.message = .init(text: reason, isError: true)
                }
                return .refused
            case .invalid(let validation):
                state.message = .init(text: validation.description, isError: true)
                return .invalid(validation)
            default:
                state.message = .init(text: error.description, isError: true)
                return .refused
            }
        }
    }

    /// The same change with the margin floor explicitly overridden.
    static func withFloorOverride(_ command: WriteCommand) -> WriteCommand? {
        switch command {
        case .updateVariant(let id, let version, let changes):
            .updateVariants([VariantEdit(id: id, expectedVersion: version, changes: changes)], overrideMarginFloor: true)
        case .updateVariants(let edits, _):
            .updateVariants(edits, overrideMarginFloor: true)
        default:
            nil
        }
    }

    func refreshAfterWrite() {
        let pane = state.active
        update(pane) { try $0.refresh(height: $1, fetch: $2) }
        for other in PaneID.allCases where other != pane { state.tables[other]?.invalidate() }
    }

    // MARK: - Questions

    func confirmYes() {
        switch state.mode {
        case .confirm(let confirmation):
            state.mode = .browse
            switch confirmation.onYes {
            case .write(let pending):
                if case .settleComplaint(let id, _, let settlement, let resolve, _) = pending.command {
                    if case .saved = write(pending.command, description: confirmation.description, remember: false) {
                        reopenComplaint(id)
                        state.message = .init(text: "#\(id): \(settlement.label)\(resolve ? ", resolved" : "")", isError: false)
                    }
                    return
                }
                if case .saved = write(pending.command, description: confirmation.description),
                   case .updateVariants(let edits, _) = pending.command, edits.count > 1 {
                    // A bulk change saved over the floor is done with its marks, like any other.
                    state.marks[.pricing] = []
                    state.allMarked.remove(.pricing)
                }
            case .discardForm: state.message = .init(text: "changes discarded", isError: false)
            }
        case .bulkPreview(let preview):
            applyBulkPrice(preview)
        case .receiptPreview(let preview):
            bookReceipt(preview)
        case .marginGuard(let guardState):
            saveBelowMargin(guardState)
        default:
            break
        }
    }

    func confirmNo() {
        if case .marginGuard(let guardState) = state.mode { return leaveMarginGuard(guardState) }
        if case .confirm(let confirmation) = state.mode, case .discardForm(let form) = confirmation.onYes {
            state.mode = .form(form)
            return
        }
        if case .receiptPreview(let preview) = state.mode {
            state.mode = .form(preview.form)
            state.message = .init(text: "nothing was received — change the lines or Esc", isError: false)
            return
        }
        state.mode = .browse
        state.message = .init(text: "nothing was changed", isError: false)
    }

    // MARK: - Marks

    func isMarked(_ id: Int64, in pane: PaneID) -> Bool {
        state.allMarked.contains(pane) || state.marks[pane]?.contains(id) == true
    }

    func toggleMark() {
        guard let row = state.table.selectedRow else { return }
        let pane = state.active
        if state.allMarked.contains(pane) {
            state.allMarked.remove(pane)
            return
        }
        if state.marks[pane, default: []].contains(row.id) {
            state.marks[pane]?.remove(row.id)
        } else {
            state.marks[pane, default: []].insert(row.id)
        }
        send(.moveDown)
    }

    func markAll() {
        let pane = state.active
        if state.allMarked.contains(pane) || !(state.marks[pane]?.isEmpty ?? true) {
            state.allMarked.remove(pane)
            state.marks[pane] = []
        } else {
            state.allMarked.insert(pane)
        }
    }

    // MARK: - Undo

    func undoLast() {
        guard let entry = state.undoStack.last else {
            state.message = .init(text: "nothing to undo: no change was made in this session", isError: false)
            return
        }
        switch write(.undo(batchID: entry.batchID), description: "undo of \(entry.description)", remember: false) {
        case .saved:
            state.undoStack.removeLast()
            state.message = .init(text: "undone: \(entry.description)", isError: false)
        case .conflict:
            state.message = .init(
                text: "cannot undo \(entry.description): someone changed it since — nothing was reverted", isError: true)
        case .belowFloor, .invalid, .refused:
            break
        }
    }
}
