import ArgumentParser
import DemoShop
import Foundation
import ShopStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a shop database, empty or with the demo shop, without opening the console.")

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Fill the new database with the demo shop.")
    var demo = false

    @Flag(help: "Replace an existing file.")
    var force = false

    func run() throws {
        let path = database.path
        do {
            try createDatabase(at: path, demo: demo, force: force)
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        print(demo ? "created \(path) with the demo shop" : "created \(path)")
    }
}

/// Creates a database file, refusing to overwrite one unless `force`; writes into a temporary
/// file first, so a failed load never leaves a half-filled database behind.
func createDatabase(at path: String, demo: Bool, force: Bool) throws {
    try createDatabase(at: path, force: force) { temporary in
        let database = try ShopDatabase.open(path: temporary)
        if demo { try database.loadDemoShop(from: DemoShopFiles.directory) }
        try database.close()
    }
}

/// Creates a database file by `fill`ing a temporary file beside it, then moving it in place.
func createDatabase(at path: String, force: Bool, fill: (String) throws -> Void) throws {
    let fileManager = FileManager.default
    if fileManager.fileExists(atPath: path) && !force {
        throw CommandFailure("\(path) already exists; pass --force to replace it")
    }
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty { try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true) }
    let temporary = path + ".creating"
    for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: temporary + suffix) }
    do {
        try fill(temporary)
        for suffix in ["-wal", "-shm"] { try? fileManager.removeItem(atPath: temporary + suffix) }
    } catch {
        for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: temporary + suffix) }
        throw error
    }
    for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: path + suffix) }
    try fileManager.moveItem(atPath: temporary, toPath: path)
}
