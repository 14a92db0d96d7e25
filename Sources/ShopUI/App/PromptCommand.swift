import ShopKit

/// What a file import reads.
public enum ImportKind: String, CaseIterable, Sendable {
    case products, inventory, discounts
}

/// What can be exported from the console: the command line's exports and the reorder list.
public enum ExportTarget: String, CaseIterable, Sendable {
    case products, stock, complaints, prices, audit, reorder
}

/// A command typed after `:` — the same imports and exports as the command line:
/// `import products FILE [--dry-run]`, `import inventory FILE`, `import discounts FILE`,
/// `export products|stock|complaints|prices|audit|reorder FILE`.
public enum PromptCommand: Equatable, Sendable {
    case importFile(ImportKind, path: String, dryRun: Bool)
    case export(ExportTarget, path: String)

    public static let usage = "import products|inventory|discounts FILE [--dry-run] · export "
        + ExportTarget.allCases.map(\.rawValue).joined(separator: "|") + " FILE"

    public static func parse(_ text: String) throws(ValidationError) -> PromptCommand {
        var words = text.split(separator: " ").map(String.init)
        let dryRun = words.contains("--dry-run")
        words.removeAll { $0 == "--dry-run" }
        guard words.count >= 3 else {
            throw ValidationError(field: "command", message: words.isEmpty ? "type a command" : "\"\(text.prefix(30))\" is incomplete",
                                  hint: usage)
        }
        // A file name may hold spaces: everything after the kind is the path.
        let path = words[2...].joined(separator: " ")
        switch words[0].lowercased() {
        case "import":
            guard let kind = ImportKind(rawValue: words[1].lowercased()) else {
                throw ValidationError(field: "command", message: "cannot import \"\(words[1].prefix(16))\"",
                                      hint: "import products, inventory or discounts")
            }
            return .importFile(kind, path: path, dryRun: dryRun)
        case "export":
            guard let target = ExportTarget(rawValue: words[1].lowercased()) else {
                throw ValidationError(field: "command", message: "cannot export \"\(words[1].prefix(16))\"",
                                      hint: "export " + ExportTarget.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard !dryRun else {
                throw ValidationError(field: "command", message: "--dry-run is for imports", hint: "an export writes only the file")
            }
            return .export(target, path: path)
        default:
            throw ValidationError(field: "command", message: "unknown command \"\(words[0].prefix(16))\"", hint: usage)
        }
    }
}

/// How the console imports and exports files: the same code as the command line, so a file
/// imported here is checked, audited and reported exactly as there.
public protocol ShopExchanging: Sendable {
    func importFile(
        _ kind: ImportKind, path: String, dryRun: Bool, progress: @escaping @Sendable (ImportProgress) -> Void
    ) throws -> ImportSummary
    /// Writes the export; returns the number of data rows.
    func exportFile(_ target: ExportTarget, path: String) throws -> Int
}

/// An import or export under way, as the progress box shows it.
public struct ExchangeProgress: Sendable, Hashable {
    public let title: String
    public var rowsDone: Int
    /// Share of the file read, in thousandths.
    public var permille: Int
    public var rowsPerSecond: Int
    public var secondsLeft: Int?

    public init(title: String, rowsDone: Int = 0, permille: Int = 0, rowsPerSecond: Int = 0, secondsLeft: Int? = nil) {
        self.title = title
        self.rowsDone = rowsDone
        self.permille = permille
        self.rowsPerSecond = rowsPerSecond
        self.secondsLeft = secondsLeft
    }
}
