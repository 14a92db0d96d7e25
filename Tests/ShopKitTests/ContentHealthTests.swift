import ShopKit
import Testing

/// Which content problems a product has, and how "needs attention" lists sort them.
@Suite("Content health")
struct ContentHealthTests {
    /// A product with nothing to fix; each test spoils one thing.
    private static func healthy() -> ContentHealthInput {
        ContentHealthInput(
            status: .active, bodyHTML: "<p>Soft merino beanie.</p>", imageCount: 2, seoTitle: "Merino beanie",
            seoDescription: "A warm beanie knitted from merino wool.", totalStock: 12)
    }

    @Test("a complete, stocked, active product has no issues and scores zero")
    func healthyProductHasNoIssues() {
        #expect(ContentHealth.issues(Self.healthy()).isEmpty)
        #expect(ContentHealth.score(Self.healthy()) == 0)
    }

    @Test("each flag or gap raises exactly its own issue", arguments: [
        ContentIssue.priceMissing, .duplicateSKU, .duplicateBarcode, .activeWithoutStock, .noDescription, .noImage,
        .seoTitleMissing, .seoTitleTooLong, .seoDescriptionMissing, .seoDescriptionTooLong,
    ])
    func eachGapRaisesItsIssue(issue: ContentIssue) {
        var input = Self.healthy()
        switch issue {
        case .priceMissing: input.anyVariantWithoutPrice = true
        case .duplicateSKU: input.hasDuplicateSKU = true
        case .duplicateBarcode: input.hasDuplicateBarcode = true
        case .activeWithoutStock: input.totalStock = 0
        case .noDescription: input.bodyHTML = ""
        case .noImage: input.imageCount = 0
        case .seoTitleMissing: input.seoTitle = "  "
        case .seoTitleTooLong: input.seoTitle = String(repeating: "a", count: CatalogRules.seoTitleLimit + 1)
        case .seoDescriptionMissing: input.seoDescription = ""
        case .seoDescriptionTooLong: input.seoDescription = String(repeating: "é", count: CatalogRules.seoDescriptionLimit + 1)
        }
        #expect(ContentHealth.issues(input) == [issue])
    }

    @Test("SEO text exactly at its limit is not too long")
    func seoAtLimitIsFine() {
        var input = Self.healthy()
        input.seoTitle = String(repeating: "a", count: CatalogRules.seoTitleLimit)
        input.seoDescription = String(repeating: "👍", count: CatalogRules.seoDescriptionLimit)
        #expect(ContentHealth.issues(input).isEmpty)
    }

    @Test("only an active product is flagged for having no stock", arguments: [ProductStatus.draft, .archived])
    func inactiveWithoutStockIsFine(status: ProductStatus) {
        var input = Self.healthy()
        input.status = status
        input.totalStock = 0
        #expect(ContentHealth.issues(input).isEmpty)
    }

    @Test("negative stock on an active product counts as no stock")
    func negativeStockIsNoStock() {
        var input = Self.healthy()
        input.totalStock = -3
        #expect(ContentHealth.issues(input) == [.activeWithoutStock])
    }

    @Test("a body of only whitespace, tags and non-breaking spaces is missing", arguments: [
        "", "   \n\t", "<p></p>", "<p><br></p>", "<p>&nbsp;</p>", "<div> <br/> </div>\n<p>&#160;</p>",
        "<!-- draft -->", "<p style=\"x\"> </p>", "\u{00A0}",
    ])
    func blankBodyIsMissing(body: String) {
        #expect(ContentHealth.isBlank(html: body))
    }

    @Test("a body with any visible text is present", arguments: [
        "Warm", "<p>Warm</p>", "<p>&nbsp;x</p>", "a < b", "<p>&amp;</p>", "<img src=\"a.png\">-", "3 > 2",
    ])
    func bodyWithTextIsPresent(body: String) {
        #expect(!ContentHealth.isBlank(html: body))
    }

    @Test("issues come worst first")
    func issuesAreSortedWorstFirst() {
        let input = ContentHealthInput(
            status: .active, bodyHTML: "<p> </p>", imageCount: 0, seoTitle: "", seoDescription: "", totalStock: 0,
            anyVariantWithoutPrice: true, hasDuplicateSKU: true, hasDuplicateBarcode: true)
        #expect(ContentHealth.issues(input) == [
            .priceMissing, .duplicateSKU, .duplicateBarcode, .activeWithoutStock, .noDescription, .noImage,
            .seoTitleMissing, .seoDescriptionMissing,
        ])
    }

    @Test("the comparable order is the severity order, worst smallest")
    func comparableOrderIsSeverity() {
        #expect(ContentIssue.allCases.shuffled().sorted() == ContentIssue.allCases)
        #expect(ContentIssue.priceMissing < .seoDescriptionTooLong)
        #expect(!(ContentIssue.noImage < .noDescription))
    }

    @Test("one worse issue outweighs every milder issue together", arguments: ContentIssue.allCases)
    func worseIssueOutweighsMilderOnes(issue: ContentIssue) {
        let milder = ContentIssue.allCases.filter { $0 > issue }
        #expect(ContentHealth.score([issue]) > ContentHealth.score(milder))
    }

    @Test("a repeated issue counts once in the score")
    func repeatedIssueCountsOnce() {
        #expect(ContentHealth.score([.noImage, .noImage]) == ContentHealth.score([.noImage]))
    }

    @Test("sorting by score puts the product that needs most attention first")
    func scoreSortsWorstFirst() {
        var noPrice = Self.healthy()
        noPrice.anyVariantWithoutPrice = true
        var manySmall = Self.healthy()
        manySmall.imageCount = 0
        manySmall.seoTitle = ""
        manySmall.seoDescription = ""
        manySmall.bodyHTML = ""
        let products = [("healthy", Self.healthy()), ("many small", manySmall), ("no price", noPrice)]
        let sorted = products.sorted { ContentHealth.score($0.1) > ContentHealth.score($1.1) }.map(\.0)
        #expect(sorted == ["no price", "many small", "healthy"])
    }

    @Test("every issue has a short label of its own")
    func labelsAreShortAndDistinct() {
        let labels = ContentIssue.allCases.map(\.label)
        #expect(Set(labels).count == labels.count)
        #expect(labels.allSatisfy { !$0.isEmpty && $0.count <= 24 })
    }
}
