import ShopKit
import Testing

/// The price-ending rule: the lowest price with the ending at or above the computed price minus five cents.
@Suite("Price endings")
struct PriceEndingTests {
    private func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    @Test("each ending rounds up to the next price with it, or back at most five cents", arguments: [
        (PriceEnding.n99, Int64(1234), Int64(1299)), (.n99, 1299, 1299), (.n99, 1300, 1299), (.n99, 1304, 1299),
        (.n99, 1305, 1399), (.n99, 2000, 1999), (.n99, 1, 99), (.n99, 99, 99), (.n99, 100, 99),
        (.n95, 1234, 1295), (.n95, 1295, 1295), (.n95, 1300, 1295), (.n95, 1301, 1395), (.n95, 1296, 1295),
        (.n90, 1234, 1290), (.n90, 1290, 1290), (.n90, 1295, 1290), (.n90, 1296, 1390), (.n90, 1300, 1390),
        (.n00, 1234, 1300), (.n00, 1300, 1300), (.n00, 1305, 1300), (.n00, 1306, 1400), (.n00, 1299, 1300),
        (.none, 1234, 1234), (.none, 1, 1),
    ])
    func endingRoundsAsDocumented(ending: PriceEnding, cents: Int64, expected: Int64) throws {
        #expect(try ending.apply(to: eur(cents)).minorUnits == expected)
    }

    @Test("a zero price stays zero and a price above zero never becomes zero", arguments: PriceEnding.allCases)
    func zeroStaysZeroAndNothingElseBecomesZero(ending: PriceEnding) throws {
        #expect(try ending.apply(to: eur(0)).minorUnits == 0)
        for cents in Int64(1)...10 {
            #expect(try ending.apply(to: eur(cents)).minorUnits > 0)
        }
    }

    @Test("over every price to €50, an ending lands on its cents, drops at most five cents and rises less than a euro",
          arguments: PriceEnding.allCases.filter { $0 != .none })
    func endingBoundsHoldForEveryPrice(ending: PriceEnding) throws {
        let target = ending.hundredths!
        for cents in Int64(1)...5000 {
            let result = try ending.apply(to: eur(cents)).minorUnits
            #expect(result % 100 == target, "\(cents) → \(result)")
            #expect(result >= cents - 5, "\(cents) → \(result) drops too far")
            #expect(result < cents + 100, "\(cents) → \(result) rises too far")
            // The lowest such price: one euro lower would be more than five cents under, or zero.
            #expect(result - 100 < max(cents - 5, 1), "\(cents) → \(result) skips a closer ending")
            #expect(try ending.apply(to: eur(result)).minorUnits == result, "applying twice moves \(result)")
        }
    }

    @Test("a currency without cents refuses every ending but none", arguments: PriceEnding.allCases.filter { $0 != .none })
    func yenRefusesEndings(ending: PriceEnding) {
        #expect {
            _ = try ending.apply(to: Money(minorUnits: 1234, currency: .jpy))
        } throws: { error in
            (error as? ValidationError)?.message.contains("JPY has no cents") ?? false
        }
    }

    @Test("a yen price with no ending is left as it is")
    func yenWithoutEndingIsUnchanged() throws {
        #expect(try PriceEnding.none.apply(to: Money(minorUnits: 1234, currency: .jpy)).minorUnits == 1234)
    }

    @Test("a three-digit currency puts the ending in its first two minor digits")
    func threeDigitCurrencyEnding() throws {
        let dinar = Currency(code: "KWD", minorDigits: 3, symbol: "KD")
        #expect(try PriceEnding.n99.apply(to: Money(minorUnits: 12_340, currency: dinar)).minorUnits == 12_990)
        #expect(try PriceEnding.n99.apply(to: Money(minorUnits: 13_000, currency: dinar)).minorUnits == 12_990)
    }
}
