/// Makes single-use promotion codes: a prefix and random characters from an alphabet without the
/// look-alikes 0/O and 1/I (a customer reads them off a printed card or an email).
///
/// Deterministic for a given seed (SplitMix64), so a batch can be reproduced in a test and two
/// runs with the same seed agree. Eight characters from 32 give 2^40 codes: collisions with codes
/// already in the shop are possible but rare, and `codes(count:isTaken:)` skips them.
public struct PromotionCodeGenerator: Sendable {
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    public static let defaultLength = 8

    public let prefix: String
    public let length: Int
    private var state: UInt64

    public init(prefix: String, length: Int = PromotionCodeGenerator.defaultLength, seed: UInt64) {
        self.prefix = prefix
        self.length = max(4, length)
        self.state = seed
    }

    private mutating func nextRandom() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next code, which may repeat an earlier one (rarely): callers that need distinct codes
    /// use `codes(count:isTaken:)`.
    public mutating func next() -> String {
        var body = ""
        var bits = nextRandom()
        var available = 64
        for _ in 0..<length {
            if available < 5 {
                bits = nextRandom()
                available = 64
            }
            body.append(Self.alphabet[Int(bits & 31)])
            bits >>= 5
            available -= 5
        }
        return prefix + body
    }

    /// `count` distinct codes, none of which `isTaken` (codes already in the shop). Gives up
    /// after many misses in a row, which only a nearly full code space causes.
    public mutating func codes(count: Int, isTaken: (String) throws -> Bool) rethrows -> [String] {
        var made: [String] = []
        var seen = Set<String>()
        var misses = 0
        while made.count < count && misses < 1_000 {
            let code = next()
            let taken = try isTaken(code)
            if seen.contains(code) || taken {
                misses += 1
                continue
            }
            misses = 0
            seen.insert(code)
            made.append(code)
        }
        return made
    }
}
