import ArgumentParser
import Foundation
import ShopKit
import ShopStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import products, inventory or discounts from a CSV file through the audited write path.",
        subcommands: [ImportProductsCommand.self, ImportInventoryCommand.self, ImportDiscountsCommand.self])
}

/// Options every import takes.
struct ImportFileOptions: ParsableArguments {
    @Argument(help: "The CSV file to import.")
    var file: String

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Read and check everything, then roll back: print the summary without writing to the database.")
    var dryRun = false

    @Option(help: "Commit every N rows instead of once for the whole file.")
    var batch: Int?

    func validate() throws {
        if let batch, batch < 1 { throw ValidationError("--batch takes a number of rows, 1 or more") }
    }

    var options: ImportOptions { ImportOptions(dryRun: dryRun, batchSize: batch) }
}

struct ImportProductsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products",
        abstract: "Import a Shopify or WooCommerce product CSV (upserted by handle and SKU).")

    @OptionGroup var common: ImportFileOptions

    @Option(help: "The file's layout: shopify or woocommerce (default: detected from the header).")
    var format: String?

    func run() throws {
        var options = common.options
        if let format {
            guard let chosen = ProductFileFormat(rawValue: format.lowercased()) else {
                printError("unknown format \(format); supported formats are shopify and woocommerce")
                throw ExitCode.failure
            }
            options.format = chosen
        }
        try runImport(common) { shop, url, progress in try shop.importProducts(from: url, options: options, progress: progress) }
    }
}

struct ImportInventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Import a Shopify inventory CSV as stocktake counts (unknown locations are created).")

    @OptionGroup var common: ImportFileOptions

    func run() throws {
        try runImport(common) { shop, url, progress in
            try shop.importInventory(from: url, options: common.options, progress: progress)
        }
    }
}

struct ImportDiscountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discounts",
        abstract: "Import a Shopify discount export as promotions; what cannot be represented is reported per row.")

    @OptionGroup var common: ImportFileOptions

    func run() throws {
        try runImport(common) { shop, url, progress in
            try shop.importDiscounts(from: url, options: common.options, progress: progress)
        }
    }
}

/// Opens the database, runs one import with progress on stderr, prints the summary on stdout.
func runImport(
    _ common: ImportFileOptions,
    _ body: (ShopDatabase, URL, @escaping ImportProgressHandler) throws -> ImportSummary
) throws {
    let path = Paths.expand(common.file)
    guard FileManager.default.fileExists(atPath: path) else {
        printError("\(common.file) does not exist")
        throw ExitCode.failure
    }
    let display = ProgressDisplay(interactive: isatty(STDERR_FILENO) == 1)
    do {
        let shop = try ShopDatabase.open(path: common.database.path)
        let summary = try body(shop, URL(fileURLWithPath: path), display.update)
        display.finish()
        try? shop.close()
        for line in summary.lines { print(line) }
    } catch {
        display.finish()
        printError("\(error)")
        throw ExitCode.failure
    }
}

/// Progress on stderr: a bar redrawn in place on a terminal (rows, rate, time left), a plain
/// line every few seconds otherwise, so logs stay readable.
final class ProgressDisplay {
    let interactive: Bool
    private let started = Date()
    private lazy var lastShown = started
    private var drewBar = false

    init(interactive: Bool) { self.interactive = interactive }

    func update(_ progress: ImportProgress) {
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= (interactive ? 0.1 : 5) else { return }
        lastShown = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Int(Double(progress.rowsDone) / elapsed)
        let fraction = progress.totalBytes > 0 ? min(Double(progress.bytesRead) / Double(progress.totalBytes), 1) : 0
        let left = fraction > 0.01 ? Int(elapsed / fraction - elapsed) : nil
        let leftText = left.map { String(format: "%d:%02d left", $0 / 60, $0 % 60) } ?? "--:-- left"
        if interactive {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            write("\r[\(bar)] \(Int(fraction * 100))%  \(progress.rowsDone) rows  \(rate) rows/s  \(leftText)\u{1B}[K")
            drewBar = true
        } else {
            write("\(progress.rowsDone) rows read (\(Int(fraction * 100))%), \(rate) rows/s, \(leftText)\n")
        }
    }

    func finish() {
        if drewBar { write("\r\u{1B}[K") }
        drewBar = false
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
