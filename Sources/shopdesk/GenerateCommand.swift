import ArgumentParser
import Foundation
import ShopKit
import ShopStore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Create a database with a synthetic shop of any size (for trying shopdesk at scale).",
        discussion: """
            About three variants per product, a stock ledger over four locations, orders, customers, \
            promotions and complaints, scaled along. The same --seed on the same day gives the same shop.
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "How many products.")
    var products: Int

    @Option(help: "Seed of the pseudo-random choices.")
    var seed: Int = 1

    @Flag(help: "Replace an existing file.")
    var force = false

    func validate() throws {
        guard products > 0 && products <= 50_000_000 else { throw ValidationError("--products must be between 1 and 50,000,000") }
    }

    func run() throws {
        let path = database.path
        let started = Date()
        do {
            try createDatabase(at: path, force: force) { temporary in
                try ShopGenerator.generate(
                    path: temporary, plan: GeneratorPlan(products: products, seed: seed)
                ) { line in printError(line) }
            }
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        print(String(format: "created %@ with %d generated products in %.1f s", path, products, Date().timeIntervalSince(started)))
    }
}
