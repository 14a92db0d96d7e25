import ArgumentParser

@main
struct Shopdesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopdesk",
        abstract: "A terminal console to run an online shop: catalog, pricing, promotions, stock and complaints.",
        version: "0.1.0",
        subcommands: [
            ConsoleCommand.self, InitCommand.self, DemoCommand.self, CheckCommand.self, GenerateCommand.self, ImportCommand.self, ExportCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self)
}

/// Options shared by the commands that open a database.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "The shop database (default: $SHOPDESK_DB, else $XDG_DATA_HOME/shopdesk/shop.db).")
    var db: String?

    var path: String { db.map(Paths.expand) ?? Paths.defaultDatabase }
}
