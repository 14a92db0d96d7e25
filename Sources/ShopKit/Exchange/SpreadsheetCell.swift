/// Text for a CSV cell a spreadsheet will open. A cell that begins — after leading spaces and
/// invisible characters — with `=`, `+`, `-`, `@`, a tab, CR or NUL would be run as a formula,
/// so it gets a leading `'`. Numbers are written as numbers by the caller and never pass here.
public enum SpreadsheetCell {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\0"]
    static let invisible: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"]

    public static func text(_ value: String) -> String {
        let first = value.unicodeScalars.first { !invisible.contains($0) }
        guard let first, formulaStarts.contains(Character(first)) else { return value }
        return "'" + value
    }
}
