import ArgumentParser
import Foundation
import ShopStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a shop database: SQLite integrity, foreign keys, and stock levels against the ledger.")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let path = database.path
        guard FileManager.default.fileExists(atPath: path) else {
            printError("\(path) does not exist")
            throw ExitCode.failure
        }
        do {
            let shop = try ShopDatabase.open(path: path)
            let problems = try shop.check()
            for (name, count) in try shop.tableCounts() { print("\(name): \(count)") }
            if problems.isEmpty {
                print("ok: \(path) passed integrity_check, foreign_key_check and the stock ledger check")
            } else {
                for problem in problems { print("problem: \(problem)") }
                throw ExitCode.failure
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
    }
}
