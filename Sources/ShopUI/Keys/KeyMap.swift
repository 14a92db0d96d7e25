/// The one table that maps keys to actions. Dispatch reads it, and so does the help screen,
/// so the help can never disagree with what the keys do.
public struct KeyMap: Sendable {
    public let bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    public static let standard = KeyMap(bindings: [
        KeyBinding([.character("q")], .quit, .global, "quit (from a list)"),
        KeyBinding([.control("c")], .quit, .global, "quit at once"),
        KeyBinding([.character("?")], .toggleHelp, .global, "show or hide this help"),
        KeyBinding([.control("l")], .redraw, .global, "redraw the screen"),
        KeyBinding([.control("z")], .suspend, .global, "suspend (fg resumes)"),
        KeyBinding([.character("1")], .selectPane(.catalog), .table, "Catalog"),
        KeyBinding([.character("2")], .selectPane(.pricing), .table, "Pricing"),
        KeyBinding([.character("3")], .selectPane(.promotions), .table, "Promotions"),
        KeyBinding([.character("4")], .selectPane(.stock), .table, "Stock"),
        KeyBinding([.character("5")], .selectPane(.complaints), .table, "Complaints"),
        KeyBinding([.tab], .nextPane, .table, "next pane"),
        KeyBinding([.backTab], .previousPane, .table, "previous pane"),
        KeyBinding([.character("j"), .down], .moveDown, .table, "next row"),
        KeyBinding([.character("k"), .up], .moveUp, .table, "previous row"),
        KeyBinding([.pageDown, .control("f")], .pageDown, .table, "page down"),
        KeyBinding([.pageUp, .control("b")], .pageUp, .table, "page up"),
        KeyBinding([.control("d")], .halfPageDown, .table, "half a page down"),
        KeyBinding([.control("u")], .halfPageUp, .table, "half a page up"),
        KeyBinding([.character("g"), .home], .top, .table, "first row"),
        KeyBinding([.character("G"), .end], .bottom, .table, "last row"),
        KeyBinding([.character("/")], .startFilter, .table, "filter as you type"),
        KeyBinding([.enter], .openDetail, .table, "open details (or edit chosen column)"),
        KeyBinding([.right, .character("l")], .focusNextColumn, .table, "choose the next editable column"),
        KeyBinding([.left, .character("h")], .focusPreviousColumn, .table, "choose the previous editable column"),
        KeyBinding([.character("e")], .edit, .table, "edit the chosen column in place"),
        KeyBinding([.character(" ")], .toggleMark, .table, "mark or unmark the row"),
        KeyBinding([.character("*")], .markAll, .table, "mark all rows of the filter / unmark"),
        KeyBinding([.character("b")], .bulkChange, .table, "bulk change: prices or a delivery"),
        KeyBinding([.character("s")], .cycleSort, .table, "next sort order (margin, attention)"),
        KeyBinding([.character("u")], .undo, .table, "undo your last change"),
        KeyBinding([.character("r")], .stockAction(.receive), .table, "receive stock (Stock)"),
        KeyBinding([.character("A")], .stockAction(.adjust), .table, "adjust stock ± with a reason (Stock)"),
        KeyBinding([.character("T")], .stockAction(.transfer), .table, "transfer between locations (Stock)"),
        KeyBinding([.character("C")], .stockAction(.count), .table, "count: stocktake (Stock)"),
        KeyBinding([.character("L")], .levelOnDate, .table, "stock on a past date (Stock)"),
        KeyBinding([.character("V")], .nextStockView, .table, "stock views: out, low, over, oversold"),
        KeyBinding([.character("S")], .reorderSettings, .table, "reorder settings of the SKU (Stock)"),
        KeyBinding([.character("R")], .reorderList, .table, "reorder list, by vendor (Stock)"),
        KeyBinding([.character("E")], .openForm, .table, "edit the product or variant in a form"),
        KeyBinding([.character("n")], .newProduct, .table, "new product (Catalog)"),
        KeyBinding([.character("v")], .newVariant, .table, "new variant of the product (Catalog)"),
        KeyBinding([.character("c")], .duplicate, .table, "duplicate the product as a draft"),
        KeyBinding([.character("a")], .archive, .table, "archive product or variant (asks)"),
        KeyBinding([.escape], .clearFilter, .table, "clear the filter"),
        KeyBinding([.enter], .acceptFilter, .filter, "keep the filter, back to the list"),
        KeyBinding([.escape], .clearFilter, .filter, "clear the filter"),
        KeyBinding([.backspace], .startFilter, .filter, "delete a character (Ctrl-W: all)"),
        KeyBinding([.character("j"), .down], .moveDown, .detail, "scroll down"),
        KeyBinding([.character("k"), .up], .moveUp, .detail, "scroll up"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .detail, "page down"),
        KeyBinding([.pageUp], .pageUp, .detail, "page up"),
        KeyBinding([.escape, .character("q")], .back, .detail, "back to the list"),
        KeyBinding([.character("w")], .exportDocument, .detail, "write a report as CSV (reorder list)"),
        KeyBinding([.tab, .down], .formNextField, .form, "next field"),
        KeyBinding([.backTab, .up], .formPreviousField, .form, "previous field"),
        KeyBinding([.enter], .formEnter, .form, "next field; saves on the last"),
        KeyBinding([.control("s")], .formSave, .form, "save"),
        KeyBinding([.escape], .formClose, .form, "close (asks if changed)"),
        KeyBinding([.enter], .commitEdit, .edit, "save"),
        KeyBinding([.control("s")], .keepText, .textArea, "keep the text, back to the form"),
        KeyBinding([.escape], .dropText, .textArea, "leave the text as it was"),
        KeyBinding([.escape], .cancelEdit, .edit, "cancel, nothing is saved"),
        KeyBinding([.character("y")], .confirmYes, .confirm, "yes"),
        KeyBinding([.character("n"), .escape, .enter], .confirmNo, .confirm, "no (the default)"),
        KeyBinding([.character("y")], .confirmYes, .preview, "apply the change"),
        KeyBinding([.character("n"), .escape], .confirmNo, .preview, "cancel, nothing is changed"),
        KeyBinding([.character("j"), .down], .moveDown, .preview, "scroll down"),
        KeyBinding([.character("k"), .up], .moveUp, .preview, "scroll up"),
        KeyBinding([.pageDown], .pageDown, .preview, "page down"),
        KeyBinding([.pageUp], .pageUp, .preview, "page up"),
    ])

    /// The action for a key in a context; context bindings win over global ones.
    public func action(for key: Key, in context: KeyContext) -> Action? {
        if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
            return binding.action
        }
        return bindings.first(where: { $0.context == .global && $0.keys.contains(key) })?.action
    }
}
