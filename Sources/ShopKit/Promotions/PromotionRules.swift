/// How a fixed amount is taken off: from each unit in scope, or once from the order.
public enum AmountApplication: String, CaseIterable, Sendable, Codable {
    case perItem = "item"
    case perOrder = "order"
}

/// A code promotion has one code everyone types, or many codes each meant for one customer.
public enum PromotionCodeMode: String, CaseIterable, Sendable, Codable {
    case shared, unique
}

/// Where in the order of application a promotion acts (see docs/PROMOTIONS.md).
public enum PromotionLevel: Int, Comparable, Sendable {
    /// Percentages, amounts per item, buy-X-get-Y: prices of the items in scope.
    case item = 0
    /// Amounts per order: the goods total in scope, after every item-level discount.
    case order = 1
    /// Free shipping: the shipping charge, last.
    case shipping = 2

    public static func < (lhs: PromotionLevel, rhs: PromotionLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Buy `buy` units in scope, get `get` more at `percentOffBasisPoints` off (10,000 = free).
/// The discounted units are always the cheapest ones in scope.
public struct BuyXGetY: Hashable, Sendable, Codable {
    public var buy: Int64
    public var get: Int64
    public var percentOffBasisPoints: Int64

    public init(buy: Int64, get: Int64, percentOffBasisPoints: Int64 = 10_000) {
        self.buy = buy
        self.get = get
        self.percentOffBasisPoints = percentOffBasisPoints
    }

    /// Reads `buy2get1`, `buy2get1at50` (the extra unit at 50 % off) and `3for2` (buy 2 get 1).
    public init?(parsing rule: String) {
        // Splits "buy2get1at50" into words and numbers: ["buy", 2, "get", 1, "at", 50].
        var parts: [String] = []
        for character in rule.trimmingWhitespace().lowercased() {
            let isDigit = character.isASCII && character.isNumber
            if let last = parts.last, let lastCharacter = last.last, (lastCharacter.isASCII && lastCharacter.isNumber) == isDigit {
                parts[parts.count - 1].append(character)
            } else {
                parts.append(String(character))
            }
        }
        func number(_ index: Int) -> Int64? {
            guard index < parts.count, parts[index].count <= 4 else { return nil }
            return Int64(parts[index])
        }
        if parts.count >= 4, parts[0] == "buy", parts[2] == "get", let buy = number(1), let get = number(3) {
            if parts.count == 4 {
                self.init(buy: buy, get: get)
            } else if parts.count == 6, parts[4] == "at", let percent = number(5) {
                self.init(buy: buy, get: get, percentOffBasisPoints: percent * 100)
            } else {
                return nil
            }
        } else if parts.count == 3, parts[1] == "for", let take = number(0), let pay = number(2), take > pay {
            self.init(buy: pay, get: take - pay)
        } else {
            return nil
        }
    }

    /// Units one complete bundle holds.
    public var bundleSize: Int64 { buy + get }

    /// The canonical text: `buy2get1`, or `buy2get1at50` when the extra units are not free.
    public var ruleText: String {
        let base = "buy\(buy)get\(get)"
        return percentOffBasisPoints == 10_000 ? base : base + "at\(percentOffBasisPoints / 100)"
    }

    /// "buy 2, get 1 free" or "buy 2, get 1 at 50.0% off".
    public var label: String {
        let off = percentOffBasisPoints == 10_000 ? "free" : "at \(percentText(basisPoints: percentOffBasisPoints)) off"
        return "buy \(buy), get \(get) \(off)"
    }
}

extension Promotion {
    /// Where this promotion acts in the order of application.
    public var level: PromotionLevel {
        switch kind {
        case .freeShipping: .shipping
        case .fixedAmount where amountApplication == .perOrder: .order
        default: .item
        }
    }

    /// The buy-X-get-Y rule, from the numbers or else from the rule text.
    public var bundle: BuyXGetY? { buyXGetY ?? bundleRule.flatMap(BuyXGetY.init(parsing:)) }

    /// The scope's values (`scopeValue` split at `|`), trimmed, without empty ones.
    public var scopeValues: [String] { PromotionText.list(scopeValue) }

    /// The kinds this promotion stacks with: none when exclusive.
    public var combinableKinds: Set<PromotionKind> {
        combines ? (combinesWithKinds ?? Set(PromotionKind.allCases)) : []
    }

    /// Whether both promotions may apply to the same cart: each must accept the other's kind,
    /// and they cannot be meant for two different channels.
    public func combines(with other: Promotion) -> Bool {
        combinableKinds.contains(other.kind) && other.combinableKinds.contains(kind) && sharesChannel(with: other)
    }

    /// False only when both name a channel and the channels differ: no order is on two channels.
    public func sharesChannel(with other: Promotion) -> Bool {
        guard let mine = channel, let theirs = other.channel else { return true }
        return PromotionText.same(mine, theirs)
    }

    /// Whether both schedules have a moment in common (an end is exclusive).
    public func overlapsInTime(with other: Promotion) -> Bool {
        let starts = max(startsAt, other.startsAt)
        let ends = [endsAt, other.endsAt].compactMap { $0 }.min()
        return ends.map { starts < $0 } ?? true
    }

    /// Whether the shop could still have to honour it: not used up, not ended before `moment`.
    public func canApply(after moment: Timestamp) -> Bool {
        if let endsAt, endsAt <= moment { return false }
        if let usageLimit, uses >= usageLimit { return false }
        return true
    }
}

/// Text rules shared by scope matching, codes and the store: lists are `|`-separated and values
/// compare without regard to ASCII case (the way SQLite's NOCASE compares, so the store's
/// queries and these rules agree on every value).
public enum PromotionText {
    public static func list(_ text: String) -> [String] {
        text.split(separator: "|").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    public static func joined(_ values: [String]) -> String {
        values.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "|")
    }

    /// Trimmed, ASCII letters in lower case, every other character as it is. Byte-wise: in
    /// UTF-8 the bytes of ASCII letters never occur inside another character. Prices of a
    /// window are worked out over every running promotion, so this runs thousands of times a frame.
    public static func fold(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.utf8.contains(where: { (65...90).contains($0) }) else { return trimmed }
        return String(decoding: trimmed.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    public static func same(_ a: String, _ b: String) -> Bool { fold(a) == fold(b) }

    /// Whether `value` is among `folded` (values already folded).
    static func contains(folded: [String], _ value: String) -> Bool {
        guard !folded.isEmpty else { return false }
        let value = fold(value)
        return folded.contains(value)
    }

    static func contains(_ values: [String], _ value: String) -> Bool {
        guard !values.isEmpty else { return false }
        let folded = fold(value)
        return values.contains { fold($0) == folded }
    }
}
