/// Another promotion that applies to some of the same variants at the same time.
public struct PromotionOverlap: Hashable, Sendable {
    public let promotion: Promotion
    /// True when both may apply to the same cart; false when one excludes the other (the lower
    /// price wins, see docs/PROMOTIONS.md).
    public let combines: Bool
    /// How many of the given variants both cover.
    public let sharedVariants: Int
    /// The time both run: from the later start to the earlier end (nil: open-ended).
    public let from: Timestamp
    public let until: Timestamp?

    public init(promotion: Promotion, combines: Bool, sharedVariants: Int, from: Timestamp, until: Timestamp?) {
        self.promotion = promotion
        self.combines = combines
        self.sharedVariants = sharedVariants
        self.from = from
        self.until = until
    }
}

public enum PromotionOverlaps {
    /// The promotions among `others` that overlap `promotion` in time and in scope (judged on
    /// `variants`, normally those in its scope), ordered by start then number. Promotions for
    /// another channel, or used up, never meet it and are left out.
    public static func find(for promotion: Promotion, among others: [Promotion], variants: [PricedVariant]) -> [PromotionOverlap] {
        var tally = Tally(promotion: promotion, others: others)
        tally.add(variants)
        return tally.overlaps
    }

    /// `find`, a batch of variants at a time: a shop's variants need not all be in memory, and a
    /// caller that only asks whether there is any overlap can stop at the first shared variant.
    public struct Tally: Sendable {
        public let promotion: Promotion
        /// The others that can meet the promotion at all (time, channel, not used up).
        public let candidates: [Promotion]
        private var shared: [Int]

        public init(promotion: Promotion, others: [Promotion]) {
            self.promotion = promotion
            candidates = others.filter {
                $0.id != promotion.id && $0.overlapsInTime(with: promotion) && $0.sharesChannel(with: promotion)
                    && $0.canApply(after: max($0.startsAt, promotion.startsAt))
            }
            shared = Array(repeating: 0, count: candidates.count)
        }

        public mutating func add(_ variants: [PricedVariant]) {
            for variant in variants where promotion.covers(variant) {
                for (index, other) in candidates.enumerated() where other.covers(variant) { shared[index] += 1 }
            }
        }

        /// Like `add`, but stops at the first variant the promotion shares with another: enough
        /// for `hasOverlap`, not for the counts of `overlaps`.
        public mutating func addUntilShared(_ variants: [PricedVariant]) {
            for variant in variants where promotion.covers(variant) {
                if let index = candidates.firstIndex(where: { $0.covers(variant) }) {
                    shared[index] += 1
                    return
                }
            }
        }

        /// True once some variant is covered by the promotion and by another.
        public var hasOverlap: Bool { shared.contains { $0 > 0 } }

        public var overlaps: [PromotionOverlap] {
            zip(candidates, shared)
                .filter { $0.1 > 0 }
                .map { other, count in
                    PromotionOverlap(
                        promotion: other, combines: promotion.combines(with: other), sharedVariants: count,
                        from: max(promotion.startsAt, other.startsAt), until: [promotion.endsAt, other.endsAt].compactMap { $0 }.min())
                }
                .sorted { ($0.from, $0.promotion.id) < ($1.from, $1.promotion.id) }
        }
    }
}
