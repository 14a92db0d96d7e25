/// One bulk price edit: a change applied to every selected variant, then an optional price ending.
///
/// All arithmetic is on integer minor units. A percentage gives the new price as
/// price × (10,000 ± basis points) / 10,000, rounded half away from zero to the minor unit once,
/// on the result — so +10 % on €9.99 is exactly €10.99, −5 % on €0.10 is €0.10 (9.5 cents rounds
/// up), and the same rule on the same price always gives the same cents.
public struct BulkPriceRule: Hashable, Sendable {
    public var change: BulkPriceChange
    public var ending: PriceEnding

    /// The largest percentage a rule accepts (10,000 %): far beyond any real change, and small
    /// enough that the integer arithmetic cannot overflow for any price the shop can hold.
    public static let maximumBasisPoints: Int64 = 1_000_000

    public init(change: BulkPriceChange, ending: PriceEnding = .none) {
        self.change = change
        self.ending = ending
    }

    /// The new price for one variant. Refuses, with a message for that row, a result below zero,
    /// a markup on cost for a variant without a cost, and amounts in another currency.
    public func apply(price: Money, cost: Money?) throws(ValidationError) -> Money {
        let currency = price.currency
        let changed: Int64
        switch change {
        case .increasePercent(let basisPoints):
            try Self.checkPercent(basisPoints, "an increase")
            changed = try Self.scale(price.minorUnits, by: 10_000 + basisPoints)
        case .decreasePercent(let basisPoints):
            try Self.checkPercent(basisPoints, "a decrease")
            changed = try Self.scale(price.minorUnits, by: 10_000 - basisPoints)
        case .increaseAmount(let amount):
            try Self.checkAmount(amount, currency: currency, "an increase")
            changed = try Self.checked(price.minorUnits.addingReportingOverflow(amount.minorUnits))
        case .decreaseAmount(let amount):
            try Self.checkAmount(amount, currency: currency, "a decrease")
            changed = try Self.checked(price.minorUnits.subtractingReportingOverflow(amount.minorUnits))
        case .setTo(let amount):
            try Self.checkAmount(amount, currency: currency, "a new price")
            changed = amount.minorUnits
        case .markupOnCost(let basisPoints):
            guard let cost else {
                throw ValidationError(
                    field: "cost", message: "the variant has no cost, so a markup on cost cannot price it",
                    hint: "enter the variant's cost first, or change the price by a percentage of itself")
            }
            guard cost.currency == currency else {
                throw ValidationError(
                    field: "cost", message: "the cost is in \(cost.currency.code), the price in \(currency.code)",
                    hint: "enter the cost in \(currency.code)")
            }
            guard !cost.isNegative else {
                throw ValidationError(field: "cost", message: "the cost \(cost.formatted) is negative", hint: "correct the cost first")
            }
            try Self.checkPercent(basisPoints, "a markup")
            changed = try Self.scale(cost.minorUnits, by: 10_000 + basisPoints)
        }
        let result = Money(minorUnits: changed, currency: currency)
        guard !result.isNegative else {
            throw ValidationError(
                field: "price",
                message: "\(change) would take \(price.formatted) to \(result.formatted), below zero",
                hint: "use a smaller decrease, or leave this variant out")
        }
        return try ending.apply(to: result)
    }

    /// Reads the one field a manager types a bulk change into:
    /// `+10%` and `-5%` (percent of the price, up to two decimals), `+2.50` and `-1` (amounts),
    /// `=19.99` or plain `19.99` (set the price), and `cost+40%` (markup on cost).
    ///
    /// Refused, each with a message saying why: a percentage without a sign (`150%` could mean
    /// "raise by 150 %" or "make it 150 % of itself", and guessing wrong reprices a catalogue), a
    /// decrease of 100 % or more (every price would be zero or below; type `=0` to give items away),
    /// a markup below cost, more precision than a basis point, and anything that is not a number.
    public static func parse(_ text: String, currency: Currency) throws(ValidationError) -> BulkPriceChange {
        let field = "price change"
        let hint = "type +10%, -5%, +2.50, -1, =19.99 or cost+40%"
        let trimmed = text.trimmingWhitespace()
        guard let first = trimmed.first else {
            throw ValidationError(field: field, message: "price change is empty", hint: hint)
        }
        let compact = String(trimmed.filter { !$0.isWhitespace })
        let lowered = compact.lowercased()
        if lowered.hasPrefix("cost") {
            let rest = lowered.dropFirst(4)
            if rest.hasPrefix("-") || rest.hasPrefix("−") {
                throw ValidationError(
                    field: field, message: "\"\(trimmed)\" would price below cost",
                    hint: "a markup on cost is zero or more, e.g. cost+40%")
            }
            guard rest.hasPrefix("+"), rest.hasSuffix("%"), rest.count > 2 else {
                throw ValidationError(
                    field: field, message: "\"\(trimmed)\" is not a markup on cost",
                    hint: "write the markup as a percentage, e.g. cost+40%")
            }
            return .markupOnCost(basisPoints: try percent(String(rest.dropFirst().dropLast()), input: trimmed))
        }
        if compact.hasSuffix("%") {
            let body = String(compact.dropFirst().dropLast())
            switch first {
            case "+":
                return .increasePercent(basisPoints: try percent(body, input: trimmed))
            case "-", "−":
                let basisPoints = try percent(body, input: trimmed)
                guard basisPoints < 10_000 else {
                    throw ValidationError(
                        field: field,
                        message: "\"\(trimmed)\" would make every price \(basisPoints == 10_000 ? "zero" : "negative")",
                        hint: "a decrease is less than 100%; to give items away type =0")
                }
                return .decreasePercent(basisPoints: basisPoints)
            case "=":
                throw ValidationError(
                    field: field, message: "a price cannot be set to a percentage (\"\(trimmed)\")",
                    hint: "type an amount such as =19.99, or +10% to raise prices")
            default:
                throw ValidationError(
                    field: field, message: "\"\(trimmed)\" has no + or − sign",
                    hint: "type +\(compact) to raise prices by \(compact), or put a - sign in front to lower them")
            }
        }
        switch first {
        case "+":
            return .increaseAmount(try MoneyParser.parse(String(trimmed.dropFirst()), currency: currency, field: field))
        case "-", "−":
            return .decreaseAmount(try MoneyParser.parse(String(trimmed.dropFirst()), currency: currency, field: field))
        case "=":
            return .setTo(try MoneyParser.parse(String(trimmed.dropFirst()), currency: currency, field: field))
        default:
            return .setTo(try MoneyParser.parse(trimmed, currency: currency, field: field))
        }
    }

    // MARK: - Exact integer helpers

    /// `12`, `12.5`, `12,5` or `12.25` as basis points; at most two decimals, at most 10,000 %.
    private static func percent(_ body: String, input: String) throws(ValidationError) -> Int64 {
        let field = "price change"
        let parts = body.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        let isDigits: (Substring) -> Bool = { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.count <= 2, parts.allSatisfy(isDigits), parts.contains(where: { !$0.isEmpty }) else {
            throw ValidationError(
                field: field, message: "\"\(input)\" is not a percentage", hint: "use digits, e.g. +10% or -12.5%")
        }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2 else {
            throw ValidationError(
                field: field, message: "\"\(input)\" is more precise than a hundredth of a percent",
                hint: "use at most two decimals, e.g. 12.25%")
        }
        let wholeDigits = parts[0].drop { $0 == "0" }
        guard wholeDigits.count <= 5, let whole = Int64(wholeDigits.isEmpty ? "0" : String(wholeDigits)) else {
            throw ValidationError(field: field, message: "\"\(input)\" is too large", hint: "use at most 10000%")
        }
        var hundredths = fraction
        while hundredths.count < 2 { hundredths += "0" }
        let basisPoints = whole * 100 + (Int64(hundredths) ?? 0)
        guard basisPoints <= maximumBasisPoints else {
            throw ValidationError(field: field, message: "\"\(input)\" is too large", hint: "use at most 10000%")
        }
        return basisPoints
    }

    private static func checkPercent(_ basisPoints: Int64, _ what: String) throws(ValidationError) {
        guard basisPoints >= 0, basisPoints <= maximumBasisPoints else {
            throw ValidationError(
                field: "price change",
                message: "\(what) of \(BulkPriceChange.percentDigits(basisPoints))% is out of range",
                hint: "use a percentage from 0 to 10000, with the direction given by the kind of change")
        }
    }

    private static func checkAmount(_ amount: Money, currency: Currency, _ what: String) throws(ValidationError) {
        guard amount.currency == currency else {
            throw ValidationError(
                field: "price change", message: "\(what) in \(amount.currency.code) cannot apply to a price in \(currency.code)",
                hint: "enter the amount in \(currency.code)")
        }
        guard !amount.isNegative else {
            throw ValidationError(
                field: "price change", message: "\(what) of \(amount.formatted) is negative",
                hint: "give the amount without a sign; the kind of change gives the direction")
        }
    }

    /// amount × factor / 10,000, rounded half away from zero, refusing overflow.
    private static func scale(_ amount: Int64, by factor: Int64) throws(ValidationError) -> Int64 {
        Money.divideRounded(try checked(amount.multipliedReportingOverflow(by: factor)), by: 10_000)
    }

    private static func checked(_ result: (partialValue: Int64, overflow: Bool)) throws(ValidationError) -> Int64 {
        guard !result.overflow else {
            throw ValidationError(field: "price", message: "the new price is too large", hint: "check the amount or percentage")
        }
        return result.partialValue
    }
}
