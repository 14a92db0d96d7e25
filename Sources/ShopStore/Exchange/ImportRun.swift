import Foundation
import GRDB
import ShopKit

/// How an import runs: the layout (detected when nil), a dry run that rolls everything back,
/// and an optional commit every `batchSize` rows instead of one transaction for the whole file.
public struct ImportOptions: Sendable {
    public var format: ProductFileFormat?
    public var dryRun: Bool
    public var batchSize: Int?
    /// Where refused rows go; by default `FILE.rejects.csv` beside the input.
    public var rejectsURL: URL?

    public init(format: ProductFileFormat? = nil, dryRun: Bool = false, batchSize: Int? = nil, rejectsURL: URL? = nil) {
        self.format = format
        self.dryRun = dryRun
        self.batchSize = batchSize
        self.rejectsURL = rejectsURL
    }
}

/// Receives progress while an import runs (on the importing thread, every few hundred rows).
public typealias ImportProgressHandler = (ImportProgress) -> Void

/// One import of one file: streams rows through a mapper, applies each record in a savepoint of
/// the import's transaction (a refused record rolls back alone and is written to the rejects
/// file with its line and reason), audits everything in one batch whose reason is the file name,
/// and commits at the end — or rolls back in a dry run, or when nothing changed.
struct ImportRun<Mapper: RowMapper> {
    let database: ShopDatabase
    let url: URL
    let options: ImportOptions
    let command: String
    let progress: ImportProgressHandler?
    let apply: (Database, Mapper.Record, AuditBatch, inout ImportSummary) throws -> [ImportReject]

    static var progressEvery: Int { 250 }

    func run(reader: CSVFileReader, mapper initial: Mapper) throws -> ImportSummary {
        if database.isReadOnly { throw WriteError.readOnly("the database file is read-only") }
        var mapper = initial
        var summary = ImportSummary()
        summary.dryRun = options.dryRun
        let rejectsURL = options.rejectsURL ?? URL(fileURLWithPath: url.path + ".rejects.csv")
        var rejects: CSVFileWriter?
        var pendingRows: [Int: [String]] = [:]
        let reason = url.lastPathComponent
        let context = { WriteContext(now: database.clock(), actor: database.actor, currency: database.currency, reason: reason) }
        // A dry run keeps everything in one transaction: later rows may need earlier ones.
        let batchSize = options.dryRun ? nil : options.batchSize.flatMap { $0 > 0 ? $0 : nil }

        func reject(_ items: [ImportReject]) throws {
            for item in items {
                if rejects == nil {
                    rejects = try CSVFileWriter(url: rejectsURL, header: ["line", "reason"] + reader.header)
                }
                let cells = pendingRows[item.line] ?? []
                try rejects?.write([.integer(Int64(item.line)), .text(item.reason)] + cells.map { .text($0) })
                summary.rejected += 1
            }
        }

        try database.writer.writeWithoutTransaction { db in
            var batch = AuditBatch(context: context(), command: command)
            var rowsInTransaction = 0
            func begin() throws {
                try db.beginTransaction()
                batch = AuditBatch(context: context(), command: command)
                try batch.open(db)
                rowsInTransaction = 0
            }
            /// Commits what changed; a transaction that changed nothing (or a dry run) is rolled
            /// back, so an import that matches the shop leaves not even an empty audit batch.
            func end() throws {
                let changes = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE batch_id = ?", arguments: [batch.id]) ?? 0
                if options.dryRun || changes == 0 { try db.rollback() } else { try db.commit() }
            }
            func handle(_ mapped: MappedRows<Mapper.Record>) throws {
                try reject(mapped.rejects)
                for record in mapped.records {
                    var found: [ImportReject] = []
                    do {
                        var local = summary
                        try db.inSavepoint {
                            found = try apply(db, record, batch, &local)
                            return .commit
                        }
                        summary = local
                    } catch {
                        let reason = ShopDatabase.importFailure(error)
                        found = record.lines.map { ImportReject(line: $0, reason: reason) }
                    }
                    try reject(found)
                    for line in record.lines { pendingRows[line] = nil }
                }
                for item in mapped.rejects { pendingRows[item.line] = nil }
            }
            try begin()
            do {
                while let row = try reader.next() {
                    summary.rows += 1
                    if !ColumnIndex.isBlank(row) { pendingRows[row.line] = row.cells }
                    try handle(mapper.add(row))
                    rowsInTransaction += 1
                    if let batchSize, rowsInTransaction >= batchSize {
                        try end()
                        try begin()
                    }
                    if summary.rows % Self.progressEvery == 0 {
                        progress?(ImportProgress(rowsDone: summary.rows, bytesRead: reader.bytesRead, totalBytes: reader.totalBytes))
                    }
                }
                try handle(mapper.finish())
                try end()
            } catch {
                if db.isInsideTransaction { try? db.rollback() }
                throw error
            }
        }
        progress?(ImportProgress(rowsDone: summary.rows, bytesRead: reader.totalBytes, totalBytes: reader.totalBytes))
        if let rejects {
            try rejects.finish()
            summary.rejectsFile = rejectsURL.path
        } else if FileManager.default.fileExists(atPath: rejectsURL.path) {
            // A rejects file from an earlier run of this file would now describe rows that are fine.
            try? FileManager.default.removeItem(at: rejectsURL)
        }
        return summary
    }
}

/// The imports a person or the console can start: each reads one file and returns a summary.
extension ShopDatabase {
    public func importProducts(
        from url: URL, options: ImportOptions = ImportOptions(), progress: ImportProgressHandler? = nil
    ) throws -> ImportSummary {
        let reader = try CSVFileReader(url: url)
        let columns = ColumnIndex(header: reader.header)
        let format: ProductFileFormat
        do {
            if let chosen = options.format { try chosen.check(columns); format = chosen } else { format = try ProductFileFormat.detect(columns) }
        } catch { throw error }
        let apply: (Database, ImportedProduct, AuditBatch, inout ImportSummary) throws -> [ImportReject] = { db, product, batch, summary in
            let outcome = try self.importProduct(db, product, batch: batch)
            switch outcome.product {
            case .created: summary.productsCreated += 1
            case .updated: summary.productsUpdated += 1
            case .unchanged: if product.fields != nil { summary.productsUnchanged += 1 }
            }
            summary.variantsCreated += outcome.variantsCreated
            summary.variantsUpdated += outcome.variantsUpdated
            summary.variantsUnchanged += outcome.variantsUnchanged
            summary.stockCounted += outcome.stockCounted
            summary.stockUnchanged += outcome.stockUnchanged
            summary.locationsCreated += outcome.locationsCreated
            return outcome.rejects
        }
        switch format {
        case .shopify:
            return try ImportRun(database: self, url: url, options: options, command: "import products", progress: progress, apply: apply)
                .run(reader: reader, mapper: ShopifyProductMapper(columns: columns, currency: currency))
        case .woocommerce:
            return try ImportRun(database: self, url: url, options: options, command: "import products", progress: progress, apply: apply)
                .run(reader: reader, mapper: WooCommerceProductMapper(columns: columns, currency: currency))
        }
    }

    public func importDiscounts(
        from url: URL, options: ImportOptions = ImportOptions(), progress: ImportProgressHandler? = nil
    ) throws -> ImportSummary {
        let reader = try CSVFileReader(url: url)
        let mapper = try DiscountFileMapper(columns: ColumnIndex(header: reader.header), currency: currency)
        return try ImportRun(
            database: self, url: url, options: options, command: "import discounts", progress: progress,
            apply: { db, imported, batch, summary in
                let outcome = try self.importPromotion(db, imported, batch: batch).outcome
                summary.notes += imported.notes.map { ImportReject(line: imported.line, reason: "\(imported.promotion.name): \($0)") }
                switch outcome {
                case .created:
                    summary.promotionsCreated += 1
                    if imported.promotion.paused {
                        summary.notes.append(ImportReject(
                            line: imported.line, reason: "\(imported.promotion.name): imported paused until someone completes it"))
                    }
                case .updated: summary.promotionsUpdated += 1
                case .unchanged: summary.promotionsUnchanged += 1
                }
                return []
            }
        ).run(reader: reader, mapper: mapper)
    }
}
