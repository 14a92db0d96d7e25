import ShopKit

/// The whole screen as a function of the state: tab bar, the active pane (table, detail or
/// help), and the status line. Draws into a cell grid; never touches the terminal.
public enum Screen {
    public static func render(_ state: AppState, theme: Theme, keyMap: KeyMap = .standard) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height, style: theme.style(.normal))
        guard !state.isTooSmall else {
            TooSmallView.draw(into: &grid, state: state, theme: theme)
            return grid
        }
        TabBar.draw(into: &grid, state: state, theme: theme)
        let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 2)
        switch state.mode {
        case .browse, .filter, .edit, .bulkPrompt, .datePrompt:
            PaneView.draw(into: &grid, area: body, state: state, theme: theme)
        case .confirm(let confirmation):
            PaneView.draw(into: &grid, area: body, state: state, theme: theme)
            ConfirmView.draw(into: &grid, area: body, question: confirmation.question, theme: theme)
        case .bulkPreview(let preview):
            BulkPreviewView.draw(into: &grid, area: body, preview: preview, theme: theme)
        case .receiptPreview(let preview):
            ReceiptPreviewView.draw(into: &grid, area: body, preview: preview, theme: theme)
        case .exportPrompt(_, let report):
            DetailView.draw(into: &grid, area: body, document: report, scroll: 0, theme: theme)
        case .commandPrompt:
            PaneView.draw(into: &grid, area: body, state: state, theme: theme)
        case .working(let progress):
            PaneView.draw(into: &grid, area: body, state: state, theme: theme)
            ProgressView.draw(into: &grid, area: body, progress: progress, theme: theme)
        case .form(let form):
            FormView.draw(into: &grid, area: body, form: form, theme: theme)
        case .textArea(let area, let form):
            TextAreaView.draw(into: &grid, area: body, textArea: area, title: form.fields[form.focus].label, theme: theme)
        case .detail(let document, let scroll):
            DetailView.draw(into: &grid, area: body, document: document, scroll: scroll, theme: theme)
        case .codes(let view):
            PromotionCodesView.draw(into: &grid, area: body, view: view, theme: theme)
        case .marginGuard(let guardState):
            MarginGuardView.draw(into: &grid, area: body, state: guardState, theme: theme)
        case .help(let scroll):
            PaneView.draw(into: &grid, area: body, state: state, theme: theme)
            HelpOverlay.draw(into: &grid, area: body, keyMap: keyMap, scroll: scroll, theme: theme)
        }
        StatusLine.draw(into: &grid, state: state, theme: theme)
        return grid
    }
}

/// The active pane's body: the table, under the queue bar in Complaints.
enum PaneView {
    static func draw(into grid: inout CellGrid, area: Rect, state: AppState, theme: Theme) {
        guard state.active == .complaints, area.height > 2 else {
            return TableView.draw(into: &grid, area: area, state: state, theme: theme)
        }
        QueueBar.draw(into: &grid, y: area.y, width: area.width, state: state, theme: theme)
        TableView.draw(into: &grid, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                       state: state, theme: theme)
    }
}

/// The complaint queues with their live counts; the chosen one stands out (also without colour:
/// it is bracketed), overdue in the danger style when there are any.
enum QueueBar {
    static func text(_ state: AppState) -> [(label: String, queue: ComplaintQueue)] {
        ComplaintQueue.allCases.map { queue in
            let count = state.complaintQueueCounts?[queue].map { Format.quantity(Int64($0)) } ?? "…"
            return ("\(queue.label) \(count)", queue)
        }
    }

    static func draw(into grid: inout CellGrid, y: Int, width: Int, state: AppState, theme: Theme) {
        grid.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme.style(.normal))
        let current = (state.tables[.complaints]?.filter ?? "").split(separator: " ")
            .first { $0.lowercased().hasPrefix("queue:") }
            .flatMap { ComplaintQueue(rawValue: String($0.dropFirst(6)).lowercased()) }
        var x = 1
        for (label, queue) in text(state) {
            let chosen = queue == current
            let shown = SafeText(chosen ? "[" + label + "]" : " " + label + " ")
            guard x + shown.width <= width else { break }
            let overdue = queue == .overdue && (state.complaintQueueCounts?[.overdue] ?? 0) > 0
            let role: StyleRole = chosen ? .tabActive : overdue ? .danger : .dim
            x += grid.put(shown, x: x, y: y, style: theme.style(role))
        }
        let hint = SafeText("V next queue")
        if x + hint.width + 2 <= width { grid.put(hint, x: width - hint.width - 1, y: y, style: theme.style(.dim)) }
    }
}

/// An import or export under way: a box with a bar, rows, rate and time left.
enum ProgressView {
    static func draw(into grid: inout CellGrid, area: Rect, progress: ExchangeProgress, theme: Theme) {
        let width = min(area.width - 4, 70)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, area.height / 2 - 3), width: width, height: 6)
        grid.fill(box, style: theme.style(.help))
        grid.fill(Rect(x: box.x, y: box.y, width: box.width, height: 1), style: theme.style(.tabActive))
        grid.put(SafeText(" " + progress.title), x: box.x, y: box.y, maxWidth: box.width, style: theme.style(.tabActive))
        let barWidth = max(1, width - 4)
        let filled = barWidth * min(progress.permille, 1000) / 1000
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        grid.put(SafeText(bar), x: box.x + 2, y: box.y + 2, style: theme.style(.good))
        var facts = "\(Format.quantity(Int64(progress.rowsDone))) rows · \(progress.permille / 10)%"
        if progress.rowsPerSecond > 0 { facts += " · \(Format.quantity(Int64(progress.rowsPerSecond))) rows/s" }
        if let left = progress.secondsLeft {
            facts += left < 60 ? " · under a minute left" : " · about \(Format.span(Int64(left))) left"
        }
        grid.put(SafeText(facts), x: box.x + 2, y: box.y + 4, maxWidth: box.width - 4, style: theme.style(.normal))
    }
}

enum TooSmallView {
    static func draw(into grid: inout CellGrid, state: AppState, theme: Theme) {
        let lines = [
            "Terminal too small",
            "\(state.width)x\(state.height), need \(AppState.minimumWidth)x\(AppState.minimumHeight)",
            "q quits",
        ]
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let text = SafeText(line)
            let x = max(0, (state.width - text.width) / 2)
            grid.put(text, x: x, y: top + offset, style: theme.style(offset == 0 ? .warning : .normal))
        }
    }
}

enum TabBar {
    static func draw(into grid: inout CellGrid, state: AppState, theme: Theme) {
        grid.fill(Rect(x: 0, y: 0, width: grid.width, height: 1), style: theme.style(.tabInactive))
        let brand = SafeText(" shopdesk ")
        let full = PaneID.allCases.map { " \($0.rawValue) \($0.title) " }
        let short = PaneID.allCases.map { " \($0.rawValue) \($0.title.prefix(4)) " }
        let fullWidth = brand.width + full.reduce(0) { $0 + $1.count }
        let labels = fullWidth <= grid.width ? full : short
        var x = 0
        if brand.width + labels.reduce(0, { $0 + $1.count }) <= grid.width {
            x += grid.put(brand, x: x, y: 0, style: theme.style(.brand))
        }
        for (pane, label) in zip(PaneID.allCases, labels) {
            let role: StyleRole = pane == state.active ? .tabActive : .tabInactive
            x += grid.put(SafeText(label), x: x, y: 0, style: theme.style(role))
        }
    }
}

enum StatusLine {
    static func draw(into grid: inout CellGrid, state: AppState, theme: Theme) {
        let y = grid.height - 1
        let table = state.table
        if let prompt = prompt(state) {
            let role: StyleRole = state.message?.isError == true ? .statusError : .status
            grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: theme.style(role))
            if let message = state.message {
                grid.put(SafeText(" " + message.text), x: 0, y: y, style: theme.style(role))
                return
            }
            var x = grid.put(SafeText(" " + prompt.label), x: 0, y: y, style: theme.style(.status))
            if let editor = prompt.editor {
                let room = max(12, min(30, grid.width - x - SafeText(prompt.hint).width - 2))
                let (text, cursor) = editor.display(width: room - 1)
                grid.put(text, x: x, y: y, maxWidth: room, style: theme.style(.normal))
                grid.fill(Rect(x: x + text.width, y: y, width: max(0, room - text.width), height: 1), style: theme.style(.normal))
                grid.restyle(Rect(x: x + cursor, y: y, width: 1, height: 1)) { _ in theme.style(.selected) }
                x += room
            }
            grid.put(SafeText(prompt.hint), x: x + 1, y: y, style: theme.style(.status))
            return
        }
        if case .filter = state.mode {
            let role: StyleRole = state.message?.isError == true ? .statusError : .status
            grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: theme.style(role))
            let prompt = SafeText("/") + SafeText(state.filterDraft ?? table.filter) + SafeText("▏")
            let used = grid.put(prompt, x: 0, y: y, maxWidth: grid.width - 1, style: theme.style(role))
            let hint = SafeText("  " + (state.message?.text ?? "Enter keep · Esc clear · \(countText(state))"))
            grid.put(hint, x: used, y: y, style: theme.style(role))
            return
        }
        if let message = state.message {
            let role: StyleRole = message.isError ? .statusError : .status
            grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: theme.style(role))
            grid.put(SafeText(" " + message.text), x: 0, y: y, style: theme.style(role))
            return
        }
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: theme.style(.status))
        var left = " \(state.active.title) · \(countText(state))"
        if !table.filter.isEmpty { left += " · /\(table.filter)" }
        if !table.order.isEmpty { left += " · by \(table.order)" }
        if state.allMarked.contains(state.active) {
            left += " · all marked"
        } else if state.markedCount > 0 {
            left += " · \(state.markedCount) marked"
        }
        let database = state.databaseLabel + (state.isReadOnly ? " [read-only]" : "")
        let leftText = SafeText(left)
        let shopName = state.overview.name.isEmpty ? SafeText("") : SafeText(state.overview.name) + SafeText(" · ")
        let withShop = shopName + SafeText(database + " · ? help ")
        let right = grid.width - withShop.width - 1 >= leftText.width ? withShop : SafeText(database + " · ? help ")
        let room = grid.width - right.width - 1
        if room >= leftText.width {
            grid.put(leftText, x: 0, y: y, style: theme.style(.status))
            grid.put(right, x: grid.width - right.width, y: y, style: theme.style(.status))
        } else {
            grid.put(leftText, x: 0, y: y, style: theme.style(.status))
        }
    }

    /// What the status line asks while a field or question is open.
    static func prompt(_ state: AppState) -> (label: String, editor: LineEditor?, hint: String)? {
        switch state.mode {
        case .edit(let edit):
            // A column the width leaves out has no cell to edit in: the field goes on this line.
            let columns = PaneDefinition.definition(for: edit.pane).columns(state.overview)
            if !layoutColumns(columns, width: state.width - 1).contains(where: { $0.index == edit.column }) {
                return ("Editing \(edit.label): ", edit.editor, "Enter saves · Esc cancels")
            }
            return ("Editing \(edit.label) — Enter saves · Esc cancels", nil, "")
        case .bulkPrompt(let editor):
            let target: String
            if state.allMarked.contains(.pricing) || state.markedCount == 0 {
                target = state.table.filter.isEmpty ? "all variants" : "the filter"
            } else {
                target = "\(state.markedCount) marked"
            }
            return ("Bulk price for \(target): ", editor, "e.g. +10% .99, -5%, =19.99, cost+40%")
        case .confirm:
            return ("Confirm: y yes · n no", nil, "")
        case .datePrompt(let editor):
            return ("Stock on the date: ", editor, "YYYY-MM-DD · Enter shows · Esc cancels")
        case .exportPrompt(let editor, _):
            return ("Write CSV to: ", editor, "Enter writes · Esc cancels")
        case .commandPrompt(let editor):
            return (":", editor, "import …/export … · Tab shows how · Esc cancels")
        case .working:
            return ("Working — Ctrl-C stops it (an import then rolls back)", nil, "")
        case .form(let form):
            return ("\(form.title)\(form.isDirty ? " · changed" : "")", nil, "")
        case .codes:
            return ("j/k move · + generates codes · w writes them as CSV · Esc back", nil, "")
        case .marginGuard:
            return ("Margin guard: y saves anyway (audited) · n/Esc back", nil, "")
        case .textArea(let area, _):
            return ("Ctrl-S keeps the text · Esc leaves it as it was\(area.isChanged ? " · changed" : "")", nil, "")
        default:
            return nil
        }
    }

    /// "row 3 of 512 products", "row 3 of … products" while counting, "no products".
    static func countText(_ state: AppState) -> String {
        let table = state.table
        let noun = state.active.noun
        if table.isLoaded && table.rows.isEmpty { return table.filter.isEmpty ? "no \(noun)" : "no match" }
        let total = table.total.map { Format.quantity(Int64($0)) } ?? "…"
        return "row \(Format.quantity(Int64(table.selected + 1))) of \(total) \(noun)"
    }
}
