/// Reads money typed by a person or found in a file: `12.5`, `12.50`, `12,50`, `€12.50`,
/// `EUR 12.50`, `1,234.50`, `1.234,50`. Refuses negatives (unless allowed), more decimals than
/// the currency has, another currency's symbol, and anything that is not a number.
public enum MoneyParser {
    public static func parse(
        _ input: String, currency: Currency, field: String = "price", allowNegative: Bool = false
    ) throws(ValidationError) -> Money {
        var text = input.trimmingWhitespace()
        guard !text.isEmpty else {
            throw ValidationError(field: field, message: "\(field) is empty", hint: "type an amount such as 12.50")
        }
        var negative = false
        if text.hasPrefix("-") || text.hasPrefix("−") { negative = true; text = String(text.dropFirst()).trimmingWhitespace() }
        for candidate in [currency.symbol, currency.code, currency.code.lowercased()] where !candidate.isEmpty {
            if text.hasPrefix(candidate) { text = String(text.dropFirst(candidate.count)).trimmingWhitespace() }
            if text.hasSuffix(candidate) { text = String(text.dropLast(candidate.count)).trimmingWhitespace() }
        }
        if text.hasPrefix("-") { negative = true; text = String(text.dropFirst()).trimmingWhitespace() }
        if let other = Currency.known.first(where: { $0 != currency && !$0.symbol.isEmpty && text.contains($0.symbol) }) {
            throw ValidationError(
                field: field, message: "\(field) \"\(input)\" is in \(other.code), the shop uses \(currency.code)",
                hint: "enter the amount in \(currency.code)")
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == " " || $0 == "'") }) else {
            throw ValidationError(
                field: field, message: "\(field) \"\(input)\" is not an amount",
                hint: "use digits with . or , before the cents, e.g. 12.50")
        }
        if negative && !allowNegative {
            throw ValidationError(field: field, message: "\(field) cannot be negative", hint: "enter 0 or more")
        }
        let (wholeText, fractionText) = try split(text, input: input, field: field, currency: currency)
        guard !wholeText.isEmpty || !fractionText.isEmpty else {
            throw ValidationError(field: field, message: "\(field) \"\(input)\" is not an amount", hint: "e.g. 12.50")
        }
        // The whole part holds only digits here, so a failed conversion means too many of them.
        guard let whole = Int64(wholeText.isEmpty ? "0" : wholeText) else {
            throw ValidationError(field: field, message: "\(field) \"\(input)\" is too large", hint: "check the number of digits")
        }
        if fractionText.count > currency.minorDigits {
            let allowed = currency.minorDigits == 0 ? "no decimals" : "at most \(currency.minorDigits) decimals"
            throw ValidationError(
                field: field, message: "\(field) \"\(input)\" has more decimals than \(currency.code) allows",
                hint: "\(currency.code) takes \(allowed)")
        }
        var fraction = fractionText
        while fraction.count < currency.minorDigits { fraction += "0" }
        let fractionValue = Int64(fraction.isEmpty ? "0" : fraction) ?? 0
        let (scaled, overflow1) = whole.multipliedReportingOverflow(by: currency.minorPerMajor)
        let (total, overflow2) = scaled.addingReportingOverflow(fractionValue)
        guard !overflow1, !overflow2, total <= 1_000_000_000_000 else {
            throw ValidationError(field: field, message: "\(field) \"\(input)\" is too large", hint: "check the number of digits")
        }
        return Money(minorUnits: negative ? -total : total, currency: currency)
    }

    /// Splits into whole and fraction digits. With both separators, the last one is the decimal
    /// separator; a lone separator followed by exactly three digits in a longer number is grouping.
    private static func split(
        _ text: String, input: String, field: String, currency: Currency
    ) throws(ValidationError) -> (String, String) {
        let compact = text.filter { $0 != " " && $0 != "'" }
        let separators = compact.filter { $0 == "." || $0 == "," }
        guard !separators.isEmpty else { return (compact, "") }
        let lastIndex = compact.lastIndex { $0 == "." || $0 == "," }!
        let last = compact[lastIndex]
        let before = String(compact[..<lastIndex])
        let after = String(compact[compact.index(after: lastIndex)...])
        let kinds = Set(separators)
        if kinds.count == 1 && separators.count > 1 {
            // "1,234,567" or "1.234.567": grouping only.
            let groups = compact.split(separator: last, omittingEmptySubsequences: false)
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw ValidationError(field: field, message: "\(field) \"\(input)\" is not an amount", hint: "e.g. 1234.50")
            }
            return (groups.joined(), "")
        }
        let grouping: Character = last == "." ? "," : "."
        let wholeDigits = before.filter { $0 != grouping }
        if kinds.count == 2 {
            let groups = before.split(separator: grouping, omittingEmptySubsequences: false)
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), !before.contains(last) else {
                throw ValidationError(field: field, message: "\(field) \"\(input)\" is not an amount", hint: "e.g. 1,234.50")
            }
        }
        return (wholeDigits, after)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, newlines and NBSP (no Foundation needed).
    public func trimmingWhitespace() -> String {
        // Most text begins and ends with a visible ASCII character: nothing to trim, and no
        // need to walk grapheme clusters (this runs for every value a promotion scope compares).
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
