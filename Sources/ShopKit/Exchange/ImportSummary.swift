/// How far an import has come: rows read and bytes consumed of the file, for a progress bar.
public struct ImportProgress: Sendable, Hashable {
    public let rowsDone: Int
    public let bytesRead: Int64
    public let totalBytes: Int64

    public init(rowsDone: Int, bytesRead: Int64, totalBytes: Int64) {
        self.rowsDone = rowsDone
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }
}

/// Counts of what an import did (or, in a dry run, would have done).
public struct ImportSummary: Sendable, Hashable {
    public var dryRun = false
    public var rows = 0
    public var productsCreated = 0
    public var productsUpdated = 0
    public var productsUnchanged = 0
    public var variantsCreated = 0
    public var variantsUpdated = 0
    public var variantsUnchanged = 0
    public var stockCounted = 0
    public var stockUnchanged = 0
    public var promotionsCreated = 0
    public var promotionsUpdated = 0
    public var promotionsUnchanged = 0
    public var locationsCreated: [String] = []
    /// Per-row remarks on rows that were imported (what a discount row could not carry).
    public var notes: [ImportReject] = []
    public var rejected = 0
    /// Where the refused rows were written, when there were any.
    public var rejectsFile: String?

    public init() {}

    public var changedAnything: Bool {
        productsCreated + productsUpdated + variantsCreated + variantsUpdated + stockCounted + promotionsCreated
            + promotionsUpdated > 0 || !locationsCreated.isEmpty
    }

    /// The summary as a person reads it at the end of an import.
    public var lines: [String] {
        var lines: [String] = []
        if productsCreated + productsUpdated + productsUnchanged + variantsCreated + variantsUpdated + variantsUnchanged > 0 {
            lines.append("products: \(productsCreated) created, \(productsUpdated) updated, \(productsUnchanged) unchanged")
            lines.append("variants: \(variantsCreated) created, \(variantsUpdated) updated, \(variantsUnchanged) unchanged")
        }
        if stockCounted + stockUnchanged > 0 {
            lines.append("stock: \(stockCounted) counts recorded, \(stockUnchanged) unchanged")
        }
        if promotionsCreated + promotionsUpdated + promotionsUnchanged > 0 {
            lines.append("promotions: \(promotionsCreated) created, \(promotionsUpdated) updated, \(promotionsUnchanged) unchanged")
        }
        if !locationsCreated.isEmpty { lines.append("locations created: " + locationsCreated.joined(separator: ", ")) }
        for note in notes { lines.append("line \(note.line): \(note.reason)") }
        lines.append("rejected: \(rejected) rows" + (rejectsFile.map { " (see \($0))" } ?? ""))
        if !changedAnything { lines.append("nothing changed: the shop already matches the file") }
        if dryRun { lines.append("dry run: nothing was written") }
        return lines
    }
}
