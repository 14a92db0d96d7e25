import Foundation

/// Where shopdesk keeps its files, after the XDG base directory conventions.
enum Paths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var home: String { environment["HOME"] ?? NSHomeDirectory() }

    static func expand(_ path: String) -> String {
        path.hasPrefix("~/") ? home + String(path.dropFirst(1)) : path
    }

    static var dataDirectory: String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/shopdesk" }
        return home + "/.local/share/shopdesk"
    }

    static var configDirectory: String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/shopdesk" }
        return home + "/.config/shopdesk"
    }

    static var defaultDatabase: String {
        if let path = environment["SHOPDESK_DB"], !path.isEmpty { return expand(path) }
        return dataDirectory + "/shop.db"
    }

    static var demoDatabase: String { dataDirectory + "/demo.db" }
}

/// A failure of a command: printed to stderr, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data(("shopdesk: " + message + "\n").utf8))
}
