import ShopKit

/// Small builders for the promotion tests: euro amounts in cents, one fixed start.
enum Fixture {
    static let start = Timestamp(iso8601: "2030-03-01T00:00:00Z")!
    static let during = start.adding(days: 1)

    static func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .eur) }

    static func variant(
        _ id: Int64, sku: String? = nil, price: Int64, cost: Int64? = nil, type: String = "Tea", vendor: String = "Teekontor",
        tags: [String] = [], handle: String? = nil, category: String = "", collections: [String] = []
    ) -> PricedVariant {
        PricedVariant(
            id: id, sku: sku ?? "SKU-\(id)", productID: id, productHandle: handle ?? "product-\(id)", productTitle: "Product \(id)",
            productType: type, category: category, vendor: vendor, tags: tags, collections: collections, price: euros(price),
            cost: cost.map(euros))
    }

    static func percent(
        _ id: Int64, _ percent: Int64, name: String? = nil, combines: Bool = true, scope: PromotionScope = .shop,
        values: String = "", endsInDays: Int64? = nil, startsInDays: Int64 = 0
    ) -> Promotion {
        Promotion(
            id: id, name: name ?? "\(percent) % off", kind: .percentage, percentBasisPoints: percent * 100, scope: scope,
            scopeValue: values, startsAt: start.adding(days: startsInDays), endsAt: endsInDays.map { start.adding(days: $0) },
            combines: combines)
    }

    static func amount(
        _ id: Int64, _ cents: Int64, per application: AmountApplication, name: String? = nil, minimumOrder: Int64? = nil,
        combines: Bool = true
    ) -> Promotion {
        Promotion(
            id: id, name: name ?? "\(euros(cents)) off", kind: .fixedAmount, amount: euros(cents),
            minimumOrder: minimumOrder.map(euros), startsAt: start, combines: combines, amountApplication: application)
    }

    static func bundle(_ id: Int64, _ rule: String, name: String? = nil, combines: Bool = true) -> Promotion {
        Promotion(id: id, name: name ?? rule, kind: .buyXGetY, bundleRule: rule, startsAt: start, combines: combines)
    }

    static func cart(_ lines: [(PricedVariant, Int64)], shipping: Int64 = 0) -> Cart {
        Cart(lines: lines.map { CartLine(variant: $0.0, quantity: $0.1) }, shipping: euros(shipping))
    }

    static func quote(_ cart: Cart, _ promotions: [Promotion], at: Timestamp = during, codes: [String] = [],
                      channel: String? = nil, customerUses: [Int64: Int64] = [:]) -> CartQuote {
        PriceEngine.quote(
            cart, promotions: promotions,
            context: PricingContext(at: at, codes: codes, channel: channel, customerUses: customerUses))
    }

    /// The reason the quote gives for skipping a promotion, if it skipped it.
    static func skipReason(_ quote: CartQuote, _ id: Int64) -> PromotionSkipReason? {
        for case .skipped(let skippedID, _, let reason) in quote.trace where skippedID == id { return reason }
        return nil
    }
}
