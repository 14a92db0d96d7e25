/// Something about a product's content that a manager should fix, ordered worst first: a product
/// that cannot be bought correctly (no price, a SKU or barcode that points at two articles, an
/// active listing with nothing to sell) comes before one that merely sells less well (no text,
/// no image) and before search-engine details.
///
/// `Comparable` follows that order, worst first, so `issues.sorted()` lists the worst at the top.
public enum ContentIssue: String, CaseIterable, Comparable, Sendable, Codable {
    case priceMissing = "price_missing"
    case duplicateSKU = "duplicate_sku"
    case duplicateBarcode = "duplicate_barcode"
    case activeWithoutStock = "active_without_stock"
    case noDescription = "no_description"
    case noImage = "no_image"
    case seoTitleMissing = "seo_title_missing"
    case seoTitleTooLong = "seo_title_too_long"
    case seoDescriptionMissing = "seo_description_missing"
    case seoDescriptionTooLong = "seo_description_too_long"

    /// A few words for a list column.
    public var label: String {
        switch self {
        case .priceMissing: "no price"
        case .duplicateSKU: "duplicate SKU"
        case .duplicateBarcode: "duplicate barcode"
        case .activeWithoutStock: "active, no stock"
        case .noDescription: "no description"
        case .noImage: "no image"
        case .seoTitleMissing: "no SEO title"
        case .seoTitleTooLong: "SEO title too long"
        case .seoDescriptionMissing: "no SEO description"
        case .seoDescriptionTooLong: "SEO description too long"
        }
    }

    /// 0 for the worst issue, rising as issues get milder.
    public var severityRank: Int { Self.allCases.firstIndex(of: self)! }

    /// Each issue weighs more than all milder issues together (powers of two), so ordering by score
    /// is ordering by the worst issue first, then the next worst, and so on.
    public var weight: Int { 1 << (Self.allCases.count - 1 - severityRank) }

    public static func < (lhs: ContentIssue, rhs: ContentIssue) -> Bool { lhs.severityRank < rhs.severityRank }
}

/// What the content check needs to know about one product, gathered by whoever lists products.
/// Duplicates are found across the catalogue, so they arrive here as flags.
public struct ContentHealthInput: Hashable, Sendable {
    public var status: ProductStatus
    public var bodyHTML: String
    public var imageCount: Int
    public var seoTitle: String
    public var seoDescription: String
    /// Units on hand over all variants and locations.
    public var totalStock: Int64
    public var anyVariantWithoutPrice: Bool
    public var hasDuplicateSKU: Bool
    public var hasDuplicateBarcode: Bool

    public init(
        status: ProductStatus, bodyHTML: String, imageCount: Int, seoTitle: String, seoDescription: String,
        totalStock: Int64, anyVariantWithoutPrice: Bool = false, hasDuplicateSKU: Bool = false,
        hasDuplicateBarcode: Bool = false
    ) {
        self.status = status
        self.bodyHTML = bodyHTML
        self.imageCount = imageCount
        self.seoTitle = seoTitle
        self.seoDescription = seoDescription
        self.totalStock = totalStock
        self.anyVariantWithoutPrice = anyVariantWithoutPrice
        self.hasDuplicateSKU = hasDuplicateSKU
        self.hasDuplicateBarcode = hasDuplicateBarcode
    }
}

/// The content check: which issues a product has, and a score to sort "needs attention" lists.
public enum ContentHealth {
    /// The product's issues, worst first.
    public static func issues(_ input: ContentHealthInput) -> [ContentIssue] {
        var found: [ContentIssue] = []
        if input.anyVariantWithoutPrice { found.append(.priceMissing) }
        if input.hasDuplicateSKU { found.append(.duplicateSKU) }
        if input.hasDuplicateBarcode { found.append(.duplicateBarcode) }
        // Only an active product is offered to customers; a draft without stock is normal.
        if input.status == .active && input.totalStock <= 0 { found.append(.activeWithoutStock) }
        if isBlank(html: input.bodyHTML) { found.append(.noDescription) }
        if input.imageCount <= 0 { found.append(.noImage) }
        let seoTitle = input.seoTitle.trimmingWhitespace()
        if seoTitle.isEmpty { found.append(.seoTitleMissing) }
        if seoTitle.count > CatalogRules.seoTitleLimit { found.append(.seoTitleTooLong) }
        let seoDescription = input.seoDescription.trimmingWhitespace()
        if seoDescription.isEmpty { found.append(.seoDescriptionMissing) }
        if seoDescription.count > CatalogRules.seoDescriptionLimit { found.append(.seoDescriptionTooLong) }
        return found.sorted()
    }

    /// Higher is worse; 0 means nothing to fix. See `ContentIssue.weight`.
    public static func score(_ issues: [ContentIssue]) -> Int {
        Set(issues).reduce(0) { $0 + $1.weight }
    }

    public static func score(_ input: ContentHealthInput) -> Int { score(issues(input)) }

    /// True when the body shows nothing to a customer: empty, or only whitespace, non-breaking
    /// spaces and tags — what an editor leaves behind as `<p><br></p>` or `<p>&nbsp;</p>`.
    /// A `<` not followed by a letter, `/`, `!` or `?` is text ("a < b"), not a tag.
    public static func isBlank(html: String) -> Bool {
        var inTag = false
        var characters = Substring(html)
        while let character = characters.first {
            characters = characters.dropFirst()
            if inTag {
                if character == ">" { inTag = false }
                continue
            }
            if character == "<", let next = characters.first,
               next.isLetter || next == "/" || next == "!" || next == "?" {
                inTag = true
                continue
            }
            if character == "&" {
                let entity = characters.prefix { $0 != ";" && $0 != "&" && !$0.isWhitespace }
                let rest = characters.dropFirst(entity.count)
                if rest.first == ";", ["nbsp", "#160", "#xa0", "#xA0", "ensp", "emsp", "thinsp"].contains(String(entity)) {
                    characters = rest.dropFirst()
                    continue
                }
            }
            if !character.isWhitespace { return false }
        }
        return true
    }
}
