import ShopKit
import XCTest

final class TimestampTests: XCTestCase {
    private func seconds(_ text: String) -> Int64? {
        Timestamp(iso8601: text)?.secondsSince1970
    }

    func testUTCTimestampWithZIsParsedToUnixSeconds() {
        XCTAssertEqual(seconds("2026-11-20T14:05:00Z"), 1_795_183_500)
        XCTAssertEqual(seconds("1970-01-01T00:00:00Z"), 0)
        XCTAssertEqual(seconds("2000-01-01T00:00:00Z"), 946_684_800)
    }

    func testTimestampWithoutZoneOrWithSpaceSeparatorIsUTC() {
        XCTAssertEqual(seconds("2026-11-20T14:05:00"), 1_795_183_500)
        XCTAssertEqual(seconds("2026-11-20 14:05:00"), 1_795_183_500)
        XCTAssertEqual(seconds("  2026-11-20T14:05:00Z  "), 1_795_183_500)
    }

    func testOffsetsAreConvertedToUTC() {
        XCTAssertEqual(seconds("2026-11-20T15:05:00+01:00"), 1_795_183_500)
        XCTAssertEqual(seconds("2026-11-20T15:05:00+0100"), 1_795_183_500)
        XCTAssertEqual(seconds("2026-11-20T09:05:00-05:00"), 1_795_183_500)
        XCTAssertEqual(seconds("2023-12-28 16:45:15 -0500"), 1_703_799_915)
        XCTAssertEqual(seconds("2026-11-20T19:35:00+05:30"), 1_795_183_500)
        XCTAssertEqual(seconds("2026-11-20T14:05:00+00:00"), 1_795_183_500)
    }

    func testOffsetCanMoveTheMomentIntoAnotherDay() {
        // 00:30 in Berlin on Jan 1st is still New Year's Eve in UTC.
        XCTAssertEqual(Timestamp(iso8601: "2026-01-01T00:30:00+01:00")?.iso8601, "2025-12-31T23:30:00Z")
        XCTAssertEqual(Timestamp(iso8601: "2025-12-31T20:00:00-05:00")?.iso8601, "2026-01-01T01:00:00Z")
    }

    func testFractionalSecondsAreDropped() {
        XCTAssertEqual(seconds("2026-11-20T14:05:00.987Z"), 1_795_183_500)
        XCTAssertEqual(seconds("2026-11-20T15:05:00.5+01:00"), 1_795_183_500)
    }

    func testDateOnlyIsMidnightUTC() {
        XCTAssertEqual(seconds("2026-11-20"), 1_795_183_500 - 14 * 3600 - 5 * 60)
        XCTAssertEqual(Timestamp(iso8601: "2024-02-29")?.iso8601, "2024-02-29T00:00:00Z")
    }

    func testMalformedOrImpossibleTextIsNotATimestamp() {
        let invalid = [
            "", "   ", "yesterday", "2026/11/20", "20261120", "2026-11", "26-11-20",
            "2026-13-01", "2026-00-10", "2026-11-32", "2026-11-00",
            "2026-02-30", "2026-02-29", "2026-04-31", "2100-02-29",
            "2026-11-20T24:00:00Z", "2026-11-20T14:60:00Z", "2026-11-20T14:05",
            "2026-11-20X14:05:00Z", "2026-11-20T14:05:00Q", "2026-11-20T14:05:00+1",
            "2026-11-20T14:05:00+01:00:00", "2026-11-20T14:05:00+ab:cd", "2026-11-2OT14:05:00Z",
        ]
        for text in invalid {
            XCTAssertNil(Timestamp(iso8601: text), "\"\(text)\" was accepted")
        }
    }

    func testISOTextRoundTripsForMomentsBeforeAndAfter1970() {
        for value: Int64 in [0, 1, -1, 59, 86_399, 86_400, -86_400, -86_401, 951_782_400, 1_709_208_000, 1_795_183_500, -2_203_891_200, 4_102_444_799] {
            let moment = Timestamp(secondsSince1970: value)
            XCTAssertEqual(Timestamp(iso8601: moment.iso8601), moment, moment.iso8601)
        }
        XCTAssertEqual(Timestamp(secondsSince1970: -1).iso8601, "1969-12-31T23:59:59Z")
        XCTAssertEqual(Timestamp(secondsSince1970: 1_795_183_500).iso8601, "2026-11-20T14:05:00Z")
        XCTAssertEqual(Timestamp(secondsSince1970: 1_795_183_500).dateText, "2026-11-20")
        XCTAssertEqual(Timestamp(secondsSince1970: 1_795_183_500).minuteText, "2026-11-20 14:05")
    }

    func testISOTextSortsAsTextInTheSameOrderAsTheMoments() {
        let moments: [Int64] = [-86_401, -1, 0, 9, 86_399, 951_782_400, 1_795_183_500, 4_102_444_799]
        let texts = moments.map { Timestamp(secondsSince1970: $0).iso8601 }
        XCTAssertEqual(texts, texts.sorted())
    }

    func testDayNumberCountsWholeUTCDaysAndFloorsBefore1970() {
        XCTAssertEqual(Timestamp(secondsSince1970: 0).dayNumber, 0)
        XCTAssertEqual(Timestamp(secondsSince1970: 86_399).dayNumber, 0)
        XCTAssertEqual(Timestamp(secondsSince1970: 86_400).dayNumber, 1)
        XCTAssertEqual(Timestamp(secondsSince1970: -1).dayNumber, -1)
        XCTAssertEqual(Timestamp(secondsSince1970: -86_400).dayNumber, -1)
        XCTAssertEqual(Timestamp(secondsSince1970: -86_401).dayNumber, -2)
        XCTAssertEqual(Timestamp(iso8601: "2024-02-29T23:59:59Z")?.dayNumber, 19_782)
    }

    func testArithmeticAddsSecondsAndDaysAndSubtractsToSeconds() {
        let start = Timestamp(secondsSince1970: 1_000)
        XCTAssertEqual(start.adding(seconds: 61).secondsSince1970, 1_061)
        XCTAssertEqual(start.adding(days: 2).secondsSince1970, 1_000 + 172_800)
        XCTAssertEqual(start.adding(days: 2) - start, 172_800)
        XCTAssertLessThan(start, start.adding(seconds: 1))
    }

    func testCivilDatesAroundLeapDaysConvertBothWays() {
        XCTAssertEqual(Timestamp.daysFromCivil(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(Timestamp.daysFromCivil(year: 2000, month: 2, day: 29), 11_016)
        XCTAssertEqual(Timestamp.daysFromCivil(year: 2000, month: 3, day: 1), 11_017)
        XCTAssertEqual(Timestamp.daysFromCivil(year: 2024, month: 2, day: 29), 19_782)
        XCTAssertEqual(Timestamp.daysFromCivil(year: 2024, month: 3, day: 1), 19_783)
        // 1900 and 2100 are not leap years: February 28th is followed by March 1st.
        XCTAssertEqual(Timestamp.daysFromCivil(year: 1900, month: 2, day: 28), -25_509)
        XCTAssertEqual(Timestamp.daysFromCivil(year: 1900, month: 3, day: 1), -25_508)
        XCTAssertEqual(Timestamp.daysFromCivil(year: 2100, month: 2, day: 28), 47_540)
        XCTAssertEqual(Timestamp.daysFromCivil(year: 2100, month: 3, day: 1), 47_541)
        XCTAssertEqual(Timestamp.daysFromCivil(year: 1600, month: 2, day: 29), -135_081)

        XCTAssertTrue(Timestamp.civilFromDays(11_016) == (2000, 2, 29))
        XCTAssertTrue(Timestamp.civilFromDays(19_782) == (2024, 2, 29))
        XCTAssertTrue(Timestamp.civilFromDays(-25_508) == (1900, 3, 1))
        XCTAssertTrue(Timestamp.civilFromDays(47_541) == (2100, 3, 1))
        XCTAssertTrue(Timestamp.civilFromDays(-1) == (1969, 12, 31))
    }

    func testEveryDayFrom1896To2104ConvertsToTheNextCivilDate() {
        var days = Timestamp.daysFromCivil(year: 1896, month: 1, day: 1)
        var (year, month, day): (Int64, Int64, Int64) = (1896, 1, 1)
        let end = Timestamp.daysFromCivil(year: 2104, month: 12, day: 31)
        func isLeap(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        func length(_ y: Int64, _ m: Int64) -> Int64 {
            switch m {
            case 2: isLeap(y) ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }
        var mismatches = 0
        while days <= end {
            let civil = Timestamp.civilFromDays(days)
            if civil != (year, month, day) || Timestamp.daysFromCivil(year: year, month: month, day: day) != days {
                mismatches += 1
                if mismatches < 5 { XCTFail("day \(days): got \(civil), expected \((year, month, day))") }
            }
            days += 1
            day += 1
            if day > length(year, month) {
                day = 1
                month += 1
                if month > 12 { month = 1; year += 1 }
            }
        }
        XCTAssertEqual(mismatches, 0)
    }
}
