import TOMLKit

/// Settings from `$XDG_CONFIG_HOME/shopdesk/config.toml`. Flags and environment variables win.
public struct AppConfig: Equatable, Sendable {
    public var theme: String?
    /// Canned replies for complaint notes (`[replies]`, name = "text"), by name.
    public var replies: [ReplyTemplate] = []

    public init(theme: String? = nil, replies: [ReplyTemplate] = []) {
        self.theme = theme
        self.replies = replies
    }

    public static func parse(toml text: String, source: String) throws(ThemeError) -> AppConfig {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            throw ThemeError(source: source, message: "is not valid TOML (\(error))")
        }
        var config = AppConfig()
        for (key, value) in table {
            switch key {
            case "theme":
                guard let name = value.string else { throw ThemeError(source: source, message: "theme must be a string") }
                config.theme = name
            case "replies":
                guard let replies = value.table else {
                    throw ThemeError(source: source, message: "replies must be a table of name = \"text\"")
                }
                for (name, text) in replies {
                    guard let text = text.string else {
                        throw ThemeError(source: source, message: "reply \(name) must be a string")
                    }
                    config.replies.append(ReplyTemplate(name: name, text: text))
                }
                config.replies.sort { $0.name < $1.name }
            default:
                throw ThemeError(source: source, message: "unknown setting \(key); known settings: theme, replies")
            }
        }
        return config
    }
}
