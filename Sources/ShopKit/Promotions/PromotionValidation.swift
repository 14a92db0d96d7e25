extension Promotion {
    /// The most values one scope or exclusion list may hold (each becomes a bound parameter).
    public static let maximumScopeValues = 500

    /// Every rule a promotion must meet before it is saved; throws the first one broken, naming
    /// the field the form shows it under. Whether a code is already taken is the store's check.
    public func validate(currency: Currency? = nil) throws(ValidationError) {
        try Self.validate(
            name: name, kind: kind, percentBasisPoints: percentBasisPoints, amount: amount, startsAt: startsAt, endsAt: endsAt)
        if name.count > 120 {
            throw ValidationError(field: "name", message: "name is too long", hint: "use at most 120 characters")
        }
        if let currency {
            for money in [amount, minimumOrder].compactMap({ $0 }) where money.currency != currency {
                throw ValidationError(
                    field: money == amount ? "value" : "minimum_order",
                    message: "the amount is in \(money.currency.code), the shop uses \(currency.code)",
                    hint: "enter the amount in \(currency.code)")
            }
        }
        if kind == .buyXGetY {
            guard let bundle else {
                throw ValidationError(
                    field: "value", message: "the buy-X-get-Y rule \"\(bundleRule ?? "")\" is not understood",
                    hint: "e.g. buy2get1, 3for2 or buy2get1at50")
            }
            guard (1...1_000).contains(bundle.buy), (1...1_000).contains(bundle.get) else {
                throw ValidationError(field: "value", message: "buy and get must each be 1 to 1,000 units", hint: "e.g. buy 2, get 1")
            }
            guard bundle.percentOffBasisPoints > 0, bundle.percentOffBasisPoints <= 10_000 else {
                throw ValidationError(
                    field: "value", message: "the discount on the extra units must be above 0 and at most 100%",
                    hint: "100 makes them free")
            }
        }
        try validateScope()
        try validateLimits()
        if trigger == .code && codeMode == .shared {
            guard let code, !code.trimmingWhitespace().isEmpty else {
                throw ValidationError(field: "code", message: "a code promotion needs its code", hint: "e.g. SUMMER10")
            }
            _ = try PromotionCode.normalized(code)
        }
        if let channel, channel.trimmingWhitespace().isEmpty {
            throw ValidationError(field: "channel", message: "the channel is blank", hint: "name a channel such as web, or none for all")
        }
        if combines, let kinds = combinesWithKinds, kinds.isEmpty {
            throw ValidationError(
                field: "combines", message: "it combines, but with no kind of promotion",
                hint: "choose the kinds it stacks with, or make it exclusive")
        }
    }

    private func validateScope() throws(ValidationError) {
        let values = scopeValues
        if scope != .shop && values.isEmpty {
            throw ValidationError(
                field: "scope", message: "the \"\(scope.rawValue)\" scope names no \(Self.scopeNoun(scope))",
                hint: "choose at least one, or make it apply to the whole shop")
        }
        for (field, list) in [("scope", values), ("excluded_products", excludedProducts),
                              ("excluded_variants", excludedVariants), ("excluded_tags", excludedTags)]
        where list.count > Self.maximumScopeValues {
            throw ValidationError(
                field: field, message: "\(list.count) values are too many",
                hint: "use at most \(Self.maximumScopeValues); a tag or collection can group the rest")
        }
        for value in values + excludedProducts + excludedVariants + excludedTags where value.contains("|") {
            throw ValidationError(field: "scope", message: "\"\(value)\" holds a |", hint: "| separates values")
        }
    }

    private func validateLimits() throws(ValidationError) {
        if let minimumOrder, minimumOrder.minorUnits <= 0 {
            throw ValidationError(field: "minimum_order", message: "a minimum order must be above zero", hint: "leave it empty for none")
        }
        if let minimumQuantity, minimumQuantity < 1 {
            throw ValidationError(field: "minimum_quantity", message: "a minimum quantity must be at least 1", hint: "leave it empty for none")
        }
        if let usageLimit, usageLimit < 1 {
            throw ValidationError(field: "usage_limit", message: "a usage limit must be at least 1", hint: "leave it empty for no limit")
        }
        if let perCustomerLimit, perCustomerLimit < 1 {
            throw ValidationError(
                field: "per_customer_limit", message: "a limit per customer must be at least 1", hint: "leave it empty for no limit")
        }
        if let usageLimit, let perCustomerLimit, perCustomerLimit > usageLimit {
            throw ValidationError(
                field: "per_customer_limit", message: "the limit per customer is above the total limit",
                hint: "lower it to \(usageLimit) or less")
        }
    }

    static func scopeNoun(_ scope: PromotionScope) -> String {
        switch scope {
        case .shop: "products"
        case .category: "categories"
        case .vendor: "vendors"
        case .tag: "tags"
        case .collection: "collections"
        case .products: "products"
        case .variants: "variants"
        }
    }
}

/// Promotion codes: what a valid code looks like, and how many unique codes one request may make.
public enum PromotionCode {
    /// More single-use codes than this in one request is a mistake, not a campaign.
    public static let maximumGenerated = 10_000
    public static let maximumLength = 40
    public static let maximumPrefixLength = 20

    /// The code in capitals, or why it is not a code: 3 to 40 letters A–Z, digits, `-` or `_`.
    public static func normalized(_ text: String, field: String = "code") throws(ValidationError) -> String {
        let code = text.trimmingWhitespace().uppercased()
        guard code.count >= 3, code.count <= maximumLength else {
            throw ValidationError(
                field: field, message: "a code has 3 to \(maximumLength) characters", hint: "e.g. SUMMER10")
        }
        guard code.unicodeScalars.allSatisfy(isCodeCharacter) else {
            throw ValidationError(
                field: field, message: "code \"\(text.prefix(20))\" holds characters a customer cannot type reliably",
                hint: "use letters A–Z, digits, - and _")
        }
        return code
    }

    /// Checks a request for unique codes: the count and the prefix. Returns the prefix in capitals.
    public static func validateRequest(count: Int, prefix: String) throws(ValidationError) -> String {
        guard count >= 1, count <= maximumGenerated else {
            throw ValidationError(
                field: "count", message: "\(count) codes cannot be generated at once",
                hint: "ask for 1 to \(maximumGenerated.groupedText)")
        }
        let normalized = prefix.trimmingWhitespace().uppercased()
        guard normalized.count <= maximumPrefixLength, normalized.unicodeScalars.allSatisfy(isCodeCharacter) else {
            throw ValidationError(
                field: "prefix", message: "prefix \"\(prefix.prefix(24))\" is not usable in a code",
                hint: "use at most \(maximumPrefixLength) letters A–Z, digits, - and _")
        }
        return normalized
    }

    static func isCodeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        (65...90).contains(scalar.value) || (48...57).contains(scalar.value) || scalar == "-" || scalar == "_"
    }
}

extension Int {
    /// "10,000": grouped thousands without Foundation.
    var groupedText: String {
        var digits = String(self.magnitude)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return (self < 0 ? "-" : "") + digits + grouped
    }
}
