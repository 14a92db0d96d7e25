/// The field a `key:value` term narrows by. Which keys a list knows, and which values each
/// accepts there, is that list's `FilterKeys`.
public enum FilterKey: String, CaseIterable, Sendable {
    case status, vendor, type, category, tag, channel, stock, floor, cost, location, kind, code, priority, assignee, overdue, queue
    /// A promotion's state, derived from the clock (scheduled, active, paused, expired, exhausted).
    case state
    /// Products with at least one content-health issue.
    case attention
}

/// One field filter of a query, with its value in canonical form: an enumerated value is the
/// stored raw value (`kind:percent` → `percentage`, `status:Active` → `active`); a free value is
/// the text as typed, without its quotes and surrounding spaces. `assignee:none` becomes "".
public struct FilterField: Hashable, Sendable {
    public let key: FilterKey
    public let value: String

    public init(key: FilterKey, value: String) {
        self.key = key
        self.value = value
    }
}

/// What one key accepts in one list.
public struct FilterKeyRule: Sendable {
    public let key: FilterKey
    /// Accepted spellings (lowercase, spaces and hyphens as underscores) and the canonical value
    /// each stands for; nil when any non-empty text is accepted.
    let choices: [String: String]?
    /// Spellings with a special meaning for a free-text key (e.g. `none` for "nobody").
    let specialValues: [String: String]
    /// What the key accepts, shown when a value is refused: "status is draft, active or archived".
    public let hint: String

    /// A key taking any non-empty text.
    public static func text(_ key: FilterKey, hint: String, special: [String: String] = [:]) -> FilterKeyRule {
        FilterKeyRule(key: key, choices: nil, specialValues: special, hint: hint)
    }

    /// A key taking one of `values` (the canonical forms), or one of their `aliases`.
    public static func choice(
        _ key: FilterKey, _ values: [String], aliases: [String: String] = [:], hint: String? = nil
    ) -> FilterKeyRule {
        var choices: [String: String] = [:]
        for value in values { choices[value] = value }
        for (alias, value) in aliases { choices[alias] = value }
        return FilterKeyRule(
            key: key, choices: choices, specialValues: [:], hint: hint ?? "\(key.rawValue) is " + listing(values))
    }

    /// The canonical value for `text`, or nil when the key does not accept it.
    func canonical(_ text: String) -> String? {
        guard !text.isEmpty else { return nil }
        guard let choices else { return specialValues[text.lowercased()] ?? text }
        let spelled = String(text.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
        return choices[spelled]
    }

    private static func listing(_ values: [String]) -> String {
        guard values.count > 1 else { return values.first ?? "" }
        return values.dropLast().joined(separator: ", ") + " or " + values.last!
    }
}

/// The keys one list understands.
public struct FilterKeys: Sendable {
    public let rules: [FilterKeyRule]

    public init(_ rules: [FilterKeyRule]) { self.rules = rules }

    public func rule(named name: String) -> FilterKeyRule? {
        let lowered = name.lowercased()
        return rules.first { $0.key.rawValue == lowered }
    }

    /// The key names, in the order the list documents them: "status vendor type …".
    public var names: [String] { rules.map(\.key.rawValue) }

    private static let productStatus = FilterKeyRule.choice(.status, ProductStatus.allCases.map(\.rawValue))
    private static let vendor = FilterKeyRule.text(.vendor, hint: "vendor needs the start of a vendor name")
    private static let type = FilterKeyRule.text(.type, hint: "type needs the start of a product type")
    private static let category = FilterKeyRule.text(.category, hint: "category needs part of a category name")

    /// Catalog (products).
    public static let catalog = FilterKeys([
        productStatus, vendor, type, category,
        .text(.tag, hint: "tag needs a tag name"),
        .text(.channel, hint: "channel needs a channel code"),
        .choice(.stock, ["out"], aliases: ["0": "out"], hint: "stock is out (or 0)"),
        .choice(.attention, ["yes"], aliases: ["y": "yes", "1": "yes", "true": "yes"], hint: "attention is yes"),
    ])

    /// Pricing (variants).
    public static let pricing = FilterKeys([
        vendor, type, category,
        .choice(.floor, ["below"]),
        .choice(.cost, ["missing"]),
        productStatus,
    ])

    /// Stock (variants).
    public static let stock = FilterKeys([
        vendor, type,
        .text(.location, hint: "location needs a location code"),
        .choice(.stock, StockView.allCases.compactMap { $0 == .all ? nil : $0.rawValue }, aliases: ["0": "out"]),
    ])

    /// Promotions. Their state follows from the clock: the store compares with its own clock.
    public static let promotions = FilterKeys([
        .choice(.state, PromotionState.allCases.map(\.rawValue), aliases: ["running": PromotionState.active.rawValue]),
        .choice(
            .kind, PromotionKind.allCases.map(\.rawValue),
            aliases: [
                "percent": PromotionKind.percentage.rawValue, "amount": PromotionKind.fixedAmount.rawValue,
                "bundle": PromotionKind.buyXGetY.rawValue, "shipping": PromotionKind.freeShipping.rawValue,
            ]),
        .text(.code, hint: "code needs the start of a promotion code"),
    ])

    /// Complaints.
    public static let complaints = FilterKeys([
        .choice(
            .status, ComplaintStatus.allCases.map(\.rawValue),
            aliases: ["waiting": ComplaintStatus.waitingForCustomer.rawValue]),
        .choice(.priority, ComplaintPriority.allCases.map(\.rawValue)),
        .choice(.kind, ComplaintKind.allCases.map(\.rawValue)),
        .choice(.channel, ComplaintChannel.allCases.map(\.rawValue)),
        .text(.assignee, hint: "assignee needs a name, or none", special: ["none": ""]),
        .choice(.overdue, ["yes"]),
        .choice(.queue, ComplaintQueue.allCases.map(\.rawValue), aliases: ["all": ComplaintQueue.open.rawValue]),
    ])
}

/// A list filter as typed after `/`: whitespace-separated terms. A term `key:value` whose key the
/// list knows narrows by that field (keys are case-insensitive; a value may be quoted with double
/// quotes to hold spaces: `vendor:"Müller & Söhne"`). Every other term, an unknown `key:` too, is
/// free text, matched the way the list always matched text, so "Note: x" still finds a product
/// named "Note: x". All terms must match.
///
/// Double quotes only group: they are never part of a value or of the free text. Quoting a whole
/// term (`"type:A-1"`) makes it free text even when it starts with a known key.
///
/// A known key with a value it does not accept (`status:sold`) makes the whole filter match
/// nothing, and says why in `problems`, for the UI to show.
public struct FilterQuery: Hashable, Sendable {
    /// The free-text terms, without their quotes, joined by single spaces; "" when there are none.
    public let freeText: String
    public let fields: [FilterField]
    /// Why the filter matches nothing, one message per refused key: "status is draft, active or archived".
    public let problems: [String]

    public init(freeText: String, fields: [FilterField], problems: [String]) {
        self.freeText = freeText
        self.fields = fields
        self.problems = problems
    }

    public init(parsing text: String, keys: FilterKeys) {
        var free: [String] = []
        var fields: [FilterField] = []
        var problems: [String] = []
        for term in Self.terms(text) {
            guard let colon = term.firstIndex(of: ":"), let rule = keys.rule(named: String(term[..<colon])) else {
                let text = term.filter { $0 != "\"" }
                if !text.isEmpty { free.append(text) }
                continue
            }
            let value = String(term[term.index(after: colon)...].filter { $0 != "\"" }).trimmingWhitespace()
            if let canonical = rule.canonical(value) {
                fields.append(FilterField(key: rule.key, value: canonical))
            } else if !problems.contains(rule.hint) {
                problems.append(rule.hint)
            }
        }
        self.init(freeText: free.joined(separator: " "), fields: fields, problems: problems)
    }

    /// True when no row can match: some key was given a value it does not accept.
    public var matchesNothing: Bool { !problems.isEmpty }

    /// The terms of `text`, split at whitespace outside double quotes; the quotes stay in the terms.
    /// An unclosed quote runs to the end of the text.
    static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character.isWhitespace && !quoted {
                if !current.isEmpty { terms.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { terms.append(current) }
        return terms
    }
}
