/// A moment in UTC, as whole seconds since 1970. Text form is ISO 8601 (`2026-11-20T14:05:00Z`),
/// which also sorts correctly as text in the database.
public struct Timestamp: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let secondsSince1970: Int64

    public init(secondsSince1970: Int64) { self.secondsSince1970 = secondsSince1970 }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    public func adding(seconds: Int64) -> Timestamp { Timestamp(secondsSince1970: secondsSince1970 + seconds) }
    public func adding(days: Int64) -> Timestamp { adding(seconds: days * 86_400) }

    public static func - (lhs: Timestamp, rhs: Timestamp) -> Int64 { lhs.secondsSince1970 - rhs.secondsSince1970 }

    /// Days since 1970-01-01 of a civil date (proleptic Gregorian), after H. Hinnant's algorithm.
    public static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Parses `2026-11-20T14:05:00Z`, `2026-11-20 14:05:00`, `2026-11-20T14:05:00+01:00` or `2026-11-20`.
    public init?(iso8601 text: String) {
        let scalars = Array(text.trimmingWhitespace().utf8)
        func number(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= scalars.count else { return nil }
            var value: Int64 = 0
            for byte in scalars[from..<(from + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard scalars.count >= 10, scalars[4] == 45, scalars[7] == 45,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        // A day past the end of its month (2026-02-30, 2026-04-31) does not exist.
        guard Timestamp.civilFromDays(days) == (year, month, day) else { return nil }
        var seconds = days * 86_400
        if scalars.count > 10 {
            guard scalars.count >= 19, scalars[10] == 84 || scalars[10] == 32,
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  hour < 24, minute < 60, second < 61 else { return nil }
            seconds += hour * 3600 + minute * 60 + second
            var rest = Array(scalars[19...])
            if rest.first == 46 { // fractional seconds are dropped
                rest = Array(rest.drop(while: { $0 == 46 || ($0 >= 48 && $0 <= 57) }))
            }
            while rest.first == 32 { rest.removeFirst() }
            if rest.isEmpty || rest == [90] {
                // UTC
            } else if rest.count >= 5, rest[0] == 43 || rest[0] == 45 {
                let digits = rest.dropFirst().filter { $0 != 58 }
                guard digits.count == 4, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
                let values = digits.map { Int64($0 - 48) }
                let offset = (values[0] * 10 + values[1]) * 3600 + (values[2] * 10 + values[3]) * 60
                seconds += rest[0] == 43 ? -offset : offset
            } else {
                return nil
            }
        }
        self.secondsSince1970 = seconds
    }

    /// `2026-11-20T14:05:00Z`
    public var iso8601: String {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let rest = secondsSince1970 - days * 86_400
        let (y, m, d) = Timestamp.civilFromDays(days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2))Z"
    }

    /// `2026-11-20`
    public var dateText: String { String(iso8601.prefix(10)) }

    /// `2026-11-20 14:05`
    public var minuteText: String {
        let text = iso8601
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }

    /// Whole days since 1970 (UTC).
    public var dayNumber: Int64 { secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400 }

    public var description: String { iso8601 }
}

private func pad(_ value: Int64, _ width: Int) -> String {
    var text = String(value)
    while text.count < width { text = "0" + text }
    return text
}
