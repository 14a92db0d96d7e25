import ShopKit

/// Stock planning in the console: views over the list, reorder settings, the reorder list and
/// its CSV, and a delivery received for many SKUs at once.
extension AppModel {
    private func requireStock(_ what: String) -> Bool {
        guard state.active == .stock else {
            state.message = .init(text: "\(what) is in Stock — press 4", isError: false)
            return false
        }
        return true
    }

    /// `b`: the pane's bulk change.
    func beginBulkChange() {
        switch state.active {
        case .pricing: beginBulkPrice()
        case .stock: openBulkReceive()
        default:
            state.message = .init(text: "bulk changes are made in Pricing (2) and Stock (4)", isError: false)
        }
    }

    // MARK: - Views

    /// `V`: the pane's next view — stock views in Stock, queues in Complaints.
    func nextView() {
        switch state.active {
        case .stock: nextStockView()
        case .complaints: nextComplaintQueue()
        default: state.message = .init(text: "views are in Stock (4) and Complaints (5)", isError: false)
        }
    }

    /// The next view (all → out of stock → below reorder point → overstock → oversold): the
    /// filter's `stock:` term is replaced, the rest of the filter is kept.
    func nextStockView() {
        let terms = state.table.filter.split(separator: " ").map(String.init)
        let current = terms.first { $0.lowercased().hasPrefix("stock:") }
            .flatMap { StockView(rawValue: String($0.dropFirst(6)).lowercased()) } ?? .all
        let next = current.next
        var kept = terms.filter { !$0.lowercased().hasPrefix("stock:") }
        if let term = next.filterTerm { kept.insert(term, at: 0) }
        applyFilter(kept.joined(separator: " "))
        state.message = .init(text: "view: \(next.label) — V for the next", isError: false)
    }

    // MARK: - Reorder settings

    func openReorderSettings() {
        guard requireStock("reorder settings"), requireWritable(), let row = state.table.selectedRow else { return }
        do {
            guard let item = try store.stockItems(ids: [row.id]).first else {
                state.message = .init(text: "that SKU no longer exists", isError: true)
                return
            }
            state.mode = .form(.reorderSettings(item))
        } catch {
            state.message = .init(text: "could not read the SKU: \(error)", isError: true)
        }
    }

    // MARK: - Reorder list

    func openReorderList() {
        guard requireStock("the reorder list") else { return }
        do {
            let lines = try store.reorderList()
            state.mode = .detail(ReorderListDocument.make(lines, currency: state.overview.currency), scroll: 0)
        } catch {
            state.message = .init(text: "could not build the reorder list: \(error)", isError: true)
        }
    }

    /// `w` on a report: ask for the file, with a dated name in the current folder.
    func beginExport() {
        if case .codes(let view) = state.mode { return beginCodesExport(view) }
        guard case .detail(let document, _) = state.mode, document.export != nil else {
            state.message = .init(text: "w writes reports such as the reorder list (R in Stock)", isError: false)
            return
        }
        state.mode = .exportPrompt(LineEditor("reorder-\(state.now.dateText).csv"), report: document)
    }

    func export(_ report: DetailDocument, to path: String) {
        let target = path.trimmingWhitespace()
        guard !target.isEmpty else {
            state.message = .init(text: "type a file name, e.g. reorder.csv", isError: true)
            return
        }
        if case .promotionCodes(let id, let name)? = report.export {
            return exportCodes(promotionID: id, name: name, to: target)
        }
        do {
            let count = try store.exportReorderList(to: target)
            state.mode = .detail(report, scroll: 0)
            state.message = .init(text: "wrote \(count) line\(count == 1 ? "" : "s") to \(target)", isError: false)
        } catch {
            // The prompt stays open with the name typed: fix the folder, or Esc.
            state.message = .init(text: "\(error)", isError: true)
        }
    }

    // MARK: - Bulk receive

    /// A delivery for the marked SKUs (or the selected one), typed or pasted as lines.
    func openBulkReceive() {
        guard requireWritable() else { return }
        guard state.overview.locations.contains(where: \.isSellable) else {
            state.message = .init(text: "the shop has no location to receive into", isError: true)
            return
        }
        let marked = Array(state.marks[.stock] ?? [])
        let ids = marked.isEmpty ? state.table.selectedRow.map { [$0.id] } ?? [] : marked
        do {
            let skus = state.allMarked.contains(.stock) ? [] : try store.stockItems(ids: ids).map(\.sku).filter { !$0.isEmpty }
            state.mode = .form(.bulkReceive(skus: skus, locations: state.overview.locations))
        } catch {
            state.message = .init(text: "could not read the marked SKUs: \(error)", isError: true)
        }
    }

    /// Reads the lines, finds every SKU and shows what will be booked; nothing is written yet.
    func previewReceipt(_ form: FormState) {
        var form = form
        func text(_ key: FormState.Field.Key) -> String {
            form.fields.first { $0.key == key }?.editor.text ?? ""
        }
        let code = text(.location).trimmingWhitespace()
        guard let location = state.overview.locations.first(where: { $0.code.lowercased() == code.lowercased() }) else {
            form.showError(ValidationError(
                field: "location", message: "there is no location \"\(code)\"",
                hint: "use one of \(state.overview.locations.map(\.code).joined(separator: ", "))"))
            state.mode = .form(form)
            return
        }
        let list = ReceiptList(parsing: text(.receiptLines))
        guard !list.lines.isEmpty || !list.problems.isEmpty else {
            form.showError(ValidationError(field: "lines", message: "no lines to receive", hint: "type `SKU quantity`, one per line"))
            state.mode = .form(form)
            return
        }
        do {
            let items = try store.stockItems(skus: list.lines.map(\.sku))
            let bySKU = Dictionary(items.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
            let index = state.overview.locations.firstIndex(of: location) ?? 0
            var lines: [ReceiptPreviewState.Line] = []
            var problems = list.problems.map(\.description)
            for line in list.lines {
                guard let item = bySKU[line.sku] else {
                    problems.append("line \(line.lineNumber): there is no SKU \"\(line.sku.prefix(24))\"")
                    continue
                }
                lines.append(ReceiptPreviewState.Line(
                    variantID: item.id, sku: item.sku,
                    title: item.productTitle + (item.optionSummary == "Default" ? "" : " · " + item.optionSummary),
                    quantity: line.quantity,
                    before: index < item.onHandByLocation.count ? item.onHandByLocation[index] : 0))
            }
            state.mode = .receiptPreview(ReceiptPreviewState(
                locationID: location.id, locationCode: location.code, reference: text(.reference).trimmingWhitespace(),
                lines: lines, problems: problems, form: form))
        } catch {
            state.message = .init(text: "could not look up the SKUs: \(error)", isError: true)
        }
    }

    /// `y` on the preview: every line as a receipt movement, in one transaction and one undo step.
    func bookReceipt(_ preview: ReceiptPreviewState) {
        guard preview.problems.isEmpty else {
            state.message = .init(
                text: "\(preview.problems.count) line(s) cannot be received — n goes back to fix them", isError: true)
            return
        }
        let items = preview.lines.map { ReceiptItem(variantID: $0.variantID, quantity: $0.quantity) }
        let description = "receipt of \(Format.quantity(preview.totalUnits)) units at \(preview.locationCode)"
        state.mode = .browse
        switch write(.receiveBatch(locationID: preview.locationID, items: items, reference: preview.reference),
                     description: description) {
        case .saved:
            state.marks[.stock] = []
            state.allMarked.remove(.stock)
            state.message = .init(
                text: "received \(Format.quantity(preview.totalUnits)) units of \(preview.lines.count) SKUs at \(preview.locationCode) — u undoes",
                isError: false)
        case .invalid(let error):
            var form = preview.form
            form.showError(error)
            state.mode = .form(form)
            state.message = .init(text: error.description, isError: true)
        case .conflict, .belowFloor, .refused:
            state.mode = .form(preview.form)
        }
    }
}

/// The reorder list as a report: one block per vendor, what to order and what it costs.
enum ReorderListDocument {
    static func make(_ lines: [ReorderLine], currency: Currency) -> DetailDocument {
        var document = DetailDocument(title: SafeText("Reorder list — w writes it as CSV"), export: .reorderList)
        guard !lines.isEmpty else {
            document.lines.append([.init(SafeText("Nothing to reorder: every SKU has enough stock for its lead time."), .dim)])
            return document
        }
        let total = lines.compactMap(\.lineCost).reduce(Money.zero(currency), +)
        document.field("SKUs", Format.quantity(Int64(lines.count)))
        document.field("Units", Format.quantity(lines.reduce(0) { $0 + $1.quantity }))
        document.field("At cost", total.formatted)
        var vendor: String?
        for line in lines {
            if line.vendor != vendor {
                vendor = line.vendor
                document.heading(line.vendor.isEmpty ? "(no vendor)" : line.vendor)
            }
            let item = line.item
            let cover = item.daysOfCover.map { "\($0)d" } ?? "—"
            let facts = "order \(Format.quantity(line.quantity)) · avail \(Format.quantity(item.available))"
                + " · \(item.velocity.perDayText)/day · cover \(cover)"
                + (item.reorder.map { " · lead \($0.leadTimeDays)d" } ?? "")
                + (line.lineCost.map { " · \($0.formatted)" } ?? "")
            document.lines.append([
                .init(SafeText(item.sku), .header), .init(SafeText("  " + item.productTitle)),
                .init(SafeText(item.optionSummary == "Default" ? "" : " · " + item.optionSummary), .dim),
            ])
            document.lines.append([.init(SafeText("    " + facts), .dim)])
        }
        return document
    }
}
