/// A cell of an exported file, typed: numbers are written as numbers, text is guarded so that a
/// spreadsheet never runs it as a formula (CSV injection).
public enum SpreadsheetCell: Hashable, Sendable {
    case text(String)
    /// Digits with an optional sign and decimal point, written as they are: `-3` stays a number.
    case number(String)

    public static func integer(_ value: Int64) -> SpreadsheetCell { .number(String(value)) }
    public static func integer(_ value: Int64?) -> SpreadsheetCell { value.map { .number(String($0)) } ?? .text("") }
    public static func money(_ value: Money?) -> SpreadsheetCell { value.map { .number($0.decimalText) } ?? .text("") }

    /// What goes into the file.
    public var written: String {
        switch self {
        case .number(let digits): digits
        case .text(let text): Self.guarded(text)
        }
    }

    /// Characters a spreadsheet reads as the start of a formula (or that hide one behind them).
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\0"]

    /// Spaces and invisible characters a spreadsheet skips before it looks for a formula: a
    /// zero-width space or a BOM in front of `=` must not hide the `=`.
    static func isSkipped(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\u{200B}" || scalar == "\u{FEFF}"
            || scalar.properties.generalCategory == .format
    }

    /// True when a spreadsheet would take the text for a formula.
    public static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !isSkipped($0) }) else { return false }
        return triggers.contains(first)
    }

    /// True when `text` is the guarded form of another text: `'` followed by formula-like text,
    /// or by text that is itself guarded (so `'` chains stay reversible).
    static func isGuarded(_ text: String) -> Bool {
        var rest = Substring(text)
        while rest.first == "'" {
            rest = rest.dropFirst()
            if startsLikeFormula(String(rest)) { return true }
        }
        return false
    }

    /// `'` before text a spreadsheet would run, and before text that already looks guarded, so
    /// that `unguarded(guarded(x)) == x` for every x.
    public static func guarded(_ text: String) -> String {
        startsLikeFormula(text) || isGuarded(text) ? "'" + text : text
    }

    /// The inverse of `guarded`: what an export wrote, read back.
    public static func unguarded(_ text: String) -> String {
        isGuarded(text) ? String(text.dropFirst()) : text
    }
}
