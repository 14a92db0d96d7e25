/// A variant as promotions see it: what a scope can name, and the money the guard compares.
public struct PricedVariant: Hashable, Sendable, Identifiable {
    public let id: Int64
    public let sku: String
    public let productID: Int64
    public let productHandle: String
    public let productTitle: String
    public let productType: String
    /// The full category name, e.g. "Apparel & Accessories > Shoes"; empty when none.
    public let category: String
    public let vendor: String
    public let tags: [String]
    /// Handles and titles of the collections holding the product.
    public let collections: [String]
    public let price: Money
    public let cost: Money?

    public init(
        id: Int64, sku: String, productID: Int64 = 0, productHandle: String = "", productTitle: String = "",
        productType: String = "", category: String = "", vendor: String = "", tags: [String] = [],
        collections: [String] = [], price: Money, cost: Money? = nil
    ) {
        self.id = id
        self.sku = sku
        self.productID = productID
        self.productHandle = productHandle
        self.productTitle = productTitle
        self.productType = productType
        self.category = category
        self.vendor = vendor
        self.tags = tags
        self.collections = collections
        self.price = price
        self.cost = cost
    }

    /// The SKU, or "variant 12" when it has none: how messages name it.
    public var label: String { sku.isEmpty ? "variant \(id)" : sku }
}

/// Whether a promotion's scope takes in a variant.
public enum ScopeMatch: Hashable, Sendable {
    case covered
    case notInScope
    /// In scope, but named by one of the exclusions (the text says which).
    case excluded(String)
}

extension Promotion {
    /// Scope first, exclusions second: an excluded product stays out even when its category is in.
    public func scopeMatch(_ variant: PricedVariant) -> ScopeMatch {
        let values = foldedScopeValues
        let inScope: Bool = switch scope {
        case .shop: true
        case .category:
            PromotionText.contains(folded: values, variant.productType)
                || (!variant.category.isEmpty && PromotionText.contains(folded: values, variant.category))
        case .vendor: PromotionText.contains(folded: values, variant.vendor)
        case .tag: variant.tags.contains { PromotionText.contains(folded: values, $0) }
        case .collection: variant.collections.contains { PromotionText.contains(folded: values, $0) }
        case .products: PromotionText.contains(folded: values, variant.productHandle)
        case .variants: !variant.sku.isEmpty && PromotionText.contains(folded: values, variant.sku)
        }
        guard inScope else { return .notInScope }
        if PromotionText.contains(excludedProducts, variant.productHandle) {
            return .excluded("product \(variant.productHandle) is excluded")
        }
        if !variant.sku.isEmpty && PromotionText.contains(excludedVariants, variant.sku) {
            return .excluded("variant \(variant.sku) is excluded")
        }
        if let tag = variant.tags.first(where: { PromotionText.contains(excludedTags, $0) }) {
            return .excluded("tag \(tag) is excluded")
        }
        return .covered
    }

    public func covers(_ variant: PricedVariant) -> Bool { scopeMatch(variant) == .covered }
}
