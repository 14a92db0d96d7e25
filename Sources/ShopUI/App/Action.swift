import ShopKit

/// Everything that can change the console's state. Keys become actions through the key map;
/// background work (counts, another process's changes) reports back as actions too.
public enum Action: Hashable, Sendable {
    case quit
    case selectPane(PaneID)
    case nextPane, previousPane
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    case startFilter, acceptFilter, clearFilter
    case openDetail
    case back
    case toggleHelp
    case redraw
    case suspend

    // Editing.
    case focusNextColumn, focusPreviousColumn
    case edit
    case commitEdit, cancelEdit
    case toggleMark, markAll
    case undo
    /// Bulk change of the pane: prices (Pricing), a delivery (Stock).
    case bulkChange
    case cycleSort
    case levelOnDate
    case confirmYes, confirmNo

    // Records.
    case openForm, newProduct, newVariant, duplicate, archive
    case stockAction(StockAction)
    /// The pane's next view: stock views, complaint queues.
    case nextView
    case reorderSettings
    /// The pane's report: the reorder list (Stock), the complaint summary (Complaints).
    case report
    /// Write the open report (the reorder list) to a CSV file.
    case exportDocument
    case formNextField, formPreviousField, formEnter, formSave, formClose
    case keepText, dropText
    /// The text came back from $VISUAL/$EDITOR (nil: the editor failed or was not saved).
    case externalTextEdited(String?)

    // Promotions: pause or resume, end now, their codes (and more codes), the promotions they
    // meet, their usage; the price of a variant explained step by step.
    case pauseResume, endNow, promotionCodes, generateCodes, overlaps, usageReport, explainPrice

    // Complaints, from their detail view.
    case assignToMe, complaintForm(ComplaintFormKind), revealPersonalData

    /// `:` — a command line for imports and exports.
    case startCommand

    // Not bound to keys: reported by the runtime.
    case resized(width: Int, height: Int)
    case dataChanged
    /// The pane's filter has stayed as it is for a moment: time to count it.
    case countDue(pane: PaneID, filter: String)
    case countLoaded(pane: PaneID, filter: String, count: Int)
    case complaintQueuesCounted([ComplaintQueue: Int])
    case exchangeProgress(ExchangeProgress)
    /// An import or export ended: its summary (or what went wrong) to show.
    case exchangeFinished(title: String, lines: [String], isError: Bool)
    case tick
}

/// Where a binding applies: everywhere, or only in one mode.
public enum KeyContext: String, Sendable, CaseIterable {
    case global = "Everywhere"
    case table = "Lists"
    case filter = "Filter (after /)"
    case detail = "Detail view"
    case edit = "Editing a field"
    case confirm = "Questions"
    case preview = "Previews (bulk change, margin guard)"
    case form = "Forms"
    case textArea = "Long text"
    case working = "While importing"
}

public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: Action
    public let context: KeyContext
    public let help: String

    public init(_ keys: [Key], _ action: Action, _ context: KeyContext, _ help: String) {
        self.keys = keys
        self.action = action
        self.context = context
        self.help = help
    }
}
