import ShopKit

/// What presentation needs besides the rows: shop facts and the current time.
public struct PresentationContext: Sendable {
    public let overview: ShopOverview
    public let now: Timestamp
    /// Complaints whose customer's personal data the person chose to see (each reveal is audited).
    public var revealedComplaints: Set<Int64> = []

    public init(overview: ShopOverview, now: Timestamp, revealedComplaints: Set<Int64> = []) {
        self.overview = overview
        self.now = now
        self.revealedComplaints = revealedComplaints
    }
}

/// A read-only document shown by Enter: a title and lines of styled spans.
/// Reports a detail view can write to a file.
public enum ReportExport: Sendable, Equatable {
    case reorderList
    /// Every code of a promotion (the codes view shows a window of them).
    case promotionCodes(promotionID: Int64, name: String)
}

/// The record a detail view shows, when actions can be taken on it from there.
public enum DetailRecord: Sendable, Equatable {
    case complaint(id: Int64, version: Int64)
}

public struct DetailDocument: Sendable, Equatable {
    public struct Span: Sendable, Equatable {
        public let text: SafeText
        public let role: StyleRole
        public init(_ text: SafeText, _ role: StyleRole = .normal) {
            self.text = text
            self.role = role
        }
    }

    public let title: SafeText
    public var lines: [[Span]]
    /// What `w` writes for this document, if it is a report that can be exported.
    public var export: ReportExport?
    /// The record shown, for the keys that act on it.
    public var record: DetailRecord?

    public init(title: SafeText, lines: [[Span]] = [], export: ReportExport? = nil) {
        self.title = title
        self.lines = lines
        self.export = export
    }

    mutating func heading(_ text: String) {
        if !lines.isEmpty { lines.append([]) }
        lines.append([Span(SafeText(text), .header)])
    }

    /// A label and an untrusted value.
    mutating func field(_ label: String, _ value: String, _ role: StyleRole = .normal) {
        let padded = label.count < 16 ? label + String(repeating: " ", count: 16 - label.count) : label + " "
        lines.append([Span(SafeText(padded), .dim), Span(SafeText(value), role)])
    }

    /// Multi-line untrusted text: split into lines first, then each line is sanitised.
    mutating func paragraph(_ text: String) {
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lines.append([Span(SafeText(String(line)))])
        }
    }

    mutating func line(_ spans: [Span]) { lines.append(spans) }
}

/// A column a person can edit in place, and the write command an edit becomes.
public struct EditableColumn: Sendable {
    public let column: Int
    /// What the status line calls the field ("price", "title").
    public let label: String
    public let command: @Sendable (_ row: TableRow, _ text: String) -> WriteCommand

    public init(column: Int, label: String, command: @escaping @Sendable (TableRow, String) -> WriteCommand) {
        self.column = column
        self.label = label
        self.command = command
    }
}

extension EditableColumn {
    /// A product field edited in place.
    static func product(_ column: Int, _ label: String, _ field: ProductField) -> EditableColumn {
        EditableColumn(column: column, label: label) { row, text in
            .updateProduct(id: row.id, expectedVersion: row.version, changes: [field: text])
        }
    }

    /// A variant field edited in place.
    static func variant(_ column: Int, _ label: String, _ field: VariantField) -> EditableColumn {
        EditableColumn(column: column, label: label) { row, text in
            .updateVariant(id: row.id, expectedVersion: row.version, changes: [field: text])
        }
    }
}

/// One pane: its columns, how it reads a window of rows, counts, and opens a detail.
public struct PaneDefinition: Sendable {
    public let id: PaneID
    public let columns: @Sendable (ShopOverview) -> [Column]
    /// Columns editable in place, in the order ←/→ visits them.
    public var editable: [EditableColumn] = []
    /// Sort orders `s` cycles through: the store's name for each ("" = default) and its label.
    public var sortOrders: [(name: String, label: String)] = []
    public let rows: @Sendable (any ShopReading, PageRequest, PresentationContext) throws -> [TableRow]
    public let count: @Sendable (any ShopReading, String) throws -> Int
    public let detail: @Sendable (any ShopReading, Int64, PresentationContext) throws -> DetailDocument?
    /// Shown when the shop has no rows at all: how to get some.
    public let emptyHint: String

    public init(
        id: PaneID, columns: @escaping @Sendable (ShopOverview) -> [Column],
        rows: @escaping @Sendable (any ShopReading, PageRequest, PresentationContext) throws -> [TableRow],
        count: @escaping @Sendable (any ShopReading, String) throws -> Int,
        detail: @escaping @Sendable (any ShopReading, Int64, PresentationContext) throws -> DetailDocument?,
        emptyHint: String, editable: [EditableColumn] = [], sortOrders: [(name: String, label: String)] = []
    ) {
        self.sortOrders = sortOrders
        self.id = id
        self.columns = columns
        self.rows = rows
        self.count = count
        self.detail = detail
        self.emptyHint = emptyHint
        self.editable = editable
    }

    public static func definition(for pane: PaneID) -> PaneDefinition {
        switch pane {
        case .catalog: CatalogPane.definition
        case .pricing: PricingPane.definition
        case .promotions: PromotionsPane.definition
        case .stock: StockPane.definition
        case .complaints: ComplaintsPane.definition
        }
    }
}

/// Right-aligned or plain number text shared by the panes.
enum Format {
    static func quantity(_ value: Int64) -> String {
        let text = String(value.magnitude)
        var grouped = ""
        for (index, character) in text.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + String(grouped.reversed())
    }

    /// "in 3h", "in 2d", "5h ago" — how far a moment is from now, in the largest whole unit.
    static func relative(_ moment: Timestamp, now: Timestamp) -> String {
        let seconds = moment - now
        return seconds >= 0 ? "in " + span(seconds) : span(-seconds) + " ago"
    }

    /// A duration in its largest whole unit: "45m", "5h", "3d".
    static func span(_ seconds: Int64) -> String {
        let magnitude = seconds.magnitude
        if magnitude < 3600 { return "\(max(1, magnitude / 60))m" }
        if magnitude < 86_400 * 2 { return "\(magnitude / 3600)h" }
        return "\(magnitude / 86_400)d"
    }
}
