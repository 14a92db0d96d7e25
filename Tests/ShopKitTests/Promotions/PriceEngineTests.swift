import ShopKit
import XCTest

final class PriceEngineTests: XCTestCase {
    private typealias F = Fixture

    // MARK: kinds

    func testPercentageIsRoundedHalfUpToTheCentAndTheTraceShowsEveryStep() {
        let tea = F.variant(1, price: 1_999)
        let quote = F.quote(F.cart([(tea, 1)]), [F.percent(1, 15)])
        XCTAssertEqual(quote.total, F.euros(1_699))
        XCTAssertEqual(quote.explanation, [
            "SKU-1 at €19.99",
            "15 % off: 15.0% off SKU-1: €19.99 → €16.99, −€3.00 → €16.99",
            "  rounded €2.9985 to €3.00 (half up)",
            "= €16.99",
        ])
    }

    func testAHundredPercentMakesTheItemFreeAndNeverNegative() {
        let quote = F.quote(F.cart([(F.variant(1, price: 1_234), 2)]), [F.percent(1, 100)])
        XCTAssertEqual(quote.total, F.euros(0))
    }

    func testAmountPerItemComesOffEveryUnitAndStopsAtZero() {
        let cheap = F.variant(1, price: 300)
        let dear = F.variant(2, price: 1_200)
        let quote = F.quote(F.cart([(dear, 3), (cheap, 1)]), [F.amount(1, 500, per: .perItem)])
        XCTAssertEqual(quote.lines.map(\.total), [F.euros(2_100), F.euros(0)])
        XCTAssertEqual(quote.goodsDiscount, F.euros(1_800))
    }

    func testAmountPerOrderIsSpreadOverTheLinesInProportion() {
        let quote = F.quote(
            F.cart([(F.variant(1, price: 3_000), 1), (F.variant(2, price: 1_000), 1)]), [F.amount(1, 1_000, per: .perOrder)])
        XCTAssertEqual(quote.lines.map(\.discount), [F.euros(750), F.euros(250)])
        XCTAssertEqual(quote.total, F.euros(3_000))
    }

    func testCentsLeftByTheSpreadGoToTheFirstLines() {
        let lines = (1...3).map { (F.variant($0, price: 1_000), Int64(1)) }
        let quote = F.quote(F.cart(lines), [F.amount(1, 100, per: .perOrder)])
        XCTAssertEqual(quote.lines.map(\.discount), [F.euros(34), F.euros(33), F.euros(33)])
    }

    func testAmountPerOrderNeverExceedsTheGoods() {
        let quote = F.quote(F.cart([(F.variant(1, price: 300), 1)]), [F.amount(1, 1_000, per: .perOrder)])
        XCTAssertEqual(quote.total, F.euros(0))
        XCTAssertEqual(quote.applied.first?.discount, F.euros(300))
    }

    func testBuyTwoGetOneMakesTheCheapestUnitFree() {
        let cart = F.cart([(F.variant(1, price: 890), 1), (F.variant(2, price: 990), 1), (F.variant(3, price: 1_290), 1)])
        let quote = F.quote(cart, [F.bundle(1, "buy2get1")])
        XCTAssertEqual(quote.total, F.euros(2_280))
        XCTAssertEqual(quote.lines[0].discount, F.euros(890))
    }

    func testBundlesCountCompleteGroupsOnly() {
        let tea = F.variant(1, price: 400)
        XCTAssertEqual(F.quote(F.cart([(tea, 5)]), [F.bundle(1, "3for2")]).total, F.euros(1_600))
        XCTAssertEqual(F.quote(F.cart([(tea, 6)]), [F.bundle(1, "3for2")]).total, F.euros(1_600))
        let two = F.quote(F.cart([(tea, 2)]), [F.bundle(1, "buy2get1")])
        XCTAssertEqual(two.total, F.euros(800))
        XCTAssertEqual(F.skipReason(two, 1), .incompleteBundle(BuyXGetY(buy: 2, get: 1), units: 2))
    }

    func testBuyXGetYAtAPercentageDiscountsTheCheapestUnitByIt() {
        let cart = F.cart([(F.variant(1, price: 890), 1), (F.variant(2, price: 990), 1), (F.variant(3, price: 1_290), 1)])
        XCTAssertEqual(F.quote(cart, [F.bundle(1, "buy2get1at50")]).total, F.euros(2_725))
    }

    func testBundleRulesAreReadInTheirThreeSpellings() {
        XCTAssertEqual(BuyXGetY(parsing: "buy2get1"), BuyXGetY(buy: 2, get: 1))
        XCTAssertEqual(BuyXGetY(parsing: "3for2"), BuyXGetY(buy: 2, get: 1))
        XCTAssertEqual(BuyXGetY(parsing: "Buy3Get2at25"), BuyXGetY(buy: 3, get: 2, percentOffBasisPoints: 2_500))
        XCTAssertNil(BuyXGetY(parsing: "buy2"))
        XCTAssertNil(BuyXGetY(parsing: "2for3"))
        XCTAssertEqual(BuyXGetY(buy: 2, get: 1, percentOffBasisPoints: 5_000).ruleText, "buy2get1at50")
    }

    func testFreeShippingTakesTheShippingOff() {
        let free = Promotion(id: 1, name: "Free shipping", kind: .freeShipping, startsAt: F.start, combines: true)
        let quote = F.quote(F.cart([(F.variant(1, price: 3_500), 1)], shipping: 490), [free])
        XCTAssertEqual(quote.shipping, F.euros(0))
        XCTAssertEqual(quote.total, F.euros(3_500))
    }

    // MARK: order of application

    func testPercentagesActOnTheRunningPriceInTheOrderOfTheirNumbers() {
        let quote = F.quote(F.cart([(F.variant(1, price: 999), 1)]), [F.percent(2, 15), F.percent(1, 10)])
        let running = quote.trace.compactMap { step -> Money? in
            if case .applied(_, _, _, _, let total) = step { return total }
            return nil
        }
        XCTAssertEqual(running, [F.euros(899), F.euros(764)])
    }

    func testItemLevelDiscountsComeBeforeOrderLevelAmounts() {
        let quote = F.quote(F.cart([(F.variant(1, price: 6_000), 1)]), [F.amount(1, 1_000, per: .perOrder), F.percent(2, 20)])
        XCTAssertEqual(quote.total, F.euros(3_800))
        XCTAssertEqual(quote.applied.map(\.id), [2, 1])
    }

    func testAnOrderMinimumIsJudgedAfterItemDiscounts() {
        let amount = F.amount(1, 1_000, per: .perOrder, minimumOrder: 5_000)
        let quote = F.quote(F.cart([(F.variant(1, price: 6_000), 1)]), [amount, F.percent(2, 20)])
        XCTAssertEqual(quote.total, F.euros(4_800))
        XCTAssertEqual(F.skipReason(quote, 1), .belowMinimumOrder(minimum: F.euros(5_000), total: F.euros(4_800)))
    }

    func testFreeShippingMinimumIsJudgedAfterItemDiscounts() {
        var free = Promotion(id: 1, name: "Free shipping", kind: .freeShipping, startsAt: F.start, combines: true)
        free.minimumOrder = F.euros(3_000)
        let quote = F.quote(F.cart([(F.variant(1, price: 3_500), 1)], shipping: 490), [free, F.percent(2, 20)])
        XCTAssertEqual(quote.total, F.euros(3_290))
        XCTAssertEqual(F.skipReason(quote, 1), .belowMinimumOrder(minimum: F.euros(3_000), total: F.euros(2_800)))
    }

    func testMinimumQuantityCountsUnitsInScope() {
        var promotion = F.percent(1, 10)
        promotion.minimumQuantity = 3
        let quote = F.quote(F.cart([(F.variant(1, price: 1_000), 2)]), [promotion])
        XCTAssertEqual(F.skipReason(quote, 1), .belowMinimumQuantity(minimum: 3, quantity: 2))
        XCTAssertEqual(F.quote(F.cart([(F.variant(1, price: 1_000), 3)]), [promotion]).total, F.euros(2_700))
    }

    // MARK: combination

    func testAnExclusivePromotionWinsWhenItGivesTheLowerPrice() {
        let promotions = [F.percent(1, 30, name: "Flash 30", combines: false), F.percent(2, 10), F.percent(3, 15)]
        let quote = F.quote(F.cart([(F.variant(1, price: 10_000), 1)]), promotions)
        XCTAssertEqual(quote.total, F.euros(7_000))
        XCTAssertEqual(F.skipReason(quote, 2), .doesNotCombine(with: "Flash 30"))
        XCTAssertEqual(F.skipReason(quote, 3), .doesNotCombine(with: "Flash 30"))
    }

    func testCombinablePromotionsWinOverAnExclusiveOneWhenTogetherTheyGiveMore() {
        let promotions = [F.percent(1, 20, combines: false), F.percent(2, 10, name: "Ten"), F.percent(3, 15)]
        let quote = F.quote(F.cart([(F.variant(1, price: 10_000), 1)]), promotions)
        XCTAssertEqual(quote.total, F.euros(7_650))
        XCTAssertEqual(F.skipReason(quote, 1), .doesNotCombine(with: "Ten"))
    }

    func testCombiningIsLimitedToTheKindsBothAccept() {
        var percent = F.percent(1, 10, name: "Ten")
        percent.combinesWithKinds = [.freeShipping]
        let amount = F.amount(2, 600, per: .perItem)
        let shipping = Promotion(id: 3, name: "Free shipping", kind: .freeShipping, startsAt: F.start, combines: true)
        XCTAssertTrue(percent.combines(with: shipping))
        XCTAssertFalse(percent.combines(with: amount))
        XCTAssertFalse(amount.combines(with: percent), "a pair combines only when both accept each other")
        let quote = F.quote(F.cart([(F.variant(1, price: 5_000), 1)]), [percent, amount])
        XCTAssertEqual(quote.total, F.euros(4_400))
        XCTAssertEqual(F.skipReason(quote, 1), .doesNotCombine(with: amount.name))
    }

    func testBeyondTwelveCandidatesTheRestAreSkippedWithTheReason() {
        let promotions = (1...13).map { F.percent(Int64($0), 1) }
        let quote = F.quote(F.cart([(F.variant(1, price: 10_000), 1)]), promotions)
        XCTAssertEqual(quote.applied.count, 12)
        XCTAssertEqual(F.skipReason(quote, 13), .tooManyPromotions(limit: 12))
    }

    // MARK: triggers, channels, limits

    func testACodePromotionNeedsItsCodeInAnyCase() {
        var promotion = F.percent(1, 10)
        promotion.trigger = .code
        promotion.code = "SPRING10"
        let cart = F.cart([(F.variant(1, price: 1_000), 1)])
        XCTAssertEqual(F.skipReason(F.quote(cart, [promotion]), 1), .needsCode)
        XCTAssertEqual(F.quote(cart, [promotion], codes: ["spring10"]).total, F.euros(900))
        let unique = PriceEngine.quote(
            cart, promotions: [promotion], context: PricingContext(at: F.during, unlockedPromotionIDs: [1]))
        XCTAssertEqual(unique.total, F.euros(900), "a unique code the store found unlocks its promotion")
    }

    func testAChannelPromotionAppliesOnlyOnItsChannel() {
        var promotion = F.percent(1, 10)
        promotion.channel = "web"
        let cart = F.cart([(F.variant(1, price: 1_000), 1)])
        XCTAssertEqual(F.skipReason(F.quote(cart, [promotion], channel: "amazon"), 1), .otherChannel("web"))
        XCTAssertEqual(F.quote(cart, [promotion], channel: "WEB").total, F.euros(900))
    }

    func testTheLimitPerCustomerStopsTheNextUse() {
        var promotion = F.percent(1, 10)
        promotion.perCustomerLimit = 1
        let quote = F.quote(F.cart([(F.variant(1, price: 1_000), 1)]), [promotion], customerUses: [1: 1])
        XCTAssertEqual(F.skipReason(quote, 1), .perCustomerLimitReached(1))
    }

    func testPausedAndUsedUpPromotionsAreSkipped() {
        var paused = F.percent(1, 10)
        paused.paused = true
        var usedUp = F.percent(2, 10)
        usedUp.usageLimit = 5
        usedUp.uses = 5
        let quote = F.quote(F.cart([(F.variant(1, price: 1_000), 1)]), [paused, usedUp])
        XCTAssertEqual(F.skipReason(quote, 1), .paused)
        XCTAssertEqual(F.skipReason(quote, 2), .usedUp(limit: 5))
    }

    // MARK: schedule

    func testAPromotionAppliesExactlyAtItsStartButNotASecondBefore() {
        let promotion = F.percent(1, 10, endsInDays: 10)
        let cart = F.cart([(F.variant(1, price: 1_000), 1)])
        XCTAssertEqual(F.quote(cart, [promotion], at: F.start).total, F.euros(900))
        XCTAssertEqual(F.skipReason(F.quote(cart, [promotion], at: F.start.adding(seconds: -1)), 1), .notStarted(F.start))
        XCTAssertEqual(promotion.state(at: F.start), .active)
    }

    func testAPromotionEndsExactlyAtItsEnd() {
        let promotion = F.percent(1, 10, endsInDays: 10)
        let end = F.start.adding(days: 10)
        let cart = F.cart([(F.variant(1, price: 1_000), 1)])
        XCTAssertEqual(F.quote(cart, [promotion], at: end.adding(seconds: -1)).total, F.euros(900))
        XCTAssertEqual(F.skipReason(F.quote(cart, [promotion], at: end), 1), .ended(end))
        XCTAssertEqual(promotion.state(at: end), .expired)
    }

    // MARK: scope

    func testScopesNameCategoriesVendorsTagsCollectionsProductsAndVariants() {
        let tea = F.variant(
            1, sku: "TEA-1", price: 1_000, type: "Tea", vendor: "Teekontor", tags: ["organic"], handle: "sencha",
            category: "Food > Tea", collections: ["japan", "Japanese teas"])
        func covers(_ scope: PromotionScope, _ values: String) -> Bool {
            F.percent(1, 10, scope: scope, values: values).covers(tea)
        }
        XCTAssertTrue(covers(.category, "Socks|tea"))
        XCTAssertTrue(covers(.category, "food > TEA"))
        XCTAssertFalse(covers(.category, "Food"))
        XCTAssertTrue(covers(.vendor, "TEEKONTOR"))
        XCTAssertTrue(covers(.tag, "Organic"))
        XCTAssertTrue(covers(.collection, "Japanese teas"))
        XCTAssertTrue(covers(.products, "matcha|sencha"))
        XCTAssertTrue(covers(.variants, "tea-1"))
        XCTAssertFalse(covers(.variants, "TEA-2"))
        XCTAssertFalse(covers(.vendor, "Nordlicht"))
    }

    func testExclusionsWinOverTheScopeAndSayWhy() {
        let tea = F.variant(1, sku: "TEA-1", price: 1_000, tags: ["clearance"], handle: "sencha")
        var promotion = F.percent(1, 10)
        promotion.excludedTags = ["Clearance"]
        XCTAssertEqual(promotion.scopeMatch(tea), .excluded("tag clearance is excluded"))
        promotion.excludedTags = []
        promotion.excludedProducts = ["sencha"]
        XCTAssertEqual(promotion.scopeMatch(tea), .excluded("product sencha is excluded"))
        promotion.excludedProducts = []
        promotion.excludedVariants = ["tea-1"]
        let quote = F.quote(F.cart([(tea, 1)]), [promotion])
        XCTAssertEqual(F.skipReason(quote, 1), .excluded("variant TEA-1 is excluded"))
        XCTAssertEqual(quote.total, F.euros(1_000))
    }

    func testAPromotionForOtherProductsIsSkippedAsNotInScope() {
        let quote = F.quote(F.cart([(F.variant(1, price: 1_000, type: "Tea"), 1)]), [F.percent(1, 10, scope: .category, values: "Socks")])
        XCTAssertEqual(F.skipReason(quote, 1), .notInScope)
        XCTAssertEqual(quote.explanation[1], "10 % off: skipped, not in scope")
    }

    func testOnlyTheLinesInScopeAreDiscounted() {
        let tea = F.variant(1, price: 1_000, type: "Tea")
        let socks = F.variant(2, price: 2_000, type: "Socks")
        let quote = F.quote(F.cart([(tea, 1), (socks, 1)]), [F.percent(1, 50, scope: .category, values: "Socks")])
        XCTAssertEqual(quote.lines.map(\.total), [F.euros(1_000), F.euros(1_000)])
        XCTAssertEqual(quote.lines[1].promotionIDs, [1])
    }

    // MARK: one variant

    func testAVariantsEffectivePriceIsTheCartOfThatVariantAlone() {
        let quote = PriceEngine.quote(
            F.variant(1, price: 900), quantity: 3, promotions: [F.bundle(1, "3for2")], context: PricingContext(at: F.during))
        XCTAssertEqual(quote.total, F.euros(1_800))
        XCTAssertEqual(quote.effectiveUnitPrice, F.euros(600))
        XCTAssertEqual(quote.regularUnitPrice, F.euros(900))
    }
}
