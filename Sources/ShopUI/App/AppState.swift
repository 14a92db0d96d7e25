import ShopKit

/// What the console shows, all in one value. Only `AppModel` changes it; views only read it.
public struct AppState: Sendable {
    public enum Mode: Sendable, Equatable {
        case browse
        case filter
        case detail(DetailDocument, scroll: Int)
        case help(scroll: Int)
        /// Editing one cell in place.
        case edit(CellEdit)
        /// A yes/no question that defaults to No.
        case confirm(Confirmation)
        /// Typing a bulk price rule for the marked rows (or the filter).
        case bulkPrompt(LineEditor)
        /// Typing a date to see the selected SKU's stock on that day.
        case datePrompt(LineEditor)
        /// Typing the file a report is written to; Esc returns to the report.
        case exportPrompt(LineEditor, report: DetailDocument)
        /// Typing a command after `:` (import, export).
        case commandPrompt(LineEditor)
        /// An import or export running in the background; its summary follows.
        case working(ExchangeProgress)
        /// The preview of a bulk change, applied only on `y`.
        case bulkPreview(BulkPreviewState)
        /// The preview of a delivery received for many SKUs, booked only on `y`.
        case receiptPreview(ReceiptPreviewState)
        /// A whole record in a form.
        case form(FormState)
        /// Long text of the form's focused field in the built-in editor.
        case textArea(TextArea, form: FormState)
        /// A promotion's codes, read in windows like a list.
        case codes(PromotionCodesState)
        /// Variants a promotion would sell under the margin floor; saved anyway only on `y`.
        case marginGuard(MarginGuardState)
    }

    public struct Message: Sendable, Equatable {
        public let text: String
        public let isError: Bool
    }

    public var width: Int
    public var height: Int
    public var active: PaneID = .catalog
    public var tables: [PaneID: TableWindow] = [:]
    public var mode: Mode = .browse
    public var message: Message?
    public var overview: ShopOverview
    public var databaseLabel: String
    public var isReadOnly: Bool
    public var now: Timestamp
    public var shouldQuit = false
    /// Marked rows per pane; bulk actions apply to them, or to the filter when none are marked.
    public var marks: [PaneID: Set<Int64>] = [:]
    /// Panes where `*` marked every row of the current filter.
    public var allMarked: Set<PaneID> = []
    /// The editable column ←/→ selected per pane (an index into the pane's editable columns).
    public var focusedColumn: [PaneID: Int] = [:]
    /// Changes made in this session, newest last: what `u` reverts.
    public var undoStack: [UndoEntry] = []
    /// Whether $VISUAL/$EDITOR is set; without one, long text opens in the built-in editor.
    public var hasExternalEditor = false
    /// The console's user: who "Mine" and "assign to me" mean.
    public var userName = ""
    /// Canned replies a note can start from, by name (from the config, or the built-in ones).
    public var replyTemplates: [ReplyTemplate] = ReplyTemplate.builtIn
    /// Counts of the complaint queues for the pane header; nil until counted.
    public var complaintQueueCounts: [ComplaintQueue: Int]?
    /// Filter text typed but not run yet: one character of free text, or a key without its value,
    /// would match too much of a large list, so it waits for the next key (or Enter).
    public var filterDraft: String?
    /// Complaints whose personal data was revealed in this session.
    public var revealedComplaints: Set<Int64> = []

    public init(width: Int, height: Int, overview: ShopOverview, databaseLabel: String, isReadOnly: Bool, now: Timestamp) {
        self.width = width
        self.height = height
        self.overview = overview
        self.databaseLabel = databaseLabel
        self.isReadOnly = isReadOnly
        self.now = now
        for pane in PaneID.allCases { tables[pane] = TableWindow() }
    }

    public var table: TableWindow { tables[active] ?? TableWindow() }

    /// The smallest terminal the console draws into; below it, it says so instead.
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Rows available to a table: all but the tab bar, the header and the status line (and the
    /// queue bar of the complaint pane).
    public var tableHeight: Int { max(1, height - 3 - (active == .complaints ? 1 : 0)) }

    /// Rows available to a detail or help view: all but the tab bar, title and status line.
    public var pageHeight: Int { max(1, height - 3) }

    var keyContext: KeyContext {
        switch mode {
        case .browse, .help: .table
        case .filter: .filter
        case .detail, .codes: .detail
        case .marginGuard: .preview
        case .edit, .bulkPrompt, .datePrompt, .exportPrompt, .commandPrompt: .edit
        case .working: .working
        case .confirm: .confirm
        case .bulkPreview, .receiptPreview: .preview
        case .form: .form
        case .textArea: .textArea
        }
    }

    public var markedCount: Int { marks[active]?.count ?? 0 }
}

/// An inline edit in progress.
public struct CellEdit: Sendable, Equatable {
    public let pane: PaneID
    public let rowID: Int64
    /// The version the edit will be saved against; after a conflict, the newer one.
    public var version: Int64
    public let column: Int
    public let label: String
    public var editor: LineEditor

    public init(pane: PaneID, rowID: Int64, version: Int64, column: Int, label: String, editor: LineEditor) {
        self.pane = pane
        self.rowID = rowID
        self.version = version
        self.column = column
        self.label = label
        self.editor = editor
    }
}

/// A question waiting for a yes: an override of the margin floor, archiving, discarding a form.
public struct Confirmation: Sendable, Equatable {
    public enum OnYes: Sendable, Equatable {
        /// Send this write.
        case write(PendingCommand)
        /// Close the form and lose its changes (No returns to it).
        case discardForm(FormState)
    }

    public let question: String
    public let onYes: OnYes
    public let description: String

    public init(question: String, command: PendingCommand, description: String) {
        self.init(question: question, onYes: .write(command), description: description)
    }

    public init(question: String, onYes: OnYes, description: String) {
        self.question = question
        self.onYes = onYes
        self.description = description
    }
}

/// A write command held for later; equal when it is the same request.
public struct PendingCommand: Sendable, Equatable {
    public let id: Int
    public let command: WriteCommand

    public init(id: Int, command: WriteCommand) {
        self.id = id
        self.command = command
    }

    public static func == (lhs: PendingCommand, rhs: PendingCommand) -> Bool { lhs.id == rhs.id }
}

/// One change of this session that `u` can revert.
public struct UndoEntry: Sendable, Equatable {
    public let batchID: Int64
    public let description: String
}

/// The preview of a bulk price change: every affected row, old → new, and the totals.
public struct BulkPreviewState: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let variantID: Int64
        public let version: Int64
        public let sku: String
        public let title: String
        public let oldPrice: Money
        public let newPrice: Money?
        public let marginBasisPoints: Int64?
        public let note: String
        public let role: StyleRole
    }

    public let ruleText: String
    public let lines: [Line]
    public var scroll: Int
    public let changedCount: Int
    public let skippedCount: Int
    public let belowFloorCount: Int
    public let totalDifference: Money
}

/// A delivery for many SKUs, as it will be booked: one line per SKU with its level at the
/// location before and after. Lines that could not be read keep the whole receipt from booking.
public struct ReceiptPreviewState: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let variantID: Int64
        public let sku: String
        public let title: String
        public let quantity: Int64
        public let before: Int64
    }

    public let locationID: Int64
    public let locationCode: String
    public let reference: String
    public let lines: [Line]
    /// "line 3: …" for every line that cannot be booked (unreadable, unknown SKU).
    public let problems: [String]
    /// The form, to go back to when the preview is cancelled or refused.
    public let form: FormState
    public var scroll: Int = 0

    public var totalUnits: Int64 { lines.reduce(0) { $0 + $1.quantity } }
    public var rowCount: Int { lines.count + problems.count }
}

/// The codes of one promotion: a window over them, fetched by keyset as the view scrolls.
public struct PromotionCodesState: Sendable, Equatable {
    public let promotionID: Int64
    public let name: String
    public var window: TableWindow

    public init(promotionID: Int64, name: String, window: TableWindow = TableWindow()) {
        self.promotionID = promotionID
        self.name = name
        self.window = window
    }
}

/// A promotion refused by the margin guard: every variant it would sell under the floor, with
/// the promotions responsible. `y` sends the same change with the override (audited); No goes
/// back to the form with the typed values.
public struct MarginGuardState: Sendable, Equatable {
    public let name: String
    public let violations: [MarginGuardViolation]
    public var scroll: Int = 0
    /// The same write with the override flag set.
    public let override: PendingCommand
    public let description: String
    /// The form the save came from, to return to on No.
    public var form: FormState?
}

/// A canned reply: a name to pick it by and the text a note starts with.
public struct ReplyTemplate: Sendable, Equatable {
    public let name: String
    public let text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    public static let builtIn: [ReplyTemplate] = [
        ReplyTemplate(name: "apology", text: "We are sorry about your experience and are looking into it right away."),
        ReplyTemplate(name: "photos", text: "Could you send us a photo of the item and its packaging? That lets us settle this quickly."),
        ReplyTemplate(name: "refund", text: "We have refunded the amount to your original payment method; it arrives within 5 working days."),
        ReplyTemplate(name: "replacement", text: "A replacement is on its way; you will receive the tracking number by email."),
        ReplyTemplate(name: "return", text: "Please send the item back with the enclosed label; we settle as soon as it arrives."),
    ]
}
