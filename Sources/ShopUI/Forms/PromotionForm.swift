import ShopKit

/// The promotion form: the fields a shop manager sets every time, each named after the field the
/// domain's and the store's messages use, so a refusal lands under the field it is about.
/// Exclusions, channel, minimum quantity and the kinds it combines with are fields too.
extension FormState {
    typealias PromotionField = Field

    public static func promotion(_ original: Promotion?, now: Timestamp) -> FormState {
        let p = original
        let value: String
        switch p?.kind {
        case .percentage?: value = p?.percentBasisPoints.map(PromotionForm.percentText) ?? ""
        case .fixedAmount?:
            value = (p?.amount?.decimalText ?? "") + (p?.amountApplication == .perItem ? " each" : "")
        case .buyXGetY?: value = p?.bundle?.ruleText ?? p?.bundleRule ?? ""
        default: value = ""
        }
        let code = p?.codeMode == .unique ? "" : p?.code ?? ""
        let codeHint = p?.codeMode == .unique
            ? "it has unique codes (K lists them); a code typed here makes it one shared code"
            : "empty: automatic; or the code customers type, e.g. SUMMER10"
        return FormState(
            title: p.map { "Edit promotion \($0.name)" } ?? "New promotion", purpose: .promotion(original: original), fields: [
                Field(key: .named("name"), label: "Name", value: p?.name ?? ""),
                Field(key: .named("kind"), label: "Kind", value: PromotionForm.kindWord(p?.kind ?? .percentage),
                      hint: "percent, amount, bundle or shipping"),
                Field(key: .named("value"), label: "Value", value: value,
                      hint: "percent: 15 · amount: 10.00 (per order) or 10.00 each · bundle: buy2get1"),
                Field(key: .named("scope"), label: "Applies to", value: p.map(PromotionForm.scopeText) ?? "shop",
                      hint: "shop, or kind: values — category: Tea | Coffee (vendor, tag, collection, products, variants)"),
                Field(key: .named("exclusions"), label: "Except", value: p.map(PromotionForm.exclusionsText) ?? "",
                      hint: "products: handle | handle; variants: SKU | SKU; tags: tag — they always win"),
                Field(key: .named("channel"), label: "Channel", value: p?.channel ?? "",
                      hint: "only orders on this channel (web, amazon…); empty: every channel"),
                Field(key: .named("code"), label: "Code", value: code, hint: codeHint),
                Field(key: .named("starts_at"), label: "Starts (UTC)", value: PromotionForm.momentText(p?.startsAt ?? now, dayOnly: p == nil),
                      hint: "YYYY-MM-DD or YYYY-MM-DD HH:MM"),
                Field(key: .named("ends_at"), label: "Ends (UTC)", value: p?.endsAt.map { PromotionForm.momentText($0) } ?? "",
                      hint: "empty: open-ended; it stops at that moment"),
                Field(key: .named("usage_limit"), label: "Usage limit", value: p?.usageLimit.map(String.init) ?? "",
                      hint: "total uses; empty for no limit"),
                Field(key: .named("per_customer_limit"), label: "Per customer", value: p?.perCustomerLimit.map(String.init) ?? "",
                      hint: "uses per customer; empty for no limit"),
                Field(key: .named("minimum_order"), label: "Minimum order", value: p?.minimumOrder?.decimalText ?? "",
                      hint: "goods total an order needs; empty for none"),
                Field(key: .named("minimum_quantity"), label: "Minimum units", value: p?.minimumQuantity.map(String.init) ?? "",
                      hint: "units in scope an order needs; empty for none"),
                Field(key: .named("combines"), label: "Combines", value: p.map(PromotionForm.combinesText) ?? "no",
                      hint: "no: exclusive · yes: with all · or kinds: percent, shipping"),
            ])
    }

    /// N unique single-use codes with a prefix.
    public static func generateCodes(promotionID: Int64, name: String) -> FormState {
        FormState(title: "Generate codes for \(name)", purpose: .generateCodes(promotionID: promotionID, name: name), fields: [
            Field(key: .named("count"), label: "How many", value: "",
                  hint: "1 to \(PromotionCode.maximumGenerated.groupedDigits) unique single-use codes"),
            Field(key: .named("prefix"), label: "Prefix", value: "", hint: "optional, e.g. XMAS- (letters, digits, - and _)"),
        ])
    }

    /// When (and with which code) to explain a price; `sku` asked when the variant is not chosen yet.
    public static func explainPrice(variantID: Int64?, label: String, sku: String, code: String, now: Timestamp) -> FormState {
        var fields: [Field] = []
        if variantID == nil {
            fields.append(Field(key: .named("sku"), label: "SKU", value: sku, hint: "a variant the promotion applies to"))
        }
        fields.append(Field(key: .named("date"), label: "Date (UTC)", value: now.dateText,
                            hint: "YYYY-MM-DD (today: now) or YYYY-MM-DD HH:MM"))
        fields.append(Field(key: .named("code"), label: "Code", value: code, hint: "optional: a code the customer types"))
        return FormState(title: "Explain the price of \(label)", purpose: .explainPrice(variantID: variantID), fields: fields)
    }

    func text(_ name: String) -> String {
        fields.first { $0.key == .named(name) }?.editor.text.trimmingWhitespace() ?? ""
    }
}

/// Reading and writing the promotion form's texts. Money and percentages are parsed into
/// integers (minor units, basis points); nothing goes through floating point.
enum PromotionForm {
    static func kindWord(_ kind: PromotionKind) -> String {
        switch kind {
        case .percentage: "percent"
        case .fixedAmount: "amount"
        case .buyXGetY: "bundle"
        case .freeShipping: "shipping"
        }
    }

    static func kind(_ text: String) throws(ValidationError) -> PromotionKind {
        switch text.lowercased() {
        case "percent", "percentage", "%": return .percentage
        case "amount", "fixed", "fixed_amount": return .fixedAmount
        case "bundle", "buy_x_get_y", "bxgy": return .buyXGetY
        case "shipping", "free_shipping": return .freeShipping
        default:
            throw ValidationError(field: "kind", message: "\"\(text.prefix(16))\" is not a kind of promotion",
                                  hint: "percent, amount, bundle or shipping")
        }
    }

    /// "15" → 1,500 basis points; "12.5" → 1,250. At most two decimals.
    static func basisPoints(_ text: String) throws(ValidationError) -> Int64 {
        var body = text.hasSuffix("%") ? String(text.dropLast()).trimmingWhitespace() : text
        let negative = body.hasPrefix("-")
        if negative { body.removeFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole < 1_000_000,
              parts.count == 1 || (parts[1].count <= 2 && parts[1].allSatisfy(\.isNumber)) else {
            throw ValidationError(field: "value", message: "\"\(text.prefix(16))\" is not a percentage", hint: "e.g. 15 or 12.5")
        }
        var fraction: Int64 = 0
        if parts.count == 2, !parts[1].isEmpty {
            fraction = Int64(String(parts[1]))! * (parts[1].count == 1 ? 10 : 1)
        }
        let value = whole * 100 + fraction
        return negative ? -value : value
    }

    static func percentText(_ basisPoints: Int64) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        if fraction == 0 { return String(whole) }
        return "\(whole)." + (fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction))
    }

    static func scopeText(_ promotion: Promotion) -> String {
        promotion.scope == .shop ? "shop" : promotion.scope.rawValue + ": " + promotion.scopeValues.joined(separator: " | ")
    }

    static func scope(_ text: String) throws(ValidationError) -> (PromotionScope, String) {
        let lowered = text.lowercased()
        if lowered.isEmpty || lowered == "shop" || lowered == "whole shop" { return (.shop, "") }
        let kinds = PromotionScope.allCases.map(\.rawValue).joined(separator: ", ")
        guard let colon = text.firstIndex(of: ":") else {
            throw ValidationError(field: "scope", message: "write what it applies to as kind: values",
                                  hint: "e.g. category: Tea — kinds are \(kinds)")
        }
        var name = String(text[..<colon]).trimmingWhitespace().lowercased()
        if PromotionScope(rawValue: name) == nil, name.hasSuffix("s") { name.removeLast() }
        if name == "categorie" { name = "category" }
        if name == "product" { name = "products" }
        if name == "variant" || name == "sku" { name = "variants" }
        guard let scope = PromotionScope(rawValue: name) else {
            throw ValidationError(field: "scope", message: "\"\(name.prefix(16))\" is not a kind of scope", hint: "one of \(kinds)")
        }
        return (scope, PromotionText.joined(PromotionText.list(String(text[text.index(after: colon)...]))))
    }

    /// "2026-11-20" (midnight UTC) or "2026-11-20 14:30".
    static func moment(_ text: String, field: String) throws(ValidationError) -> Timestamp {
        var typed = text.trimmingWhitespace()
        if typed.count == 16 { typed += ":00" }
        guard typed.count == 10 || typed.count == 19, let moment = Timestamp(iso8601: typed) else {
            throw ValidationError(field: field, message: "\"\(text.prefix(20))\" is not a date",
                                  hint: "type it as 2026-11-20 or 2026-11-20 14:30 (UTC)")
        }
        return moment
    }

    static func momentText(_ moment: Timestamp, dayOnly: Bool = false) -> String {
        let minute = moment.minuteText
        return dayOnly || minute.hasSuffix("00:00") ? moment.dateText : minute
    }

    /// "products: a | b; variants: SKU-1; tags: sale" — each part optional.
    static func exclusionsText(_ promotion: Promotion) -> String {
        [("products", promotion.excludedProducts), ("variants", promotion.excludedVariants), ("tags", promotion.excludedTags)]
            .filter { !$0.1.isEmpty }.map { $0.0 + ": " + $0.1.joined(separator: " | ") }.joined(separator: "; ")
    }

    static func exclusions(_ text: String) throws(ValidationError) -> (products: [String], variants: [String], tags: [String]) {
        var result: (products: [String], variants: [String], tags: [String]) = ([], [], [])
        for part in text.split(separator: ";").map({ String($0).trimmingWhitespace() }) where !part.isEmpty {
            guard let colon = part.firstIndex(of: ":") else {
                throw ValidationError(field: "exclusions", message: "write exclusions as kind: values",
                                      hint: "e.g. variants: SKU-1 | SKU-2; tags: clearance")
            }
            let values = PromotionText.list(String(part[part.index(after: colon)...]))
            switch String(part[..<colon]).trimmingWhitespace().lowercased() {
            case "products", "product": result.products += values
            case "variants", "variant", "skus", "sku": result.variants += values
            case "tags", "tag": result.tags += values
            case let other:
                throw ValidationError(field: "exclusions", message: "\"\(other.prefix(16))\" cannot be excluded",
                                      hint: "products, variants or tags")
            }
        }
        return result
    }

    static func combinesText(_ promotion: Promotion) -> String {
        guard promotion.combines else { return "no" }
        guard let kinds = promotion.combinesWithKinds, kinds != Set(PromotionKind.allCases) else { return "yes" }
        return PromotionKind.allCases.filter(kinds.contains).map(kindWord).joined(separator: ", ")
    }

    /// "no", "yes", or the kinds it stacks with ("percent, shipping").
    static func combines(_ text: String) throws(ValidationError) -> (Bool, Set<PromotionKind>?) {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "all": return (true, nil)
        case "no", "n", "false", "0", "": return (false, nil)
        default:
            var kinds: Set<PromotionKind> = []
            for word in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "|" }) {
                do { kinds.insert(try kind(String(word))) } catch {
                    throw ValidationError(field: "combines", message: "\"\(word.prefix(16))\" is not yes, no or a kind",
                                          hint: "no, yes, or kinds such as percent, shipping")
                }
            }
            return (true, kinds)
        }
    }

    static func count(_ text: String, field: String) throws(ValidationError) -> Int64? {
        guard !text.isEmpty else { return nil }
        guard let number = Int64(text) else {
            throw ValidationError(field: field, message: "\"\(text.prefix(16))\" is not a whole number", hint: "e.g. 100, or empty")
        }
        return number
    }

    /// The promotion the form describes, on top of the original (for an edit) or a new one.
    static func promotion(_ form: FormState, original: Promotion?, currency: Currency) throws(ValidationError) -> Promotion {
        let kind = try kind(form.text("kind"))
        var p = original ?? Promotion(name: "", kind: kind, startsAt: Timestamp(secondsSince1970: 0))
        p.name = form.text("name")
        p.kind = kind
        p.percentBasisPoints = nil
        p.amount = nil
        p.bundleRule = nil
        p.buyXGetY = nil
        let value = form.text("value")
        switch kind {
        case .percentage:
            guard !value.isEmpty else {
                throw ValidationError(field: "value", message: "the percentage is empty", hint: "e.g. 15")
            }
            p.percentBasisPoints = try basisPoints(value)
        case .fixedAmount:
            let each = value.lowercased().hasSuffix("each")
            let amountText = each ? String(value.dropLast(4)) : value
            p.amount = try MoneyParser.parse(amountText, currency: currency, field: "value")
            p.amountApplication = each ? .perItem : .perOrder
        case .buyXGetY:
            p.bundleRule = value
        case .freeShipping:
            break
        }
        (p.scope, p.scopeValue) = try scope(form.text("scope"))
        let code = form.text("code")
        if !code.isEmpty {
            p.trigger = .code
            p.codeMode = .shared
            p.code = code
        } else if original?.codeMode == .unique {
            p.trigger = .code
        } else {
            p.trigger = .automatic
            p.code = nil
        }
        let starts = form.text("starts_at")
        guard !starts.isEmpty else {
            throw ValidationError(field: "starts_at", message: "the start is empty", hint: "e.g. 2026-11-20")
        }
        p.startsAt = try moment(starts, field: "starts_at")
        let ends = form.text("ends_at")
        p.endsAt = ends.isEmpty ? nil : try moment(ends, field: "ends_at")
        p.usageLimit = try count(form.text("usage_limit"), field: "usage_limit")
        p.perCustomerLimit = try count(form.text("per_customer_limit"), field: "per_customer_limit")
        let minimum = form.text("minimum_order")
        p.minimumOrder = minimum.isEmpty ? nil : try MoneyParser.parse(minimum, currency: currency, field: "minimum_order")
        p.minimumQuantity = try count(form.text("minimum_quantity"), field: "minimum_quantity")
        let channel = form.text("channel")
        p.channel = channel.isEmpty ? nil : channel
        (p.excludedProducts, p.excludedVariants, p.excludedTags) = try exclusions(form.text("exclusions"))
        (p.combines, p.combinesWithKinds) = try combines(form.text("combines"))
        try p.validate(currency: currency)
        return p
    }
}

extension Int {
    /// "10,000": thousands grouped for messages.
    var groupedDigits: String { Format.quantity(Int64(self)) }
}
