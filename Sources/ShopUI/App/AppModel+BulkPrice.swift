import ShopKit

/// Bulk price changes: a rule typed once (`+10% .99`), a preview of every affected variant,
/// and one transaction (one undo step) when the manager says yes.
extension AppModel {
    /// The most variants one bulk change may touch; beyond it, narrow the filter.
    static let bulkLimit = 5_000

    func beginBulkPrice() {
        guard state.active == .pricing else {
            state.message = .init(text: "bulk price changes are made in Pricing — press 2", isError: false)
            return
        }
        guard requireWritable() else { return }
        state.mode = .bulkPrompt(LineEditor())
    }

    /// Splits "+10% .99" into the change and the ending.
    static func splitRule(_ text: String) -> (change: String, ending: PriceEnding?, endingText: String?) {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count > 1, let last = parts.last, last.hasPrefix(".") || last.lowercased().hasPrefix("x.") else {
            return (text, PriceEnding.none, nil)
        }
        let digits = String(last.drop(while: { $0 != "." }).dropFirst())
        return (parts.dropLast().joined(separator: " "), PriceEnding(rawValue: digits), last)
    }

    func previewBulkPrice(_ text: String) {
        let currency = state.overview.currency
        let (changeText, ending, endingText) = Self.splitRule(text)
        guard let ending else {
            state.message = .init(text: "\(endingText ?? "") is not an ending — use .99, .95, .90 or .00", isError: true)
            return
        }
        let rule: BulkPriceRule
        do {
            rule = BulkPriceRule(change: try BulkPriceRule.parse(changeText, currency: currency), ending: ending)
        } catch {
            state.message = .init(text: error.description, isError: true)
            return
        }
        let items: [VariantPriceItem]
        do {
            items = try bulkTargets()
        } catch {
            state.message = .init(text: "could not read the variants: \(error)", isError: true)
            return
        }
        guard !items.isEmpty else {
            state.mode = .browse
            state.message = .init(text: "no variants to change: mark rows with Space or filter with /", isError: false)
            return
        }
        guard items.count <= Self.bulkLimit else {
            state.message = .init(
                text: "\(items.count) variants is more than \(Self.bulkLimit) at once — narrow the filter", isError: true)
            return
        }
        let floor = (try? MarginFloor(basisPoints: state.overview.marginFloorBasisPoints)) ?? .atCost
        let preview = PriceChangePreview(
            rows: items.map { ($0.id, $0.sku, $0.productTitle, $0.price, $0.cost) }, rule: rule, marginFloor: floor,
            currency: currency)
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [BulkPreviewState.Line] = []
        var skipped = 0
        var changed = 0
        var belowFloor = 0
        var difference = Money.zero(currency)
        for line in preview.lines {
            let item = byID[line.variantID]!
            var note = ""
            var role: StyleRole = .normal
            var newPrice = line.newPrice
            if let refusal = line.errorMessage {
                note = refusal
                role = .dim
            } else if let price = newPrice, let compareAt = item.compareAtPrice, price >= compareAt {
                // The write path would refuse it: a "was" price must stay above the price.
                note = "skipped: compare-at \(compareAt.formatted) would not be above \(price.formatted)"
                role = .dim
                newPrice = nil
            } else if line.unchanged {
                note = "unchanged"
                role = .dim
            } else if line.belowCost {
                note = "! below cost"
                role = .danger
            } else if line.belowFloor {
                note = "~ below the margin floor"
                role = .warning
            }
            if newPrice == nil { skipped += 1 }
            if let price = newPrice, !line.unchanged {
                changed += 1
                difference = difference + (price - line.oldPrice)
                if line.belowFloor || line.belowCost { belowFloor += 1 }
            }
            lines.append(BulkPreviewState.Line(
                variantID: line.variantID, version: item.version, sku: line.sku, title: line.title, oldPrice: line.oldPrice,
                newPrice: newPrice, marginBasisPoints: newPrice == nil ? nil : line.newMarginBasisPoints, note: note, role: role))
        }
        state.mode = .bulkPreview(BulkPreviewState(
            ruleText: text.trimmingWhitespace(), lines: lines, scroll: 0, changedCount: changed, skippedCount: skipped,
            belowFloorCount: belowFloor, totalDifference: difference))
    }

    /// The marked rows, or every row of the current filter when none are marked.
    func bulkTargets() throws -> [VariantPriceItem] {
        let pane = PaneID.pricing
        if !state.allMarked.contains(pane), let marked = state.marks[pane], !marked.isEmpty {
            return try store.priceItems(ids: Array(marked))
        }
        var items: [VariantPriceItem] = []
        var after: SortKey?
        let filter = state.tables[pane]?.filter ?? ""
        while items.count <= Self.bulkLimit {
            let page = try store.pricePage(PageRequest(.after(after), filter: filter, limit: 1_000))
            items += page
            guard let last = page.last, page.count == 1_000 else { break }
            after = last.sortKey
        }
        return items
    }

    func applyBulkPrice(_ preview: BulkPreviewState) {
        let edits = preview.lines.compactMap { line -> VariantEdit? in
            guard let price = line.newPrice, price != line.oldPrice else { return nil }
            return VariantEdit(id: line.variantID, expectedVersion: line.version, changes: [.price: price.decimalText])
        }
        state.mode = .browse
        guard !edits.isEmpty else {
            state.message = .init(text: "nothing to change: every price stays as it is", isError: false)
            return
        }
        let description = "bulk price \(preview.ruleText) on \(edits.count) variant\(edits.count == 1 ? "" : "s")"
        switch write(.updateVariants(edits, overrideMarginFloor: false), description: description) {
        case .saved:
            state.marks[.pricing] = []
            state.allMarked.remove(.pricing)
        case .conflict:
            state.message = .init(
                text: "some of these variants were changed by someone else meanwhile — nothing was changed; b to preview again",
                isError: true)
        case .belowFloor, .invalid, .refused:
            break
        }
    }
}
