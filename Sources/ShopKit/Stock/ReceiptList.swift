/// A goods-in list typed or pasted as `SKU qty` lines — the way a delivery note or a supplier's
/// spreadsheet column pair arrives. Blank lines and `#` comments are skipped; SKU and quantity
/// may be separated by spaces, a tab, a comma or a semicolon (a pasted CSV row); the same SKU on
/// several lines adds up. Every line that cannot be read is kept as a problem with its number,
/// so the preview can show it and nothing is received from a list that has one.
public struct ReceiptList: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        /// 1-based, as the person sees it in the editor.
        public let lineNumber: Int
        public let sku: String
        public let quantity: Int64
    }

    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public let lineNumber: Int
        public let message: String

        public var description: String { "line \(lineNumber): \(message)" }
    }

    /// One line per SKU, in the order each SKU first appears.
    public let lines: [Line]
    public let problems: [Problem]

    public var totalUnits: Int64 { lines.reduce(0) { $0 + $1.quantity } }

    /// The most units one line may receive: more is almost certainly a typo (an EAN in the
    /// quantity column).
    public static let maximumQuantity: Int64 = 100_000

    public init(parsing text: String) {
        var lines: [Line] = []
        var indexBySKU: [String: Int] = [:]
        var problems: [Problem] = []
        let rawLines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (offset, raw) in rawLines.enumerated() {
            let number = offset + 1
            let content = String(raw).trimmingWhitespace()
            if content.isEmpty || content.hasPrefix("#") { continue }
            let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" })
                .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            guard parts.count == 2 else {
                problems.append(Problem(lineNumber: number, message: parts.count < 2
                    ? "needs a SKU and a quantity, e.g. \"NLO-MUG-01 12\""
                    : "has more than a SKU and a quantity"))
                continue
            }
            let sku = parts[0]
            guard let quantity = Int64(parts[1]) else {
                problems.append(Problem(lineNumber: number, message: "quantity \"\(parts[1].prefix(12))\" is not a whole number"))
                continue
            }
            guard quantity > 0 else {
                problems.append(Problem(lineNumber: number, message: "a receipt adds stock: the quantity must be above 0"))
                continue
            }
            guard quantity <= Self.maximumQuantity else {
                problems.append(Problem(lineNumber: number, message: "\(quantity) units is implausibly many for one line"))
                continue
            }
            if let index = indexBySKU[sku] {
                let earlier = lines[index]
                lines[index] = Line(lineNumber: earlier.lineNumber, sku: sku, quantity: earlier.quantity + quantity)
            } else {
                indexBySKU[sku] = lines.count
                lines.append(Line(lineNumber: number, sku: sku, quantity: quantity))
            }
        }
        self.lines = lines
        self.problems = problems
    }
}

/// One variant's part of a bulk receipt.
public struct ReceiptItem: Hashable, Sendable {
    public let variantID: Int64
    public let quantity: Int64

    public init(variantID: Int64, quantity: Int64) {
        self.variantID = variantID
        self.quantity = quantity
    }
}
