/// The rules a product and its variants must satisfy before any write.
public enum CatalogRules {
    public static let maxTitleLength = 255
    public static let seoTitleLimit = 60
    public static let seoDescriptionLimit = 160

    public static func validateTitle(_ title: String) throws(ValidationError) -> String {
        let trimmed = title.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw ValidationError(field: "title", message: "title is empty", hint: "every product needs a title")
        }
        guard trimmed.count <= maxTitleLength else {
            throw ValidationError(
                field: "title", message: "title is \(trimmed.count) characters long",
                hint: "shorten it to \(maxTitleLength) characters or fewer")
        }
        return trimmed
    }

    /// Handles are URL slugs: lowercase letters, digits and dashes.
    public static func validateHandle(_ handle: String) throws(ValidationError) -> String {
        let trimmed = handle.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw ValidationError(field: "handle", message: "handle is empty", hint: "e.g. merino-beanie")
        }
        let allowed = trimmed.unicodeScalars.allSatisfy {
            ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "-"
        }
        guard allowed else {
            throw ValidationError(
                field: "handle", message: "handle \"\(trimmed)\" has characters a URL cannot hold",
                hint: "use lowercase letters, digits and dashes")
        }
        return trimmed
    }

    /// A handle made from a title: lowercase ASCII letters and digits joined by dashes
    /// ("Müller Mug 350 ml" → "muller-mug-350-ml"); "product" when nothing is left.
    public static func handle(from title: String) -> String {
        var handle = ""
        var pendingDash = false
        for scalar in title.lowercased().unicodeScalars {
            var ascii: Unicode.Scalar? = nil
            if (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39) {
                ascii = scalar
            } else if let folded = foldedLatin[scalar] {
                ascii = folded
            }
            if let ascii {
                if pendingDash && !handle.isEmpty { handle.append("-") }
                pendingDash = false
                handle.unicodeScalars.append(ascii)
            } else {
                pendingDash = true
            }
        }
        return handle.isEmpty ? "product" : String(handle.prefix(80))
    }

    private static let foldedLatin: [Unicode.Scalar: Unicode.Scalar] = [
        "à": "a", "á": "a", "â": "a", "ä": "a", "å": "a", "ã": "a", "æ": "a", "ç": "c", "è": "e", "é": "e", "ê": "e",
        "ë": "e", "ì": "i", "í": "i", "î": "i", "ï": "i", "ñ": "n", "ò": "o", "ó": "o", "ô": "o", "ö": "o", "ø": "o",
        "õ": "o", "ù": "u", "ú": "u", "û": "u", "ü": "u", "ý": "y", "ÿ": "y", "ß": "s", "ł": "l", "ś": "s", "ź": "z",
        "ż": "z", "ć": "c", "ń": "n", "ę": "e", "ą": "a",
    ]

    public static func validateSKU(_ sku: String) throws(ValidationError) -> String? {
        let trimmed = sku.trimmingWhitespace()
        if trimmed.isEmpty { return nil }
        guard trimmed.count <= 64, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError(field: "sku", message: "SKU \"\(trimmed)\" is not usable", hint: "use up to 64 printable characters")
        }
        return trimmed
    }

    /// Prices are never negative; a compare-at price must be above the price to mean "was".
    public static func validatePrices(price: Money, compareAt: Money?, cost: Money?) throws(ValidationError) {
        if price.isNegative {
            throw ValidationError(field: "price", message: "price cannot be negative", hint: "enter 0 or more")
        }
        if let cost, cost.isNegative {
            throw ValidationError(field: "cost", message: "cost cannot be negative", hint: "enter 0 or more")
        }
        if let compareAt, compareAt <= price {
            throw ValidationError(
                field: "compare_at_price",
                message: "compare-at price \(compareAt.formatted) is not above the price \(price.formatted)",
                hint: "raise it above the price, or clear it")
        }
    }

    /// EAN-13, UPC-A (12) and EAN-8 barcodes carry a check digit; a wrong one is a typo.
    public static func validateBarcode(_ barcode: String) throws(ValidationError) -> String? {
        let trimmed = barcode.trimmingWhitespace()
        if trimmed.isEmpty { return nil }
        let digits = trimmed.compactMap { $0.wholeNumberValue }
        guard digits.count == trimmed.count, [8, 12, 13, 14].contains(digits.count) else {
            throw ValidationError(
                field: "barcode", message: "barcode \"\(trimmed)\" is not 8, 12, 13 or 14 digits",
                hint: "type the digits under the bars")
        }
        var sum = 0
        for (index, digit) in digits.dropLast().reversed().enumerated() {
            sum += digit * (index % 2 == 0 ? 3 : 1)
        }
        guard (10 - sum % 10) % 10 == digits.last! else {
            throw ValidationError(field: "barcode", message: "barcode \(trimmed) has a wrong check digit", hint: "check for a typo")
        }
        return trimmed
    }
}
