/// A terminal colour as a theme names it.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// 0–7 the basic ANSI colours, 8–15 their bright forms, 16–255 the 256-colour palette.
    case indexed(Int)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Reads `default`, a colour name (`red`, `bright-blue`) or a palette number (`0`–`255`).
    public init?(name: String) {
        let text = name.trimmingWhitespace().lowercased()
        if text == "default" || text.isEmpty { self = .terminalDefault; return }
        if let number = Int(text), (0...255).contains(number) { self = .indexed(number); return }
        if let index = Self.names.firstIndex(of: text) { self = .indexed(index); return }
        if text.hasPrefix("bright-"), let index = Self.names.firstIndex(of: String(text.dropFirst(7))) {
            self = .indexed(index + 8)
            return
        }
        return nil
    }

    /// The nearest colour a terminal with `colors` colours can show (8-colour terminals get 0–7).
    public func degraded(toColors colors: Int) -> ThemeColor {
        guard case .indexed(let index) = self, index >= colors else { return self }
        if index < 8 { return self }
        if index < 16 { return .indexed(index - 8) }
        if index >= 232 { return .indexed(index >= 244 ? 7 : 0) } // greyscale ramp
        // 6×6×6 cube: pick the basic colour of the dominant channels.
        let cube = index - 16
        let (r, g, b) = (cube / 36, cube / 6 % 6, cube % 6)
        let threshold = max(r, g, b) / 2 + 1
        let bits = (r >= threshold && r > 0 ? 1 : 0) | (g >= threshold && g > 0 ? 2 : 0) | (b >= threshold && b > 0 ? 4 : 0)
        return .indexed(bits == 0 ? 0 : bits)
    }
}

/// How one cell looks: colours and attributes. Attributes also carry meaning without colour
/// (selection is reverse, focus is bold), so a monochrome theme stays usable.
public struct Style: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()

    /// The same attributes without any colour (for NO_COLOR and monochrome terminals).
    public var withoutColor: Style {
        Style(bold: bold, reverse: reverse, underline: underline, dim: dim)
    }
}
