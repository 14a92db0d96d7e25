/// A promotion read from a discount export, and what of the row could not be represented.
public struct ImportedPromotion: Sendable, Hashable {
    public let line: Int
    public var promotion: Promotion
    /// What the file says that shopdesk's promotions cannot hold. A promotion with notes is
    /// imported paused, so that nothing it left out can make it give more than intended.
    public var notes: [String]

    public init(line: Int, promotion: Promotion, notes: [String]) {
        self.line = line
        self.promotion = promotion
        self.notes = notes
    }
}

/// Maps the rows of a Shopify discount export to promotions as far as the model allows. Shopify
/// writes amounts off as negative values (`-75.0`) and dates with a UTC offset
/// (`2023-12-28 16:45:15 -0500`); names may hold commas. Nothing missing is guessed: a value the
/// model cannot hold is a note on the row, and a row without a usable kind, value or start is refused.
public struct DiscountFileMapper: Sendable {
    let columns: ColumnIndex
    let currency: Currency

    public static let requiredColumns = ["Name", "Value", "Value Type", "Start"]

    public init(columns: ColumnIndex, currency: Currency) throws(ValidationError) {
        let missing = columns.missing(Self.requiredColumns)
        guard missing.isEmpty else {
            throw ValidationError(
                field: "format", message: "this is not a Shopify discount export: columns \(missing.joined(separator: ", ")) are missing",
                hint: "export discounts from Shopify's Discounts page")
        }
        self.columns = columns
        self.currency = currency
    }

    public func map(_ row: SourceRow) -> MappedRows<ImportedPromotion> {
        if ColumnIndex.isBlank(row) { return MappedRows() }
        do {
            return MappedRows(records: [try promotion(row)])
        } catch {
            return MappedRows(rejects: [ImportReject(line: row.line, reason: error.description)])
        }
    }

    func promotion(_ row: SourceRow) throws(ValidationError) -> ImportedPromotion {
        func cell(_ name: String) -> String { columns.text(name, in: row).trimmingWhitespace() }
        let name = cell("Name")
        var notes: [String] = []
        let type = cell("Type").lowercased()
        let valueType = cell("Value Type").lowercased()
        let discountClass = cell("Discount Class").lowercased()
        var kind: PromotionKind
        var percent: Int64?
        var amount: Money?
        if type.contains("buy x get y") || type.contains("bxgy") {
            throw ValidationError(field: "Type", message: "a buy X get Y discount: the file does not say what is bought and what is given",
                                  hint: "create it in the console")
        } else if type.contains("shipping") || discountClass == "shipping" {
            kind = .freeShipping
        } else if valueType == "percentage" {
            kind = .percentage
            guard let (digits, scale) = DecimalText.parse(cell("Value")), scale <= 2 else {
                throw ValidationError(field: "Value", message: "percentage \"\(cell("Value"))\" is not a number with at most two decimals")
            }
            var basisPoints = Swift.abs(digits) * 100
            for _ in 0..<scale { basisPoints /= 10 }
            percent = basisPoints
        } else if valueType == "fixed_amount" {
            kind = .fixedAmount
            // Shopify writes the amount off as a negative value.
            let value = try MoneyParser.parse(cell("Value"), currency: currency, field: "value", allowNegative: true)
            amount = Money(minorUnits: Swift.abs(value.minorUnits), currency: currency)
        } else {
            throw ValidationError(field: "Value Type", message: "discount kind \"\(cell("Value Type"))\" is not known",
                                  hint: "percentage, fixed_amount and free shipping discounts are imported")
        }
        guard let startsAt = Timestamp(iso8601: cell("Start")) else {
            throw ValidationError(field: "Start", message: "start \"\(cell("Start"))\" is not a date", hint: "e.g. 2024-01-31 09:00:00 -0500")
        }
        var endsAt: Timestamp?
        if !cell("End").isEmpty {
            guard let end = Timestamp(iso8601: cell("End")) else {
                throw ValidationError(field: "End", message: "end \"\(cell("End"))\" is not a date", hint: "e.g. 2024-02-29 23:59:00 -0500")
            }
            endsAt = end
        }
        try Promotion.validate(name: name, kind: kind, percentBasisPoints: percent, amount: amount, startsAt: startsAt, endsAt: endsAt)

        var trigger = PromotionTrigger.code
        var code: String? = name
        let method = (columns.has("Method") ? cell("Method") : cell("Discount Method")).lowercased()
        if method.contains("automatic") {
            trigger = .automatic
            code = nil
        } else if method.isEmpty {
            notes.append("the file does not say whether this is a code or an automatic discount: imported as code \"\(name)\"")
        }
        if discountClass == "product" {
            notes.append("it applies to products or collections the file does not list: set its scope")
        }
        let minimum = cell("Minimum Purchase Requirements")
        if !minimum.isEmpty && DecimalText.wholeNumber(minimum) != 0 {
            notes.append("minimum purchase requirement \(minimum) not kept: the file does not say whether it is an amount or a quantity")
        }
        let customers = cell("Customer Selection").lowercased()
        if !customers.isEmpty && customers != "all" {
            notes.append("it is limited to customers (\(cell("Customer Selection"))) shopdesk does not model")
        }
        let combineColumns = ["Order", "Product", "Shipping"].map { "Combines with \($0) Discounts" }.filter(columns.has)
        let combineFlags = combineColumns.map { Self.flag(cell($0)) }
        let combines = !combineFlags.isEmpty && combineFlags.allSatisfy { $0 }
        if combineFlags.contains(true) && !combines {
            notes.append("it combines with some kinds of discounts only: imported as not combining")
        }
        let usageLimit = DecimalText.wholeNumber(cell("Usage Limit Per Code"))
        let uses = DecimalText.wholeNumber(cell("Times Used In Total")) ?? 0
        var promotion = Promotion(
            name: name, kind: kind, percentBasisPoints: percent, amount: amount, trigger: trigger, code: code,
            startsAt: startsAt, endsAt: endsAt, usageLimit: usageLimit,
            perCustomerLimit: Self.flag(cell("Applies Once Per Customer")) ? 1 : nil, combines: combines, uses: uses)
        promotion.paused = !notes.isEmpty
        return ImportedPromotion(line: row.line, promotion: promotion, notes: notes)
    }

    static func flag(_ text: String) -> Bool {
        ["1", "true", "yes"].contains(text.trimmingWhitespace().lowercased())
    }
}
