import TOMLKit

/// What a piece of the screen is, so a theme can say how it looks.
public enum StyleRole: String, CaseIterable, Sendable {
    case normal, header, selected
    case tabActive = "tab_active"
    case tabInactive = "tab_inactive"
    case brand, status
    case statusError = "status_error"
    case dim, warning, danger, good
    case help, border, placeholder
}

/// A complete set of styles. Themes are TOML files with one table per role:
///
/// ```toml
/// name = "default"
/// [selected]
/// fg = "black"
/// bg = "cyan"
/// bold = true
/// ```
public struct Theme: Sendable, Equatable {
    public let name: String
    private var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> Style {
        styles[role] ?? Theme.monochrome.styles[role] ?? .plain
    }

    /// This theme with colours removed (NO_COLOR, or a terminal without colours). Roles that
    /// carried meaning by colour alone get the monochrome theme's attributes, so the selection
    /// stays reverse and warnings stay bold.
    public var withoutColor: Theme {
        var plain: [StyleRole: Style] = [:]
        for role in StyleRole.allCases {
            let own = style(role).withoutColor
            let fallback = Theme.monochrome.styles[role] ?? .plain
            plain[role] = Style(
                bold: own.bold || fallback.bold, reverse: own.reverse || fallback.reverse,
                underline: own.underline || fallback.underline, dim: own.dim || fallback.dim)
        }
        return Theme(name: name, styles: plain)
    }

    /// A theme that uses attributes only; always available, needs no file.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .normal: .plain,
        .header: Style(bold: true, underline: true),
        .selected: Style(reverse: true),
        .tabActive: Style(bold: true, reverse: true),
        .tabInactive: .plain,
        .brand: Style(bold: true),
        .status: Style(reverse: true),
        .statusError: Style(bold: true, reverse: true),
        .dim: Style(dim: true),
        .warning: Style(bold: true),
        .danger: Style(bold: true, underline: true),
        .good: .plain,
        .help: .plain,
        .border: .plain,
        .placeholder: Style(dim: true),
    ])

    /// The built-in colour theme, used when no theme file is found.
    public static let builtIn = Theme(name: "default", styles: [
        .normal: .plain,
        .header: Style(foreground: .indexed(6), bold: true),
        .selected: Style(foreground: .indexed(0), background: .indexed(6)),
        .tabActive: Style(foreground: .indexed(0), background: .indexed(6), bold: true),
        .tabInactive: Style(foreground: .indexed(7)),
        .brand: Style(foreground: .indexed(3), bold: true),
        .status: Style(foreground: .indexed(0), background: .indexed(7)),
        .statusError: Style(foreground: .indexed(15), background: .indexed(1), bold: true),
        .dim: Style(foreground: .indexed(8)),
        .warning: Style(foreground: .indexed(3), bold: true),
        .danger: Style(foreground: .indexed(1), bold: true),
        .good: Style(foreground: .indexed(2)),
        .help: .plain,
        .border: Style(foreground: .indexed(8)),
        .placeholder: Style(foreground: .indexed(5)),
    ])
}

/// A theme file that cannot be used, with where and why.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    public let source: String
    public let message: String
    public var description: String { "theme \(source): \(message)" }
}

extension Theme {
    /// Parses a theme file. Roles the file leaves out fall back to the monochrome look;
    /// unknown roles, colours or keys are refused with a message naming them.
    public static func parse(toml text: String, source: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            throw ThemeError(source: source, message: "is not valid TOML (\(error))")
        }
        var styles: [StyleRole: Style] = [:]
        var name = source
        for (key, value) in table {
            if key == "name" {
                guard let text = value.string else { throw ThemeError(source: source, message: "name must be a string") }
                name = text
                continue
            }
            guard let role = StyleRole(rawValue: key) else {
                let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw ThemeError(source: source, message: "unknown role [\(key)]; roles are \(known)")
            }
            guard let entry = value.table else { throw ThemeError(source: source, message: "[\(key)] must be a table") }
            styles[role] = try style(entry, role: key, source: source)
        }
        return Theme(name: name, styles: styles)
    }

    private static func style(_ table: TOMLTable, role: String, source: String) throws(ThemeError) -> Style {
        var style = Style()
        for (key, value) in table {
            switch key {
            case "fg", "bg":
                let text = value.string ?? value.int.map(String.init)
                guard let text, let color = ThemeColor(name: text) else {
                    throw ThemeError(
                        source: source,
                        message: "[\(role)] \(key) = \(value) is not a colour; use default, a name like red or bright-blue, or 0–255")
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "bold", "reverse", "underline", "dim":
                guard let flag = value.bool else {
                    throw ThemeError(source: source, message: "[\(role)] \(key) must be true or false")
                }
                switch key {
                case "bold": style.bold = flag
                case "reverse": style.reverse = flag
                case "underline": style.underline = flag
                default: style.dim = flag
                }
            default:
                throw ThemeError(source: source, message: "[\(role)] has unknown key \(key); keys are fg, bg, bold, reverse, underline, dim")
            }
        }
        return style
    }
}
