import ShopKit

/// Whole records: the product form (edit and new), duplicate and archive.
extension AppModel {
    private func requireCatalog(_ what: String) -> Bool {
        guard state.active == .catalog else {
            state.message = .init(text: "\(what) works on products — press 1 for the Catalog", isError: false)
            return false
        }
        guard requireWritable() else { return false }
        return true
    }

    func openProductForm() {
        if state.active == .pricing { return openVariantForm() }
        if state.active == .promotions { return openPromotionForm() }
        guard requireCatalog("the form"), let row = state.table.selectedRow else { return }
        do {
            guard let detail = try store.productDetail(id: row.id) else {
                state.message = .init(text: "that product no longer exists", isError: true)
                return
            }
            state.mode = .form(.product(detail))
        } catch {
            state.message = .init(text: "could not read the product: \(error)", isError: true)
        }
    }

    /// The variant form, from Pricing.
    func openVariantForm() {
        guard requireWritable() else { return }
        guard let row = state.table.selectedRow else { return }
        do {
            guard let detail = try store.variantDetail(id: row.id) else {
                state.message = .init(text: "that variant no longer exists", isError: true)
                return
            }
            state.mode = .form(.variant(detail))
        } catch {
            state.message = .init(text: "could not read the variant: \(error)", isError: true)
        }
    }

    func openNewVariantForm() {
        guard requireCatalog("a new variant"), let row = state.table.selectedRow else { return }
        do {
            guard let detail = try store.productDetail(id: row.id) else { return }
            state.mode = .form(.newVariant(
                productID: row.id, productTitle: detail.product.title, optionNames: detail.product.optionNames))
        } catch {
            state.message = .init(text: "could not read the product: \(error)", isError: true)
        }
    }

    /// Receive, adjust, transfer or count the selected SKU (Stock pane).
    func openStockForm(_ action: StockAction) {
        guard state.active == .stock else {
            state.message = .init(text: "stock is received, adjusted, moved and counted in Stock — press 4", isError: false)
            return
        }
        guard requireWritable(), let row = state.table.selectedRow else { return }
        guard !state.overview.locations.isEmpty else {
            state.message = .init(text: "the shop has no locations yet", isError: true)
            return
        }
        let sku = row.cells.count > 1 ? row.cells[1].text.description : "row \(row.id)"
        state.mode = .form(.stock(action, variantID: row.id, sku: sku, locations: state.overview.locations))
    }

    func openNewProductForm() {
        if state.active == .promotions { return openNewPromotionForm() }
        guard requireCatalog("a new product") else { return }
        state.mode = .form(.newProduct())
    }

    func duplicateProduct() {
        if state.active == .promotions { return duplicatePromotion() }
        guard requireCatalog("duplicate"), let row = state.table.selectedRow else { return }
        let label = rowLabel(row.id)
        // A new row is not undone by deleting it (products with history stay), so it is not
        // put on the undo stack; archiving takes it back.
        if case .saved = write(.duplicateProduct(id: row.id), description: "copy of \(label)", remember: false) {
            state.message = .init(text: "duplicated \(label) as a draft with empty SKUs — a archives it", isError: false)
        }
    }

    func askToArchive() {
        if state.active == .pricing {
            guard requireWritable(), let row = state.table.selectedRow else { return }
            let label = rowLabel(row.id)
            state.mode = .confirm(Confirmation(
                question: "Archive variant \(label)? It is no longer sold but keeps its history and stock ledger.",
                command: PendingCommand(
                    id: nextPendingID,
                    command: .updateVariant(id: row.id, expectedVersion: row.version, changes: [.status: "archived"])),
                description: "archive of variant \(label)"))
            nextPendingID += 1
            return
        }
        guard requireCatalog("archive"), let row = state.table.selectedRow else { return }
        let label = rowLabel(row.id)
        state.mode = .confirm(Confirmation(
            question: "Archive \(label)? It leaves the shop's channels but keeps its history; set it active again at any time.",
            command: PendingCommand(
                id: nextPendingID,
                command: .updateProduct(id: row.id, expectedVersion: row.version, changes: [.status: ProductStatus.archived.rawValue])),
            description: "archive of \(label)"))
        nextPendingID += 1
    }

    func moveFormFocus(by delta: Int) {
        guard case .form(var form) = state.mode else { return }
        form.focus = (form.focus + delta + form.fields.count) % form.fields.count
        state.mode = .form(form)
    }

    /// Enter: on a long text, hand it to the person's editor; on the last field, save;
    /// elsewhere, go to the next field.
    func formEnter() {
        guard case .form(let form) = state.mode else { return }
        let field = form.fields[form.focus]
        if field.isLongText {
            if state.hasExternalEditor {
                effects.append(.editText(field.editor.text))
            } else {
                state.mode = .textArea(TextArea(field.editor.text), form: form)
            }
        } else if form.focus == form.fields.count - 1 {
            saveForm()
        } else {
            moveFormFocus(by: 1)
        }
    }

    func externalTextEdited(_ text: String?) {
        guard case .form(var form) = state.mode, form.fields[form.focus].isLongText else { return }
        guard let text else {
            state.message = .init(text: "the editor ended without saving: the text is unchanged", isError: false)
            return
        }
        // Editors add a final newline; the stored text does not need it.
        var cleaned = text
        while cleaned.hasSuffix("\n") { cleaned.removeLast() }
        form.fields[form.focus].editor = LineEditor(cleaned)
        state.mode = .form(form)
    }

    /// Keys typed into the focused field; a long text is edited in the external editor only.
    func typeIntoForm(_ key: Key) {
        guard case .form(var form) = state.mode else { return }
        if form.fields[form.focus].isLongText {
            if case .character = key {
                state.message = .init(text: "Enter opens the description for editing", isError: false)
            }
            return
        }
        if form.fields[form.focus].editor.apply(key) {
            form.fields[form.focus].error = nil
            lookUpCustomer(in: &form)
            state.mode = .form(form)
        }
    }

    func saveForm() {
        guard case .form(var form) = state.mode else { return }
        if form.purpose == .bulkReceive { return previewReceipt(form) }
        if case .complaint(let kind, let id, let version) = form.purpose {
            return saveComplaintForm(form, kind: kind, id: id, version: version)
        }
        if form.purpose == .newComplaint { return saveNewComplaint(form) }
        switch form.purpose {
        case .promotion(let original): return savePromotionForm(form, original: original)
        case .generateCodes(let id, let name): return saveGenerateCodes(form, promotionID: id, name: name)
        case .explainPrice(let variantID): return showExplanation(form, variantID: variantID)
        default: break
        }
        guard form.validate(currency: state.overview.currency) else {
            state.mode = .form(form)
            state.message = .init(text: "some fields need fixing — see the messages under them", isError: true)
            return
        }
        guard let command = form.command(locations: state.overview.locations) else {
            if form.fields.contains(where: { $0.error != nil }) {
                state.mode = .form(form)
                state.message = .init(text: "some fields need fixing — see the messages under them", isError: true)
            } else {
                state.mode = .browse
                state.message = .init(text: "nothing changed", isError: false)
            }
            return
        }
        let title = form.fields.first { $0.key == .product(.title) }?.editor.text ?? "product"
        let creates = form.purpose == .createProduct || { if case .createVariant = form.purpose { true } else { false } }()
        let description: String
        switch form.purpose {
        case .createProduct: description = "new product \(title)"
        case .createVariant: description = "new variant"
        case .editVariant: description = "changes to the variant"
        case .editProduct: description = "changes to \(title)"
        case .stock(let action, _): description = "\(action.rawValue) of \(form.title.split(separator: " ").last.map(String.init) ?? "stock")"
        case .reorderSettings: description = form.title.lowercased()
        case .bulkReceive: description = "receipt"
        case .complaint, .newComplaint: description = "complaint"
        case .promotion, .generateCodes, .explainPrice: description = "promotion"
        }
        state.mode = .browse
        switch write(command, description: description, remember: !creates) {
        case .saved:
            if case .createVariant = form.purpose {
                state.message = .init(text: "added the variant — it is in Pricing (2); a there archives it", isError: false)
            } else if form.purpose == .createProduct {
                state.message = .init(
                    text: "created \(title) as a draft — set its status to active to sell it, a archives it", isError: false)
            }
        case .conflict(let current, let version):
            if case .editProduct(let id, _) = form.purpose { form.purpose = .editProduct(id: id, version: version) }
            if case .editVariant(let id, _) = form.purpose { form.purpose = .editVariant(id: id, version: version) }
            if case .reorderSettings(let id, _) = form.purpose {
                form.purpose = .reorderSettings(variantID: id, version: version == 0 ? nil : version)
            }
            state.mode = .form(form)
            let now = current.map { "\($0.key): \($0.value ?? "—")" }.sorted().joined(separator: ", ")
            let what = if case .reorderSettings = form.purpose { "these settings" } else { "this product" }
            state.message = .init(
                text: "someone changed \(what) meanwhile (\(now)) — Ctrl-S saves yours over it, Esc keeps theirs",
                isError: true)
        case .invalid(let error):
            if case .transferStock(let variant, let from, let to, let quantity, let reference, false) = command,
               error.field == "quantity" {
                // Moving more than the ledger shows can be right (stock not yet booked): ask.
                state.mode = .confirm(Confirmation(
                    question: "\(error.message). Move \(quantity) anyway?",
                    command: PendingCommand(id: nextPendingID, command: .transferStock(
                        variantID: variant, from: from, to: to, quantity: quantity, reference: reference, beyondAvailable: true)),
                    description: description))
                nextPendingID += 1
                return
            }
            form.showError(error)
            state.mode = .form(form)
        case .belowFloor, .refused:
            state.mode = .form(form)
        }
    }

    func closeForm() {
        guard case .form(let form) = state.mode else { return }
        if case .complaint(_, let id, _) = form.purpose, !form.isDirty { return reopenComplaint(id) }
        if form.isDirty {
            state.mode = .confirm(Confirmation(
                question: "Discard your changes? (\(form.title))",
                onYes: .discardForm(form), description: "discard"))
        } else {
            state.mode = .browse
        }
    }
}
