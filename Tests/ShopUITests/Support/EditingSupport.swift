import ShopKit
import ShopUI
import XCTest

extension Fixtures {
    /// Four variants with healthy margins (all well above the default 30% floor), in SKU order.
    static var bulkPrices: [VariantPriceItem] {
        [
            price(id: 21, sku: "BOWL-ASH", title: "Ash Salad Bowl", price: 2000, cost: 800),
            price(id: 22, sku: "BOWL-OAK", title: "Oak Salad Bowl", price: 3000, cost: 1000),
            price(id: 23, sku: "MUG-ENAMEL", title: "Blue Enamel Mug", price: 1200, cost: 400),
            price(id: 24, sku: "TRAY-TEAK", title: "Teak Serving Tray", price: 4500, cost: 1500),
        ]
    }

    static func price(id: Int64, sku: String, title: String, price: Int64, cost: Int64?) -> VariantPriceItem {
        VariantPriceItem(
            id: id, sortKey: SortKey([.text(sku), .integer(id)]), sku: sku, productTitle: title, optionSummary: "Default",
            price: euros(price), compareAtPrice: nil, cost: cost.map(euros))
    }
}

extension Console {
    /// A console that can write, on a shop that keeps what it is told, showing Pricing.
    static func pricing(_ shop: FakeShop = Fixtures.demoShop(), width: Int = 80, height: Int = 24) -> Console {
        let console = Console(shop: shop, width: width, height: height, writer: shop)
        console.press(.character("2"))
        return console
    }

    /// The text in the open in-place editor, or nil when none is open.
    var editorText: String? {
        if case .edit(let edit) = state.mode { return edit.editor.text }
        return nil
    }

    /// The text in the open bulk prompt, or nil when none is open.
    var bulkPromptText: String? {
        if case .bulkPrompt(let editor) = state.mode { return editor.text }
        return nil
    }

    var isConfirming: Bool {
        if case .confirm = state.mode { return true }
        return false
    }

    var isPreviewing: Bool {
        if case .bulkPreview = state.mode { return true }
        return false
    }

    var isBrowsing: Bool {
        if case .browse = state.mode { return true }
        return false
    }

    /// Opens the editor on the selected row's chosen column, clears it and types `text`.
    func editSelected(typing text: String) {
        press(.character("e"), .control("u"))
        type(text)
    }
}

extension CellGrid {
    /// The screen row (y) whose text contains `needle`, if any.
    func row(containing needle: String) -> Int? { (0..<height).first { line($0).contains(needle) } }

    /// Whether the first column of row `y` holds the mark `*`.
    func isMarked(_ y: Int) -> Bool { self[0, y].text == "*" }

    /// How many screen rows carry the mark `*` in the gutter.
    var markedRowCount: Int { (0..<height).filter(isMarked).count }
}

extension WriteCommand {
    /// The edits of a bulk command, and whether it overrides the floor; nil for any other command.
    var bulkEdits: (edits: [VariantEdit], override: Bool)? {
        if case .updateVariants(let edits, let override) = self { return (edits, override) }
        return nil
    }

    var undoneBatch: Int64? {
        if case .undo(let batchID) = self { return batchID }
        return nil
    }

    /// The single variant edit of `.updateVariant`: id, version and typed price.
    var variantEdit: (id: Int64, version: Int64, changes: [VariantField: String])? {
        if case .updateVariant(let id, let version, let changes) = self { return (id, version, changes) }
        return nil
    }
}
