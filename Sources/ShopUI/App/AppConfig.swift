import TOMLKit

/// Settings from `$XDG_CONFIG_HOME/shopdesk/config.toml`. Flags and environment variables win.
public struct AppConfig: Equatable, Sendable {
    public var theme: String?

    public init(theme: String? = nil) { self.theme = theme }

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
            default:
                throw ThemeError(source: source, message: "unknown setting \(key); known settings: theme")
            }
        }
        return config
    }
}
