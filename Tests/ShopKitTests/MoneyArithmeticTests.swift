import ShopKit
import XCTest

final class MoneyArithmeticTests: XCTestCase {
    private func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    func testAdditionAndSubtractionAreExactInMinorUnits() {
        XCTAssertEqual(eur(10) + eur(20), eur(30))
        XCTAssertEqual((eur(10) + eur(20)).minorUnits, 30)
        XCTAssertEqual(eur(1_000) - eur(1_999), eur(-999))
        XCTAssertEqual(eur(333) * 3, eur(999))
        XCTAssertTrue((eur(5) - eur(6)).isNegative)
        XCTAssertTrue((eur(5) - eur(5)).isZero)
        XCTAssertEqual(Money.zero(.jpy), Money(minorUnits: 0, currency: .jpy))
    }

    func testSameAmountInDifferentCurrenciesIsNotEqual() {
        XCTAssertNotEqual(Money(minorUnits: 100, currency: .eur), Money(minorUnits: 100, currency: .usd))
        XCTAssertLessThan(eur(99), eur(100))
    }

    func testScalingByBasisPointsRoundsHalfAwayFromZero() {
        // 15 % of 10.05 is 1.5075 → 1.51
        XCTAssertEqual(eur(1005).scaled(byBasisPoints: 1500).minorUnits, 151)
        // 50 % of 0.05 is 0.025 → 0.03 (half rounds up, away from zero)
        XCTAssertEqual(eur(5).scaled(byBasisPoints: 5000).minorUnits, 3)
        XCTAssertEqual(eur(-5).scaled(byBasisPoints: 5000).minorUnits, -3)
        XCTAssertEqual(eur(5).scaled(byBasisPoints: -5000).minorUnits, -3)
        // below half rounds toward zero
        XCTAssertEqual(eur(7).scaled(byBasisPoints: 3000).minorUnits, 2) // 2.1
        XCTAssertEqual(eur(-7).scaled(byBasisPoints: 3000).minorUnits, -2)
        // above half rounds away from zero
        XCTAssertEqual(eur(9).scaled(byBasisPoints: 3000).minorUnits, 3) // 2.7
        XCTAssertEqual(eur(-9).scaled(byBasisPoints: 3000).minorUnits, -3)
        XCTAssertEqual(eur(12_345).scaled(byBasisPoints: 10_000), eur(12_345))
        XCTAssertEqual(eur(12_345).scaled(byBasisPoints: 0), eur(0))
        XCTAssertEqual(eur(1005).scaled(byBasisPoints: 1500).currency, .eur)
    }

    func testDivideRoundedRoundsHalfAwayFromZeroForEverySignCombination() {
        XCTAssertEqual(Money.divideRounded(10, by: 5), 2)
        XCTAssertEqual(Money.divideRounded(5, by: 2), 3)
        XCTAssertEqual(Money.divideRounded(-5, by: 2), -3)
        XCTAssertEqual(Money.divideRounded(5, by: -2), -3)
        XCTAssertEqual(Money.divideRounded(-5, by: -2), 3)
        XCTAssertEqual(Money.divideRounded(4, by: 3), 1)
        XCTAssertEqual(Money.divideRounded(5, by: 3), 2)
        XCTAssertEqual(Money.divideRounded(-4, by: 3), -1)
        XCTAssertEqual(Money.divideRounded(-5, by: 3), -2)
        XCTAssertEqual(Money.divideRounded(1, by: 3), 0)
        XCTAssertEqual(Money.divideRounded(-1, by: 3), 0)
        XCTAssertEqual(Money.divideRounded(0, by: 7), 0)
        XCTAssertEqual(Money.divideRounded(14_999, by: 10_000), 1)
        XCTAssertEqual(Money.divideRounded(15_000, by: 10_000), 2)
    }

    func testDecimalTextHasExactlyTheCurrencysDigits() {
        XCTAssertEqual(eur(123_450).decimalText, "1234.50")
        XCTAssertEqual(eur(-305).decimalText, "-3.05")
        XCTAssertEqual(eur(5).decimalText, "0.05")
        XCTAssertEqual(eur(-5).decimalText, "-0.05")
        XCTAssertEqual(eur(0).decimalText, "0.00")
        XCTAssertEqual(eur(100).decimalText, "1.00")
        XCTAssertEqual(Money(minorUnits: 1500, currency: .jpy).decimalText, "1500")
        XCTAssertEqual(Money(minorUnits: -1500, currency: .jpy).decimalText, "-1500")
        XCTAssertEqual(eur(Int64.min).decimalText, "-92233720368547758.08")
    }

    func testDecimalTextParsesBackToTheSameAmount() throws {
        for minor: Int64 in [0, 1, 9, 10, 99, 100, 101, 123_456_789, 1_000_000_000_000] {
            let money = eur(minor)
            XCTAssertEqual(try MoneyParser.parse(money.decimalText, currency: .eur), money)
            XCTAssertEqual(try MoneyParser.parse(money.formatted, currency: .eur), money)
        }
    }

    func testFormattedShowsSymbolAndGroupsThousands() {
        XCTAssertEqual(eur(123_450).formatted, "€1,234.50")
        XCTAssertEqual(eur(123_456_789).formatted, "€1,234,567.89")
        XCTAssertEqual(eur(100_000).formatted, "€1,000.00")
        XCTAssertEqual(eur(99_999).formatted, "€999.99")
        XCTAssertEqual(eur(5).formatted, "€0.05")
        XCTAssertEqual(eur(-123_450).formatted, "-€1,234.50")
        XCTAssertEqual(eur(-5).formatted, "-€0.05")
        XCTAssertEqual(Money(minorUnits: 1_234_567, currency: .jpy).formatted, "¥1,234,567")
        XCTAssertEqual(Money(minorUnits: 999, currency: .jpy).formatted, "¥999")
        XCTAssertEqual(Money(minorUnits: -1500, currency: .jpy).formatted, "-¥1,500")
        XCTAssertEqual(eur(4_990).description, "€49.90")
    }

    func testMarginAndMarkupAreExactBasisPoints() throws {
        let margin = Margin(price: eur(10_000), cost: eur(6_000))
        XCTAssertEqual(margin.marginBasisPoints, 4_000)
        XCTAssertEqual(margin.markupBasisPoints, 6_667) // 66.666…% rounds up
        XCTAssertFalse(margin.isBelowCost)

        let third = Margin(price: eur(300), cost: eur(200))
        XCTAssertEqual(third.marginBasisPoints, 3_333)
        XCTAssertEqual(third.markupBasisPoints, 5_000)

        let loss = Margin(price: eur(800), cost: eur(1_000))
        XCTAssertEqual(loss.marginBasisPoints, -2_500)
        XCTAssertEqual(loss.markupBasisPoints, -2_000)
        XCTAssertTrue(loss.isBelowCost)
    }

    func testMarginOfAFreeItemAndMarkupOfAFreeCostAreUnknown() {
        XCTAssertNil(Margin(price: eur(0), cost: eur(500)).marginBasisPoints)
        XCTAssertNil(Margin(price: eur(500), cost: eur(0)).markupBasisPoints)
        XCTAssertEqual(Margin(price: eur(500), cost: eur(0)).marginBasisPoints, 10_000)
    }

    func testMarginBelowFloorIsStrictlyBelowAndAFreeItemIsAlwaysBelow() {
        let margin = Margin(price: eur(10_000), cost: eur(7_500)) // 25.00 %
        XCTAssertEqual(margin.marginBasisPoints, 2_500)
        XCTAssertFalse(margin.isBelow(floorBasisPoints: 2_500))
        XCTAssertTrue(margin.isBelow(floorBasisPoints: 2_501))
        XCTAssertFalse(margin.isBelow(floorBasisPoints: 2_499))
        XCTAssertTrue(Margin(price: eur(0), cost: eur(0)).isBelow(floorBasisPoints: 0))
        XCTAssertTrue(Margin(price: eur(800), cost: eur(1_000)).isBelow(floorBasisPoints: 0))
    }

    func testVariantMarginComesFromItsCostWhenKnown() {
        let withCost = Variant(productID: 1, sku: "A", price: eur(2_000), cost: eur(1_500))
        XCTAssertEqual(withCost.margin?.marginBasisPoints, 2_500)
        XCTAssertNil(Variant(productID: 1, sku: "A", price: eur(2_000)).margin)
    }

    func testPercentTextShowsOneRoundedDecimal() {
        XCTAssertEqual(percentText(basisPoints: 4_250), "42.5%")
        XCTAssertEqual(percentText(basisPoints: 1_500), "15.0%")
        XCTAssertEqual(percentText(basisPoints: 6_667), "66.7%")
        XCTAssertEqual(percentText(basisPoints: 6_664), "66.6%")
        XCTAssertEqual(percentText(basisPoints: 5), "0.1%")
        XCTAssertEqual(percentText(basisPoints: 4), "0.0%")
        XCTAssertEqual(percentText(basisPoints: 0), "0.0%")
        XCTAssertEqual(percentText(basisPoints: -2_500), "-25.0%")
        XCTAssertEqual(percentText(basisPoints: -5), "-0.1%")
        XCTAssertEqual(percentText(basisPoints: 10_000), "100.0%")
    }
}
