/// Text from data (product names, complaint texts, CSV cells) made safe for a terminal: every
/// control character, escape sequence introducer, CR/BS/TAB and bidi control becomes a visible
/// placeholder, so untrusted text can never move the cursor, clear the screen or retitle the
/// window. The only way text reaches the cell grid is through this type.
public struct SafeText: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// Grapheme clusters with their display width (0, 1 or 2 columns).
    public let glyphs: [Glyph]

    public struct Glyph: Hashable, Sendable {
        public let text: String
        public let width: Int
        /// True when this glyph stands for a character that was replaced.
        public let isPlaceholder: Bool
    }

    public init(_ untrusted: String) {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(untrusted.unicodeScalars.count)
        for character in untrusted {
            SafeText.append(character, to: &glyphs)
        }
        self.glyphs = glyphs
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// Glyphs that already passed through the sanitiser (slices of a SafeText).
    init(glyphs: [Glyph]) { self.glyphs = glyphs }

    public var width: Int { glyphs.reduce(0) { $0 + $1.width } }
    public var description: String { glyphs.map(\.text).joined() }
    public var isEmpty: Bool { glyphs.isEmpty }

    /// The longest prefix that fits in `columns`, ending with `…` when something was cut.
    public func clipped(to columns: Int) -> SafeText {
        guard columns > 0 else { return SafeText(glyphs: []) }
        if width <= columns { return self }
        var kept: [Glyph] = []
        var used = 0
        for glyph in glyphs {
            if used + glyph.width > columns - 1 { break }
            kept.append(glyph)
            used += glyph.width
        }
        kept.append(Glyph(text: "…", width: 1, isPlaceholder: false))
        return SafeText(glyphs: kept)
    }

    public static func + (lhs: SafeText, rhs: SafeText) -> SafeText { SafeText(glyphs: lhs.glyphs + rhs.glyphs) }

    private static func append(_ character: Character, to glyphs: inout [Glyph]) {
        let scalars = Array(character.unicodeScalars)
        // A cluster that contains any dangerous scalar is taken apart so that each scalar is judged.
        if scalars.count > 1 && scalars.contains(where: { placeholder(for: $0) != nil }) {
            for scalar in scalars { append(Character(scalar), to: &glyphs) }
            return
        }
        let first = scalars[0]
        if let symbol = placeholder(for: first) {
            glyphs.append(Glyph(text: symbol, width: 1, isPlaceholder: true))
            return
        }
        let width = DisplayWidth.of(first)
        if width == 0 {
            // A lone combining mark with nothing to combine with is shown on a dotted circle.
            if glyphs.isEmpty || glyphs[glyphs.count - 1].isPlaceholder {
                glyphs.append(Glyph(text: "◌" + String(character), width: 1, isPlaceholder: false))
            } else {
                let previous = glyphs.removeLast()
                glyphs.append(Glyph(text: previous.text + String(character), width: previous.width, isPlaceholder: false))
            }
            return
        }
        glyphs.append(Glyph(text: String(character), width: width, isPlaceholder: false))
    }

    /// The visible stand-in for a scalar that must not reach the terminal, or nil when it is safe.
    static func placeholder(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x00...0x1F:
            // Control Pictures: ␀ … ␟ (ESC → ␛, CR → ␍, BS → ␈, TAB → ␉, LF → ␊).
            return String(Unicode.Scalar(0x2400 + value)!)
        case 0x7F:
            return "␡"
        case 0x80...0x9F:
            return "�"
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            return "�"
        case 0x2028, 0x2029:
            return "␤"
        default:
            break
        }
        switch scalar.properties.generalCategory {
        case .format, .control, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            // Zero-width and invisible format characters could hide text; show them.
            return value == 0x200D ? nil : "�"
        default:
            return nil
        }
    }
}

/// How many terminal columns a scalar takes: 2 for East Asian wide and fullwidth forms and
/// emoji, 0 for combining marks, 1 otherwise.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        if value == 0x200D { return 0 }
        if isWide(value) { return 2 }
        return 1
    }

    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD,
             0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0,
             0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F320,
             0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
             0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
             0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F,
             0x1F680...0x1F6C5, 0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC,
             0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
