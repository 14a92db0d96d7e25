import ShopKit

/// What the console shows, all in one value. Only `AppModel` changes it; views only read it.
public struct AppState: Sendable {
    public enum Mode: Sendable, Equatable {
        case browse
        case filter
        case detail(DetailDocument, scroll: Int)
        case help(scroll: Int)
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

    /// Rows available to a table: all but the tab bar, the header and the status line.
    public var tableHeight: Int { max(1, height - 3) }

    /// Rows available to a detail or help view: all but the tab bar, title and status line.
    public var pageHeight: Int { max(1, height - 3) }

    var keyContext: KeyContext {
        switch mode {
        case .browse, .help: .table
        case .filter: .filter
        case .detail: .detail
        }
    }
}
