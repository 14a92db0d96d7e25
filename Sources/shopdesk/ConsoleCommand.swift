import ArgumentParser
import BundledThemes
import Foundation
import ShopKit
import ShopStore
import ShopUI
import TerminalBackend

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console (the default when no command is given).")

    @OptionGroup var database: DatabaseOption

    @Option(help: "Theme name (default, light, high-contrast, monochrome) or a path to a .toml file.")
    var theme: String?

    func run() throws {
        try openConsole(path: database.path, themeName: theme)
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Recreate the demo shop in the data directory and open the console on it.")

    @Option(help: "Theme name or a path to a .toml file.")
    var theme: String?

    func run() throws {
        let path = Paths.demoDatabase
        do {
            try createDatabase(at: path, demo: true, force: true)
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        try openConsole(path: path, themeName: theme)
    }
}

/// Opens the database, picks the theme, and runs the console until the person quits.
func openConsole(path: String, themeName: String?) throws {
    let chosenTheme: Theme
    let shop: ShopDatabase
    let overview: ShopOverview
    do {
        chosenTheme = try ThemeChooser.choose(flag: themeName)
        shop = try ShopDatabase.open(path: path)
        overview = try shop.overview()
    } catch {
        printError("\(error)")
        throw ExitCode.failure
    }
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
        printError("the console needs a terminal; for batch use see `shopdesk --help`")
        throw ExitCode.failure
    }
    let inbox = ActionInbox()
    let terminal = Terminal()
    let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    terminal.start(useColor: !noColor)
    let theme = terminal.colorMode == .none ? chosenTheme.withoutColor : chosenTheme
    let size = terminal.size
    var state = AppState(
        width: size.width, height: size.height, overview: overview,
        databaseLabel: (path as NSString).lastPathComponent, isReadOnly: shop.isReadOnly, now: SystemClock.now())
    state.userName = shop.actor
    if let replies = try? ThemeChooser.configuration()?.replies, !replies.isEmpty { state.replyTemplates = replies }
    state.hasExternalEditor = ["VISUAL", "EDITOR"].contains {
        !(ProcessInfo.processInfo.environment[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }
    let model = AppModel(
        state: state, store: shop, writer: shop.isReadOnly ? nil : shop, exchanger: shop, background: QueueRunner(inbox: inbox))
    let watcher = ChangeWatcher(database: shop) { inbox.post(.dataChanged) }
    watcher?.start()
    model.start()
    let signal = ConsoleLoop(terminal: terminal, model: model, theme: theme, inbox: inbox, clock: SystemClock.now).run()
    watcher?.stop()
    terminal.stop()
    try? shop.close()
    if signal != 0 { throw ExitCode(128 + signal) }
}

/// Finds the theme: `--theme`, else `theme` in config.toml, else the default. A theme file in
/// the config directory's `themes/` wins over a bundled one of the same name.
enum ThemeChooser {
    static func choose(flag: String?) throws -> Theme {
        let name = try flag ?? configuredThemeName() ?? "default"
        if name.hasSuffix(".toml") {
            guard let text = try? String(contentsOfFile: Paths.expand(name), encoding: .utf8) else {
                throw CommandFailure("cannot read theme file \(name)")
            }
            return try Theme.parse(toml: text, source: name)
        }
        let userFile = Paths.configDirectory + "/themes/" + name + ".toml"
        if let text = try? String(contentsOfFile: userFile, encoding: .utf8) {
            return try Theme.parse(toml: text, source: userFile)
        }
        if let text = BundledThemes.text(named: name) {
            return try Theme.parse(toml: text, source: name + ".toml")
        }
        throw CommandFailure(
            "no theme named \(name); bundled themes are \(BundledThemes.names.joined(separator: ", ")), "
                + "or put \(name).toml in \(Paths.configDirectory)/themes/")
    }

    static func configuredThemeName() throws -> String? {
        try configuration()?.theme
    }

    /// config.toml, if there is one.
    static func configuration() throws -> AppConfig? {
        let file = Paths.configDirectory + "/config.toml"
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return try AppConfig.parse(toml: text, source: file)
    }
}
