import GRDB
import ShopKit

/// How a `Promotion` maps to the promotion table: one place for reading a row and for the
/// columns a save writes (field names in the audit log are the column names).
enum PromotionColumns {
    /// The select list every promotion read uses; `first_code` stands for the shared code.
    static let selection = """
        pr.*, (SELECT code FROM promotion_code pc WHERE pc.promotion_id = pr.id ORDER BY pc.id LIMIT 1) AS first_code
        """

    static func promotion(_ row: Row, currency: Currency) throws -> Promotion {
        guard let kind = PromotionKind(rawValue: row["kind"]), let startsAt = Timestamp(iso8601: row["starts_at"]) else {
            throw WriteError.unavailable("promotion \(row["id"] as Int64) has an unreadable kind or start")
        }
        let money = { (column: String) in (row[column] as Int64?).map { Money(minorUnits: $0, currency: currency) } }
        var bundle: BuyXGetY?
        if let buy = row["buy_quantity"] as Int64?, let get = row["get_quantity"] as Int64? {
            bundle = BuyXGetY(buy: buy, get: get, percentOffBasisPoints: row["get_percent_bp"] ?? 10_000)
        }
        let combinesWith = PromotionText.list((row["combines_with"] as String?) ?? "").compactMap(PromotionKind.init(rawValue:))
        return Promotion(
            id: row["id"], name: row["name"], kind: kind, percentBasisPoints: row["percent_bp"], amount: money("amount_minor"),
            bundleRule: row["bundle_rule"], trigger: PromotionTrigger(rawValue: row["trigger"]) ?? .automatic,
            code: row["first_code"], scope: PromotionScope(rawValue: row["scope"]) ?? .shop, scopeValue: row["scope_value"],
            minimumOrder: money("min_order_minor"), startsAt: startsAt,
            endsAt: (row["ends_at"] as String?).flatMap(Timestamp.init(iso8601:)), paused: row["paused"],
            usageLimit: row["usage_limit"], perCustomerLimit: row["per_customer_limit"], combines: row["combines"],
            uses: row["uses"], version: row["version"],
            amountApplication: AmountApplication(rawValue: (row["amount_applies_to"] as String?) ?? "") ?? .perOrder,
            buyXGetY: bundle, excludedProducts: PromotionText.list(row["excluded_products"] ?? ""),
            excludedVariants: PromotionText.list(row["excluded_variants"] ?? ""),
            excludedTags: PromotionText.list(row["excluded_tags"] ?? ""), channel: row["channel_code"],
            minimumQuantity: row["min_quantity"], combinesWithKinds: combinesWith.isEmpty ? nil : Set(combinesWith),
            codeMode: PromotionCodeMode(rawValue: (row["code_mode"] as String?) ?? "") ?? .shared,
            marginOverride: (row["margin_override"] as Bool?) ?? false)
    }

    /// The columns a save writes, from a promotion already normalised by `normalized(_:)`.
    /// Not here: the code (a row of its own), `uses`, `margin_override` and the bookkeeping.
    static func writes(_ promotion: Promotion) -> [FieldWrite] {
        let bundle = promotion.kind == .buyXGetY ? promotion.bundle : nil
        let kinds = promotion.combinesWithKinds.map { $0.map(\.rawValue).sorted().joined(separator: "|") } ?? ""
        let values: [(String, FieldValue)] = [
            ("name", .text(promotion.name.trimmingWhitespace())),
            ("kind", .text(promotion.kind.rawValue)),
            ("percent_bp", promotion.percentBasisPoints.map(FieldValue.integer) ?? .none),
            ("amount_minor", promotion.amount.map(FieldValue.money) ?? .none),
            ("amount_applies_to", .text(promotion.amountApplication.rawValue)),
            ("bundle_rule", bundle.map { .text($0.ruleText) } ?? .none),
            ("buy_quantity", bundle.map { .integer($0.buy) } ?? .none),
            ("get_quantity", bundle.map { .integer($0.get) } ?? .none),
            ("get_percent_bp", bundle.map { .integer($0.percentOffBasisPoints) } ?? .none),
            ("trigger", .text(promotion.trigger.rawValue)),
            ("code_mode", .text(promotion.codeMode.rawValue)),
            ("scope", .text(promotion.scope.rawValue)),
            ("scope_value", .text(promotion.scope == .shop ? "" : PromotionText.joined(promotion.scopeValues))),
            ("excluded_products", .text(PromotionText.joined(promotion.excludedProducts))),
            ("excluded_variants", .text(PromotionText.joined(promotion.excludedVariants))),
            ("excluded_tags", .text(PromotionText.joined(promotion.excludedTags))),
            ("channel_code", promotion.channel.map(FieldValue.text) ?? .none),
            ("min_order_minor", promotion.minimumOrder.map(FieldValue.money) ?? .none),
            ("min_quantity", promotion.minimumQuantity.map(FieldValue.integer) ?? .none),
            ("starts_at", .text(promotion.startsAt.iso8601)),
            ("ends_at", promotion.endsAt.map { .text($0.iso8601) } ?? .none),
            ("paused", .integer(promotion.paused ? 1 : 0)),
            ("usage_limit", promotion.usageLimit.map(FieldValue.integer) ?? .none),
            ("per_customer_limit", promotion.perCustomerLimit.map(FieldValue.integer) ?? .none),
            ("combines", .integer(promotion.combines ? 1 : 0)),
            ("combines_with", .text(promotion.combines ? kinds : "")),
        ]
        return values.map { FieldWrite(field: $0.0, column: $0.0, value: $0.1) }
    }

    /// The promotion as it is saved: values of other kinds dropped (a percentage keeps no amount),
    /// the bundle rule in its canonical form, the code in capitals.
    static func normalized(_ promotion: Promotion) throws -> Promotion {
        var result = promotion
        if result.kind != .percentage { result.percentBasisPoints = nil }
        if result.kind != .fixedAmount { result.amount = nil; result.amountApplication = .perOrder }
        if result.kind == .buyXGetY {
            result.buyXGetY = result.bundle
            result.bundleRule = result.buyXGetY?.ruleText
        } else {
            result.buyXGetY = nil
            result.bundleRule = nil
        }
        if result.trigger == .automatic {
            result.code = nil
            result.codeMode = .shared
        } else if result.codeMode == .shared, let code = result.code {
            result.code = try PromotionCode.normalized(code)
        }
        if result.scope == .shop { result.scopeValue = "" }
        return result
    }
}
