import ArgumentParser
import Foundation
import ShopStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export products (Shopify product CSV), stock, complaints, prices, the audit log or the reorder list as CSV.",
        discussion: """
            Cells a spreadsheet would run as a formula (starting with =, +, -, @, tab, CR or NUL, also after \
            spaces or invisible characters) are written with a leading '; numbers stay numbers. An exported \
            products file imports back unchanged.
            """)

    @Argument(help: "What to export: \(ExportKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var what: String

    @Argument(help: "The CSV file to write (replaced when it exists).")
    var file: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
        guard let kind = ExportKind(rawValue: what.lowercased()) else {
            printError("cannot export \(what); choose one of \(ExportKind.allCases.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode.failure
        }
        let path = database.path
        guard FileManager.default.fileExists(atPath: path) else {
            printError("\(path) does not exist")
            throw ExitCode.failure
        }
        do {
            let shop = try ShopDatabase.open(path: path)
            let rows = try shop.export(kind, to: URL(fileURLWithPath: Paths.expand(file)))
            print("exported \(rows) rows of \(kind.rawValue) to \(file)")
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
    }
}
