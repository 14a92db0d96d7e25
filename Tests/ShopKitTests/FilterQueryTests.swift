import ShopKit
import XCTest

final class FilterQueryTests: XCTestCase {
    private func parse(_ text: String, _ keys: FilterKeys = .catalog) -> FilterQuery { FilterQuery(parsing: text, keys: keys) }
    private func field(_ key: FilterKey, _ value: String) -> FilterField { FilterField(key: key, value: value) }

    func testPlainTextIsAllFreeTextAndHasNoFields() {
        let query = parse("wool   scarf")
        XCTAssertEqual(query.freeText, "wool scarf")
        XCTAssertEqual(query.fields, [])
        XCTAssertEqual(query.problems, [])
        XCTAssertFalse(query.matchesNothing)
    }

    func testKnownKeyTermsBecomeFieldsAndTheRestStaysFreeTextInOrder() {
        let query = parse("wool status:active scarf vendor:Nordlicht")
        XCTAssertEqual(query.fields, [field(.status, "active"), field(.vendor, "Nordlicht")])
        XCTAssertEqual(query.freeText, "wool scarf")
    }

    func testQuotedValueHoldsSpacesAndLosesItsQuotes() {
        let query = parse(#"vendor:"Müller & Söhne" mug"#)
        XCTAssertEqual(query.fields, [field(.vendor, "Müller & Söhne")])
        XCTAssertEqual(query.freeText, "mug")
    }

    func testUnclosedQuoteRunsToTheEndOfTheText() {
        XCTAssertEqual(parse(#"tag:"gift idea"#).fields, [field(.tag, "gift idea")])
    }

    func testQuotedTermIsFreeTextWithoutItsQuotesEvenWhenItLooksLikeAField() {
        let query = parse(#""status:active" mug "50%  off""#)
        XCTAssertEqual(query.fields, [], "a quoted key:value is text, not a field")
        XCTAssertEqual(query.freeText, "status:active mug 50%  off")
        XCTAssertEqual(parse(#"wool """#).freeText, "wool", "an empty pair of quotes is no term")
    }

    func testKeysAreCaseInsensitiveAndEnumeratedValuesToo() {
        XCTAssertEqual(parse("STATUS:Active").fields, [field(.status, "active")])
        XCTAssertEqual(parse("Vendor:NORD").fields, [field(.vendor, "NORD")], "a free value keeps its case")
    }

    func testUnknownKeyIsFreeTextNotAProblem() {
        let query = parse("Note: x")
        XCTAssertEqual(query.freeText, "Note: x")
        XCTAssertEqual(query.fields, [])
        XCTAssertEqual(query.problems, [])
        XCTAssertEqual(parse("size:XL").freeText, "size:XL")
        XCTAssertEqual(parse("10:30 :x").freeText, "10:30 :x")
    }

    func testAKeyIsKnownOnlyInTheListsThatUseIt() {
        XCTAssertEqual(parse("location:BER", .catalog).freeText, "location:BER")
        XCTAssertEqual(parse("location:BER", .stock).fields, [field(.location, "BER")])
        XCTAssertEqual(parse("state:active", .promotions).fields, [field(.state, "active")],
                       "the store derives a promotion's state from its clock")
        XCTAssertEqual(parse("state:active", .catalog).freeText, "state:active")
    }

    func testInvalidValueOfAKnownKeyIsAProblemAndMatchesNothing() {
        let query = parse("status:sold wool")
        XCTAssertTrue(query.matchesNothing)
        XCTAssertEqual(query.problems, ["status is draft, active or archived"])
        XCTAssertEqual(query.fields, [])
    }

    func testEmptyValueOfAKnownKeyIsAProblem() {
        XCTAssertEqual(parse("vendor:").problems, ["vendor needs the start of a vendor name"])
        XCTAssertEqual(parse(#"status:"""#).problems, ["status is draft, active or archived"])
    }

    func testEachRefusedKeyIsReportedOnce() {
        let query = parse("priority:asap status:done priority:soon", .complaints)
        XCTAssertEqual(query.problems, [
            "priority is urgent, high, normal or low",
            "status is new, investigating, waiting_for_customer, resolved or rejected",
        ])
    }

    func testPromotionKindAcceptsItsShortNames() {
        let expected: [(String, PromotionKind)] = [
            ("percent", .percentage), ("amount", .fixedAmount), ("bundle", .buyXGetY), ("shipping", .freeShipping),
            ("Fixed_Amount", .fixedAmount), ("buy-x-get-y", .buyXGetY), ("free_shipping", .freeShipping),
        ]
        for (typed, kind) in expected {
            XCTAssertEqual(parse("kind:\(typed)", .promotions).fields, [field(.kind, kind.rawValue)], typed)
        }
        XCTAssertEqual(
            parse("kind:gift", .promotions).problems, ["kind is percentage, fixed_amount, buy_x_get_y or free_shipping"])
    }

    func testComplaintValuesAcceptTheLabelsTheListShows() {
        XCTAssertEqual(parse("status:waiting", .complaints).fields, [field(.status, "waiting_for_customer")])
        XCTAssertEqual(parse(#"kind:"wrong item""#, .complaints).fields, [field(.kind, "wrong_item")])
        XCTAssertEqual(parse("channel:review-site", .complaints).fields, [field(.channel, "review_site")])
    }

    func testAssigneeNoneMeansNobody() {
        XCTAssertEqual(parse("assignee:None", .complaints).fields, [field(.assignee, "")])
        XCTAssertEqual(parse("assignee:Dana", .complaints).fields, [field(.assignee, "Dana")])
    }

    func testStockAcceptsZeroAsOut() {
        XCTAssertEqual(parse("stock:0").fields, [field(.stock, "out")])
        XCTAssertEqual(parse("stock:0", .stock).fields, [field(.stock, "out")])
        XCTAssertEqual(parse("stock:low", .stock).fields, [field(.stock, "low")])
        XCTAssertEqual(parse("stock:low").problems, ["stock is out (or 0)"], "the catalog has no reorder points")
    }

    func testPricingKeysTakeTheirOneValue() {
        XCTAssertEqual(parse("floor:BELOW cost:missing", .pricing).fields, [field(.floor, "below"), field(.cost, "missing")])
        XCTAssertEqual(parse("floor:above", .pricing).problems, ["floor is below"])
    }

    func testHostileValuesAreKeptAsData() {
        let query = parse(#"vendor:"'); DROP TABLE product; --" tag:100%_off"#)
        XCTAssertEqual(query.fields, [field(.vendor, "'); DROP TABLE product; --"), field(.tag, "100%_off")])
        XCTAssertEqual(query.freeText, "")
    }

    func testEveryListNamesItsKeys() {
        XCTAssertEqual(FilterKeys.catalog.names, ["status", "vendor", "type", "category", "tag", "channel", "stock", "attention"])
        XCTAssertEqual(FilterKeys.pricing.names, ["vendor", "type", "category", "floor", "cost", "status"])
        XCTAssertEqual(FilterKeys.stock.names, ["vendor", "type", "location", "stock"])
        XCTAssertEqual(FilterKeys.promotions.names, ["state", "kind", "code"])
        XCTAssertEqual(FilterKeys.complaints.names, ["status", "priority", "kind", "channel", "assignee", "overdue", "queue"])
    }
}
