import ShopKit

/// Promotions in the console: the form (new and edit), pause and resume, duplicate, end now, the
/// margin guard's refusal and its audited override, codes (list, generate, export), overlaps,
/// usage, and a price explained step by step. Every change goes through the write path.
extension AppModel {
    /// The selected promotion's row, or nil (and a hint) outside the Promotions pane.
    private func selectedPromotion(_ what: String) -> TableRow? {
        guard state.active == .promotions else {
            state.message = .init(text: "\(what) is in Promotions — press 3", isError: false)
            return nil
        }
        return state.table.selectedRow
    }

    // MARK: - The form

    func openNewPromotionForm() {
        guard requireWritable() else { return }
        state.mode = .form(.promotion(nil, now: state.now))
    }

    func openPromotionForm() {
        guard let row = selectedPromotion("the promotion form"), requireWritable() else { return }
        do {
            guard let promotion = try store.promotionDetail(id: row.id) else {
                state.message = .init(text: "that promotion no longer exists", isError: true)
                return
            }
            state.mode = .form(.promotion(promotion, now: state.now))
        } catch {
            state.message = .init(text: "could not read the promotion: \(error)", isError: true)
        }
    }

    func savePromotionForm(_ form: FormState, original: Promotion?) {
        var form = form
        let promotion: Promotion
        do throws(ValidationError) {
            promotion = try PromotionForm.promotion(form, original: original, currency: state.overview.currency)
        } catch {
            return refuse(error, in: form)
        }
        let command: WriteCommand = if let original {
            .editPromotion(id: original.id, expectedVersion: original.version, promotion, overrideMarginGuard: false)
        } else {
            .createPromotion(promotion, overrideMarginGuard: false)
        }
        let description = original == nil ? "new promotion \(promotion.name)" : "changes to \(promotion.name)"
        state.mode = .browse
        switch write(command, description: description, remember: false) {
        case .saved:
            state.message = .init(text: "saved \(description)", isError: false)
        case .conflict(let current, let version):
            if var changed = original {
                changed.version = version
                form.purpose = .promotion(original: changed)
            }
            state.mode = .form(form)
            let now = current.map { "\($0.key): \($0.value ?? "—")" }.sorted().joined(separator: ", ")
            state.message = .init(
                text: "someone changed this promotion meanwhile (\(now)) — Ctrl-S saves yours over it, Esc keeps theirs",
                isError: true)
        case .invalid(let error):
            refuse(error, in: form)
        case .belowFloor, .refused:
            // The margin guard's list is open: No comes back to this form, typed values kept.
            if case .marginGuard(var guardState) = state.mode {
                guardState.form = form
                state.mode = .marginGuard(guardState)
            } else {
                state.mode = .form(form)
            }
        }
    }

    /// Puts a refusal under its field (or on the status line when no field shows it).
    private func refuse(_ error: ValidationError, in form: FormState) {
        var form = form
        form.showError(error)
        state.mode = .form(form)
        state.message = .init(text: error.description, isError: true)
    }

    // MARK: - Pause, duplicate, end

    func togglePromotionPaused() {
        guard let row = selectedPromotion("pause and resume"), requireWritable() else { return }
        guard let promotion = try? store.promotionDetail(id: row.id) else { return }
        let label = rowLabel(row.id)
        let pausing = !promotion.paused
        let command = WriteCommand.setPromotionPaused(
            id: row.id, expectedVersion: row.version, paused: pausing, overrideMarginGuard: false)
        if case .saved = write(command, description: (pausing ? "pause of " : "resume of ") + label, remember: false) {
            state.message = .init(text: pausing ? "paused \(label) — p resumes it" : "resumed \(label)", isError: false)
        }
    }

    func duplicatePromotion() {
        guard let row = selectedPromotion("duplicate"), requireWritable() else { return }
        let label = rowLabel(row.id)
        if case .saved = write(.duplicatePromotion(id: row.id), description: "copy of \(label)", remember: false) {
            state.message = .init(text: "duplicated \(label) as a paused copy — E edits it, p resumes it", isError: false)
        }
    }

    func askToEndPromotion() {
        guard let row = selectedPromotion("ending a promotion"), requireWritable() else { return }
        let label = rowLabel(row.id)
        state.mode = .confirm(Confirmation(
            question: "End \(label) now? Prices go back at once; this cannot be resumed. y/N",
            command: PendingCommand(id: nextPendingID, command: .endPromotionNow(id: row.id, expectedVersion: row.version)),
            description: "end of \(label)"))
        nextPendingID += 1
    }

    // MARK: - The margin guard

    /// The same save with the margin guard overridden.
    static func withMarginGuardOverride(_ command: WriteCommand) -> WriteCommand? {
        switch command {
        case .createPromotion(let promotion, _): .createPromotion(promotion, overrideMarginGuard: true)
        case .editPromotion(let id, let version, let promotion, _):
            .editPromotion(id: id, expectedVersion: version, promotion, overrideMarginGuard: true)
        case .setPromotionPaused(let id, let version, let paused, _):
            .setPromotionPaused(id: id, expectedVersion: version, paused: paused, overrideMarginGuard: true)
        default: nil
        }
    }

    /// Opens the guard's list for a refused save (see `write`).
    func showMarginGuard(_ violations: [MarginGuardViolation], command: WriteCommand, description: String) -> Bool {
        guard let override = Self.withMarginGuardOverride(command) else { return false }
        let name: String = switch command {
        case .createPromotion(let promotion, _), .editPromotion(_, _, let promotion, _): promotion.name
        default: description
        }
        state.mode = .marginGuard(MarginGuardState(
            name: name, violations: violations, override: PendingCommand(id: nextPendingID, command: override),
            description: description))
        nextPendingID += 1
        return true
    }

    func saveBelowMargin(_ guardState: MarginGuardState) {
        state.mode = .browse
        switch write(guardState.override.command, description: guardState.description, remember: false) {
        case .saved:
            state.message = .init(
                text: "saved \(guardState.description) — margin override recorded in the audit log", isError: false)
        case .invalid(let error):
            if let form = guardState.form { refuse(error, in: form) }
        case .conflict:
            if let form = guardState.form { state.mode = .form(form) }
            state.message = .init(text: "someone changed this promotion meanwhile — nothing was saved", isError: true)
        case .belowFloor, .refused:
            break
        }
    }

    func leaveMarginGuard(_ guardState: MarginGuardState) {
        if let form = guardState.form {
            state.mode = .form(form)
            state.message = .init(text: "not saved — change the promotion, or Esc", isError: false)
        } else {
            state.mode = .browse
            state.message = .init(text: "nothing was changed", isError: false)
        }
    }

    // MARK: - Codes

    func codesFetcher(_ promotionID: Int64) -> TableWindow.Fetch {
        let store = self.store
        return { request in try store.promotionCodePage(promotionID: promotionID, request).map(PromotionCodesView.row) }
    }

    /// Rows of the codes view: all but the title and the column header.
    var codesHeight: Int { max(1, state.pageHeight - 1) }

    func openPromotionCodes() {
        guard let row = selectedPromotion("the codes list") else { return }
        openCodes(promotionID: row.id, name: rowLabel(row.id))
    }

    func openCodes(promotionID: Int64, name: String) {
        var view = PromotionCodesState(promotionID: promotionID, name: name)
        do {
            try view.window.reload(filter: "", height: codesHeight, fetch: codesFetcher(promotionID))
            view.window.total = try store.promotionCodeCount(promotionID: promotionID, filter: "")
            state.mode = .codes(view)
        } catch {
            state.message = .init(text: "could not read the codes: \(error)", isError: true)
        }
    }

    func updateCodes(_ operation: (inout TableWindow, Int, TableWindow.Fetch) throws -> Void) {
        guard case .codes(var view) = state.mode else { return }
        do {
            try operation(&view.window, codesHeight, codesFetcher(view.promotionID))
            state.mode = .codes(view)
        } catch {
            state.message = .init(text: "could not read the codes: \(error)", isError: true)
        }
    }

    func lastCode() {
        guard case .codes(let view) = state.mode else { return }
        let store = self.store
        updateCodes { window, height, fetch in
            try window.selectLast(height: height, fetch: fetch, count: {
                try store.promotionCodeCount(promotionID: view.promotionID, filter: "")
            })
        }
    }

    /// `+` in the codes view: ask how many and with which prefix.
    func openGenerateCodes() {
        guard case .codes(let view) = state.mode else {
            state.message = .init(text: "+ generates codes in a promotion's codes (K in Promotions)", isError: false)
            return
        }
        guard requireWritable() else { return }
        state.mode = .form(.generateCodes(promotionID: view.promotionID, name: view.name))
    }

    func saveGenerateCodes(_ form: FormState, promotionID: Int64, name: String) {
        let countText = form.text("count")
        guard let count = Int(countText) else {
            return refuse(ValidationError(field: "count", message: "\"\(countText.prefix(12))\" is not a number of codes",
                                          hint: "e.g. 500"), in: form)
        }
        do throws(ValidationError) {
            _ = try PromotionCode.validateRequest(count: count, prefix: form.text("prefix"))
        } catch {
            return refuse(error, in: form)
        }
        let command = WriteCommand.generatePromotionCodes(promotionID: promotionID, count: count, prefix: form.text("prefix"), seed: nil)
        switch write(command, description: "\(count) codes for \(name)", remember: false) {
        case .saved:
            openCodes(promotionID: promotionID, name: name)
            state.message = .init(text: "generated \(count.groupedDigits) codes — w writes them to a CSV file", isError: false)
        case .invalid(let error):
            refuse(error, in: form)
        default:
            state.mode = .form(form)
        }
    }

    /// `w` in the codes view: ask for the file.
    func beginCodesExport(_ view: PromotionCodesState) {
        var report = DetailDocument(title: SafeText("Codes of ") + SafeText(view.name))
        report.export = .promotionCodes(promotionID: view.promotionID, name: view.name)
        report.line([.init(SafeText("\(Format.quantity(Int64(view.window.total ?? 0))) codes: code, uses, orders"), .dim)])
        state.mode = .exportPrompt(LineEditor("codes-\(state.now.dateText).csv"), report: report)
    }

    func exportCodes(promotionID: Int64, name: String, to target: String) {
        do {
            let count = try store.exportPromotionCodes(promotionID: promotionID, to: target)
            openCodes(promotionID: promotionID, name: name)
            state.message = .init(text: "wrote \(count) code\(count == 1 ? "" : "s") to \(target)", isError: false)
        } catch {
            state.message = .init(text: "\(error)", isError: true)
        }
    }

    // MARK: - Overlaps and usage

    func openOverlaps() {
        guard let row = selectedPromotion("overlapping promotions") else { return }
        do {
            guard let promotion = try store.promotionDetail(id: row.id) else { return }
            let overlaps = try store.promotionOverlaps(id: row.id)
            state.mode = .detail(PromotionDocuments.overlaps(promotion, overlaps, now: state.now), scroll: 0)
        } catch {
            state.message = .init(text: "could not read the overlaps: \(error)", isError: true)
        }
    }

    func openUsageReport() {
        guard let row = selectedPromotion("the usage report") else { return }
        do {
            guard let promotion = try store.promotionDetail(id: row.id),
                  let report = try store.promotionUsage(id: row.id, codeLimit: 200) else { return }
            state.mode = .detail(PromotionDocuments.usage(promotion, report), scroll: 0)
        } catch {
            state.message = .init(text: "could not read the usage: \(error)", isError: true)
        }
    }

    // MARK: - Explain a price

    func openExplainPrice() {
        guard let row = state.table.selectedRow else { return }
        switch state.active {
        case .pricing:
            let sku = row.cells.first?.text.description ?? "the variant"
            state.mode = .form(.explainPrice(variantID: row.id, label: sku, sku: sku, code: "", now: state.now))
        case .promotions:
            let promotion = try? store.promotionDetail(id: row.id)
            let sku = (try? store.promotionScopeSKUs(id: row.id, limit: 1))?.first ?? ""
            let code = promotion.flatMap { $0.trigger == .code && $0.codeMode == .shared ? $0.code : nil } ?? ""
            state.mode = .form(.explainPrice(variantID: nil, label: "a variant of \(rowLabel(row.id))", sku: sku, code: code, now: state.now))
        default:
            state.message = .init(text: "x explains a price in Pricing (2) and Promotions (3)", isError: false)
        }
    }

    func showExplanation(_ form: FormState, variantID: Int64?) {
        let dateText = form.text("date")
        let moment: Timestamp
        do throws(ValidationError) {
            if dateText.isEmpty || dateText == state.now.dateText {
                moment = state.now
            } else {
                let typed = try PromotionForm.moment(dateText, field: "date")
                // A day without a time is priced at its noon: between a day's openings and closings.
                moment = dateText.count == 10 ? typed.adding(seconds: 12 * 3600) : typed
            }
        } catch {
            return refuse(error, in: form)
        }
        do {
            var id = variantID
            if id == nil {
                let sku = form.text("sku")
                id = try store.variantID(sku: sku)
                if id == nil {
                    return refuse(ValidationError(field: "sku", message: "there is no variant with SKU \"\(sku.prefix(24))\"",
                                                  hint: "type the SKU as Pricing shows it"), in: form)
                }
            }
            let code = form.text("code")
            guard let id, let quote = try store.explainVariantPrice(id: id, at: moment, codes: code.isEmpty ? [] : [code]) else {
                state.mode = .browse
                state.message = .init(text: "that variant no longer exists", isError: true)
                return
            }
            state.mode = .detail(PromotionDocuments.explanation(quote, at: moment, code: code), scroll: 0)
        } catch {
            state.message = .init(text: "could not price the variant: \(error)", isError: true)
        }
    }
}
