/// One change of a variant's price, as kept for the EU Omnibus rule and for undo.
public struct PriceChangeRecord: Hashable, Sendable {
    public let at: Timestamp
    /// Nil when the variant had no price before (it was just created).
    public let oldPrice: Money?
    /// Nil when the price was removed (the variant was taken off sale).
    public let newPrice: Money?
    /// Who made the change, as shown in the audit log.
    public let actor: String
    /// The bulk change this was part of, if any, so a whole batch can be traced together.
    public let batch: String?

    public init(at: Timestamp, oldPrice: Money?, newPrice: Money?, actor: String, batch: String? = nil) {
        self.at = at
        self.oldPrice = oldPrice
        self.newPrice = newPrice
        self.actor = actor
        self.batch = batch
    }
}

/// The EU Omnibus reference price: when a shop announces a reduction, the "was" price it shows
/// must be the lowest price it charged in the 30 days before the reduction. Showing a higher
/// compare-at price makes the discount look larger than it is, which the directive forbids.
public enum OmnibusReference {
    /// The lowest price the variant had at any moment in the `days` days up to and including `now`.
    ///
    /// The price at the window start is reconstructed from the history: the new price of the last
    /// change at or before the window start; if no change is that old, the old price of the oldest
    /// record; with no history at all, the current price. Every change inside the window then adds
    /// the price it set and the price it replaced (which was charged until that moment, so inside
    /// the window too — this also covers a history with a missing record). The current price always
    /// counts. Changes after `now` have not happened yet and are ignored; prices in another currency
    /// and removed prices (nil) are not prices a customer could pay, and are skipped.
    public static func lowestPrice(current: Money, history: [PriceChangeRecord], now: Timestamp, days: Int64 = 30) -> Money {
        let windowStart = now.adding(days: -days)
        let past = history.enumerated()
            .filter { $0.element.at <= now }
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
        let before = past.filter { $0.at <= windowStart }
        let inside = past.filter { $0.at > windowStart }

        var candidates: [Money?] = [current]
        if let last = before.last {
            candidates.append(last.newPrice)
        } else if let oldest = past.first {
            candidates.append(oldest.oldPrice)
        }
        for record in inside {
            candidates.append(record.oldPrice)
            candidates.append(record.newPrice)
        }
        return candidates
            .compactMap { $0 }
            .filter { $0.currency == current.currency }
            .min() ?? current
    }

    /// A warning when a compare-at ("was") price is above the Omnibus reference price, or nil when
    /// it is fine (no compare-at price, or one at or below the reference).
    public static func compareAtWarning(compareAt: Money?, reference: Money, days: Int64 = 30) -> String? {
        guard let compareAt else { return nil }
        guard compareAt.currency == reference.currency else {
            return "the compare-at price is in \(compareAt.currency.code), prices are in \(reference.currency.code)"
        }
        guard compareAt > reference else { return nil }
        return "the compare-at price \(compareAt.formatted) is above \(reference.formatted), "
            + "the lowest price of the last \(days) days: a reduction must be shown against that lowest price"
    }
}
