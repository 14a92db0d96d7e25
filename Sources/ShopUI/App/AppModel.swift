import ShopKit

/// Runs work away from the keypress path and reports the result back as an action.
/// The terminal runtime uses a background queue; tests run the work at once.
public protocol BackgroundRunner: Sendable {
    func run(_ work: @escaping @Sendable () -> Action?)
    /// Long work that reports along the way (an import's progress) before its final action.
    func runReporting(_ work: @escaping @Sendable (_ report: @escaping @Sendable (Action) -> Void) -> Action?)
    /// Reports `action` after `seconds`, without holding up other work meanwhile.
    func post(_ action: Action, after seconds: Double)
}

/// Runs background work immediately on the caller's thread (tests, batch use).
public struct InlineRunner: BackgroundRunner {
    public let deliver: @Sendable (Action) -> Void
    public init(deliver: @escaping @Sendable (Action) -> Void) { self.deliver = deliver }
    public func run(_ work: @escaping @Sendable () -> Action?) { if let action = work() { deliver(action) } }
    public func runReporting(_ work: @escaping @Sendable (@escaping @Sendable (Action) -> Void) -> Action?) {
        if let action = work(deliver) { deliver(action) }
    }
    /// At once: tests do not wait.
    public func post(_ action: Action, after seconds: Double) { deliver(action) }
}

/// What the runtime must do besides drawing the new state.
public enum Effect: Equatable, Sendable {
    case suspend
    case fullRedraw
    /// Hand the terminal to $VISUAL/$EDITOR on this text; the result comes back as
    /// `.externalTextEdited`.
    case editText(String)
}

/// The one place the console's state changes: keys become actions through the key map, and
/// `send` applies an action — reading windows from the store as needed.
public final class AppModel {
    public internal(set) var state: AppState
    public let keyMap: KeyMap
    let store: any ShopReading
    /// nil when the console cannot write (a read-only file).
    let writer: (any ShopWriting)?
    /// Imports and exports; nil where the console has none (tests of other things).
    let exchanger: (any ShopExchanging)?
    let background: BackgroundRunner
    var effects: [Effect] = []
    var nextPendingID = 1
    /// Panes whose count runs in the background now, and those to count again when it reports.
    var countsInFlight: Set<PaneID> = []
    var countsWanted: Set<PaneID> = []

    public init(
        state: AppState, store: any ShopReading, writer: (any ShopWriting)? = nil, exchanger: (any ShopExchanging)? = nil,
        keyMap: KeyMap = .standard, background: BackgroundRunner
    ) {
        self.state = state
        self.store = store
        self.writer = writer
        self.exchanger = exchanger
        self.keyMap = keyMap
        self.background = background
    }


    /// Loads the first window of the active pane.
    public func start() {
        load(state.active)
    }

    /// Effects requested since the last call, in order.
    public func takeEffects() -> [Effect] {
        defer { effects.removeAll() }
        return effects
    }

    public func handle(_ key: Key) {
        if key == .resize { return }
        state.message = nil
        switch state.mode {
        case .working:
            // Only quitting interrupts an import (its transaction then rolls back).
            if key == .control("c") { return send(.quit) }
            return
        case .edit, .bulkPrompt, .datePrompt, .exportPrompt, .commandPrompt, .confirm, .bulkPreview, .receiptPreview, .form,
             .textArea, .marginGuard:
            // In a field or a question only its own keys count (and Ctrl-C): a typed q is a q.
            if let action = keyMap.bindings.first(where: { $0.context == state.keyContext && $0.keys.contains(key) })?.action {
                return send(action)
            }
            if key == .control("c") { return send(.quit) }
            editField(key)
            return
        default:
            break
        }
        if case .filter = state.mode, let edited = editFilter(key) {
            applyTypedFilter(edited)
            return
        }
        if case .help = state.mode, key != .character("?"), key != .control("c"), key != .character("q") {
            if let action = keyMap.action(for: key, in: .detail) { return helpAction(action) }
            state.mode = .browse
            return
        }
        guard let action = keyMap.action(for: key, in: state.keyContext) else {
            if case .browse = state.mode { state.message = .init(text: "\(key.label) does nothing here — ? shows the keys", isError: false) }
            return
        }
        send(action)
    }

    public func send(_ action: Action) {
        switch action {
        case .quit:
            if case .help = state.mode { state.mode = .browse; return }
            state.shouldQuit = true
        case .selectPane(let pane): switchTo(pane)
        case .nextPane: switchTo(state.active.next)
        case .previousPane: switchTo(state.active.previous)
        case .moveDown: scroll { try $0.move(by: 1, height: $1, fetch: $2) } detail: { $0 + 1 }
        case .moveUp: scroll { try $0.move(by: -1, height: $1, fetch: $2) } detail: { $0 - 1 }
        case .pageDown: scroll { try $0.page(by: 1, height: $1, fetch: $2) } detail: { $0 + self.state.pageHeight }
        case .pageUp: scroll { try $0.page(by: -1, height: $1, fetch: $2) } detail: { $0 - self.state.pageHeight }
        case .halfPageDown: scroll { try $0.page(by: 1, height: max(1, $1 / 2), fetch: $2) } detail: { $0 + self.state.pageHeight / 2 }
        case .halfPageUp: scroll { try $0.page(by: -1, height: max(1, $1 / 2), fetch: $2) } detail: { $0 - self.state.pageHeight / 2 }
        case .top: scroll { try $0.select(0, height: $1, fetch: $2) } detail: { _ in 0 }
        case .bottom: jumpToLast()
        case .startFilter:
            state.mode = .filter
        case .acceptFilter:
            state.mode = .browse
            // Enter runs a filter that was waiting for more: the person wants exactly that.
            if let draft = state.filterDraft { applyFilter(draft) }
        case .clearFilter:
            state.mode = .browse
            state.filterDraft = nil
            if !state.table.filter.isEmpty { applyFilter("") }
        case .openDetail:
            if state.focusedColumn[state.active] != nil { beginEdit() } else { openDetail() }
        case .back: back()
        case .toggleHelp:
            if case .help = state.mode { state.mode = .browse } else { state.mode = .help(scroll: 0) }
        case .redraw: effects.append(.fullRedraw)
        case .suspend: effects.append(.suspend)
        case .resized(let width, let height):
            state.width = width
            state.height = height
            if !state.isTooSmall, let table = state.tables[state.active], table.isLoaded {
                update(state.active) { try $0.select($0.selected, height: $1, fetch: $2) }
            }
        case .dataChanged:
            for pane in PaneID.allCases where state.tables[pane]?.isLoaded == true {
                if pane == state.active {
                    update(pane) { try $0.refresh(height: $1, fetch: $2) }
                    // Rows may have been added or removed: count again, showing the last count
                    // meanwhile (another manager may commit many times a second).
                    requestCount(pane, again: true)
                } else {
                    state.tables[pane]?.invalidate() // reloaded, under its filter, when shown again
                }
            }
        case .countDue(let pane, let filter):
            if state.tables[pane]?.filter == filter { requestCount(pane) }
        case .countLoaded(let pane, let filter, let count):
            countsInFlight.remove(pane)
            if count >= 0, state.tables[pane]?.filter == filter { state.tables[pane]?.total = count }
            if countsWanted.remove(pane) != nil { requestCount(pane, again: true) }
        case .complaintQueuesCounted(let counts):
            state.complaintQueueCounts = counts
        case .startCommand: state.mode = .commandPrompt(LineEditor())
        case .exchangeProgress(let progress):
            if case .working = state.mode { state.mode = .working(progress) }
        case .exchangeFinished(let title, let lines, let isError): exchangeFinished(title: title, lines: lines, isError: isError)
        case .assignToMe: assignComplaintToMe()
        case .complaintForm(let kind): openComplaintForm(kind)
        case .revealPersonalData: revealPersonalData()
        case .pauseResume: togglePromotionPaused()
        case .endNow: askToEndPromotion()
        case .promotionCodes: openPromotionCodes()
        case .generateCodes: openGenerateCodes()
        case .overlaps: openOverlaps()
        case .usageReport: openUsageReport()
        case .explainPrice: openExplainPrice()
        case .tick:
            break
        case .focusNextColumn: focusColumn(by: 1)
        case .focusPreviousColumn: focusColumn(by: -1)
        case .edit: beginEdit()
        case .commitEdit: commitEdit()
        case .cancelEdit: cancelEdit()
        case .toggleMark: toggleMark()
        case .markAll: markAll()
        case .undo: undoLast()
        case .bulkChange: beginBulkChange()
        case .cycleSort: cycleSort()
        case .levelOnDate:
            guard state.active == .stock else {
                state.message = .init(text: "past stock levels are in Stock — press 4", isError: false)
                return
            }
            state.mode = .datePrompt(LineEditor(state.now.dateText))
        case .confirmYes: confirmYes()
        case .confirmNo: confirmNo()
        case .openForm: openProductForm()
        case .newProduct: state.active == .complaints ? openNewComplaintForm() : openNewProductForm()
        case .newVariant: openNewVariantForm()
        case .stockAction(let action): openStockForm(action)
        case .nextView: nextView()
        case .reorderSettings: openReorderSettings()
        case .report: state.active == .complaints ? openComplaintSummary() : openReorderList()
        case .exportDocument: beginExport()
        case .duplicate: duplicateProduct()
        case .archive: askToArchive()
        case .formNextField: moveFormFocus(by: 1)
        case .formPreviousField: moveFormFocus(by: -1)
        case .formEnter: formEnter()
        case .formSave: saveForm()
        case .formClose: closeForm()
        case .externalTextEdited(let text): externalTextEdited(text)
        case .keepText, .dropText:
            guard case .textArea(let area, var form) = state.mode else { return }
            if action == .keepText { form.fields[form.focus].editor = LineEditor(area.text) }
            state.mode = .form(form)
        }
    }

    /// Sets the clock the views use (relative due times, promotion states).
    public func setNow(_ now: Timestamp) { state.now = now }

    // MARK: - Panes and tables

    var context: PresentationContext {
        PresentationContext(overview: state.overview, now: state.now, revealedComplaints: state.revealedComplaints)
    }

    func fetcher(_ pane: PaneID) -> TableWindow.Fetch {
        let definition = PaneDefinition.definition(for: pane)
        let store = self.store
        let context = self.context
        return { request in try definition.rows(store, request, context) }
    }

    private func switchTo(_ pane: PaneID) {
        if case .detail = state.mode { state.mode = .browse }
        if case .codes = state.mode { state.mode = .browse }
        state.active = pane
        if state.tables[pane]?.isLoaded != true { load(pane) }
    }

    func load(_ pane: PaneID) {
        let filter = state.tables[pane]?.filter ?? ""
        update(pane) { try $0.reload(filter: filter, height: $1, fetch: $2) }
        // Counted once typing pauses: a count of every prefix typed on the way would be thrown
        // away, and at a million products it competes with the windows for the processor.
        background.post(.countDue(pane: pane, filter: filter), after: Self.countAfterTypingPause)
    }

    /// Applies a table operation, turning a store failure into a status message (nothing is lost).
    func update(_ pane: PaneID, _ operation: (inout TableWindow, Int, TableWindow.Fetch) throws -> Void) {
        var table = state.tables[pane] ?? TableWindow()
        do {
            try operation(&table, state.tableHeight, fetcher(pane))
            state.tables[pane] = table
        } catch {
            state.message = .init(text: "could not read \(pane.noun): \(error)", isError: true)
        }
    }

    private func scroll(_ operation: (inout TableWindow, Int, TableWindow.Fetch) throws -> Void, detail: (Int) -> Int) {
        switch state.mode {
        case .bulkPreview(var preview):
            preview.scroll = min(max(0, detail(preview.scroll)), max(0, preview.lines.count - 1))
            state.mode = .bulkPreview(preview)
        case .receiptPreview(var preview):
            preview.scroll = min(max(0, detail(preview.scroll)), max(0, preview.rowCount - 1))
            state.mode = .receiptPreview(preview)
        case .marginGuard(var guardState):
            let limit = max(0, MarginGuardView.lineCount(guardState) - (state.pageHeight - 3))
            guardState.scroll = min(max(0, detail(guardState.scroll)), limit)
            state.mode = .marginGuard(guardState)
        case .codes:
            updateCodes(operation)
        case .detail(let document, let scroll):
            let limit = max(0, DetailLayout.rows(document, width: state.width - 2).count - state.pageHeight)
            state.mode = .detail(document, scroll: min(max(0, detail(scroll)), limit))
        case .help(let scroll):
            let limit = max(0, HelpOverlay.lines(keyMap).count - state.pageHeight)
            state.mode = .help(scroll: min(max(0, detail(scroll)), limit))
        default:
            update(state.active, operation)
        }
    }

    private func helpAction(_ action: Action) {
        switch action {
        case .moveDown, .moveUp, .pageDown, .pageUp: send(action)
        default: state.mode = .browse
        }
    }

    private func jumpToLast() {
        if case .detail = state.mode { return scroll({ _, _, _ in }, detail: { _ in Int.max / 2 }) }
        if case .codes = state.mode { return lastCode() }
        let pane = state.active
        let definition = PaneDefinition.definition(for: pane)
        let store = self.store
        let filter = state.table.filter
        update(pane) { table, height, fetch in
            try table.selectLast(height: height, fetch: fetch, count: { try definition.count(store, filter) })
        }
    }

    /// Seconds a filter stays unchanged before it is counted.
    static let countAfterTypingPause = 0.15

    /// Counts the pane's rows in the background when the count is unknown (or, `again`, out of
    /// date). One count per pane runs at a time: a request meanwhile is remembered and run once
    /// the running count reports, so commits arriving faster than a count never queue up counts.
    func requestCount(_ pane: PaneID, again: Bool = false) {
        if pane == .complaints { requestQueueCounts() }
        guard let filter = state.tables[pane]?.filter, again || state.tables[pane]?.total == nil else { return }
        if countsInFlight.contains(pane) {
            countsWanted.insert(pane)
            return
        }
        countsInFlight.insert(pane)
        let definition = PaneDefinition.definition(for: pane)
        let store = self.store
        background.run {
            .countLoaded(pane: pane, filter: filter, count: (try? definition.count(store, filter)) ?? -1)
        }
    }

    private func openDetail() {
        guard let row = state.table.selectedRow else { return }
        let definition = PaneDefinition.definition(for: state.active)
        do {
            if let document = try definition.detail(store, row.id, context) {
                state.mode = .detail(document, scroll: 0)
            } else {
                state.message = .init(text: "that row no longer exists", isError: true)
            }
        } catch {
            state.message = .init(text: "could not open the row: \(error)", isError: true)
        }
    }

    /// Esc goes back one level and never quits from the top.
    private func back() {
        state.mode = .browse
    }

    // MARK: - Filter as you type

    /// The filter text after a key, or nil when the key is not an edit (Enter, Esc, arrows).
    private func editFilter(_ key: Key) -> String? {
        let current = state.filterDraft ?? state.table.filter
        switch key {
        case .character(let character): return current + String(character)
        case .backspace: return current.isEmpty ? nil : String(current.dropLast())
        case .control("w"): return ""
        default: return nil
        }
    }

    /// The pane's next sort order, from the first row again.
    private func cycleSort() {
        let orders = PaneDefinition.definition(for: state.active).sortOrders
        guard orders.count > 1 else {
            state.message = .init(text: "\(state.active.title) has one order only", isError: false)
            return
        }
        let current = orders.firstIndex { $0.name == state.table.order } ?? 0
        let next = orders[(current + 1) % orders.count]
        let filter = state.table.filter
        update(state.active) { try $0.reload(filter: filter, order: next.name, height: $1, fetch: $2) }
        state.message = .init(text: "sorted by \(next.label)", isError: false)
    }

    /// A filter as it is typed: run at once, unless it would match most of a large list — one
    /// character of free text, or a key still without its value — which waits for the next key
    /// and says so.
    private func applyTypedFilter(_ filter: String) {
        if let reason = Self.deferral(filter, pane: state.active) {
            state.filterDraft = filter
            state.message = .init(text: reason, isError: false)
            return
        }
        applyFilter(filter)
    }

    static func deferral(_ filter: String, pane: PaneID) -> String? {
        if let last = filter.split(separator: " ").last, last.hasSuffix(":"), filter.last != " ",
           pane.filterKeys.rule(named: String(last.dropLast())) != nil {
            return "type the value of \(last.dropLast()) — nothing is filtered yet"
        }
        guard [.catalog, .pricing, .stock].contains(pane) else { return nil }
        let free = FilterQuery(parsing: filter, keys: pane.filterKeys).freeText.trimmingWhitespace()
        if free.count == 1 { return "one character matches too much: type another, or Enter filters by it" }
        return nil
    }

    func applyFilter(_ filter: String) {
        state.filterDraft = nil
        let pane = state.active
        update(pane) { try $0.reload(filter: filter, height: $1, fetch: $2) }
        // Counted once typing pauses: a count of every prefix typed on the way would be thrown
        // away, and at a million products it competes with the windows for the processor.
        background.post(.countDue(pane: pane, filter: filter), after: Self.countAfterTypingPause)
        // A known key with a value it cannot take matches nothing; say why.
        if let problem = FilterQuery(parsing: filter, keys: pane.filterKeys).problems.first {
            state.message = .init(text: problem, isError: true)
        }
    }
}
