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
        let mine = variants.filter { promotion.covers($0) }
        return others
            .filter { $0.id != promotion.id && $0.overlapsInTime(with: promotion) && $0.sharesChannel(with: promotion)
                && $0.canApply(after: max($0.startsAt, promotion.startsAt)) }
            .compactMap { other -> PromotionOverlap? in
                let shared = mine.reduce(0) { $0 + (other.covers($1) ? 1 : 0) }
                guard shared > 0 else { return nil }
                return PromotionOverlap(
                    promotion: other, combines: promotion.combines(with: other), sharedVariants: shared,
                    from: max(promotion.startsAt, other.startsAt), until: [promotion.endsAt, other.endsAt].compactMap { $0 }.min())
            }
            .sorted { ($0.from, $0.promotion.id) < ($1.from, $1.promotion.id) }
    }
}
