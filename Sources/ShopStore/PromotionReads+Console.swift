import Foundation
import GRDB
import ShopKit

/// Reads the console asks for by the names its protocol gives them, and the batched reads that
/// keep the promotions and pricing panes instant: they take the ids of the rows on screen.
extension ShopDatabase {
    /// Effective price now and the promotions running on each of these variants, read in one
    /// transaction with the promotions loaded once. Unknown ids are left out.
    public func variantPromotionSummaries(ids: [Int64]) throws -> [Int64: VariantPromotionSummary] {
        guard !ids.isEmpty else { return [:] }
        let moment = clock()
        return try writer.read { db in
            // Ordered once for the window, not once per variant; the variants in one read.
            let promotions = PriceEngine.ordered(try Self.promotions(db, notEndedAt: moment, currency: currency))
            var result: [Int64: VariantPromotionSummary] = [:]
            for variant in try Self.pricedVariants(db, ids: ids, currency: currency) {
                let id = variant.id
                let quote = PriceEngine.quote(variant, promotions: promotions, context: PricingContext(at: moment))
                let active = promotions.filter { $0.state(at: moment) == .active && $0.covers(variant) }.sorted { $0.id < $1.id }
                result[id] = VariantPromotionSummary(quote: quote, activePromotions: active)
            }
            return result
        }
    }

    /// Which of these promotions meet another one on some variant at some moment. Ended and
    /// used-up promotions meet nothing, so they are not looked at.
    public func overlappingPromotionIDs(among ids: [Int64]) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        let moment = clock()
        return try writer.read { db in
            let stamp = try Int64.fetchOne(db, sql: "SELECT n FROM scope_stamp") ?? 0
            let cached = overlapFlags.lookup(ids, stamp: stamp, now: moment)
            guard !cached.unknown.isEmpty else { return cached.known }
            let asked = try Self.promotions(db, ids: cached.unknown, currency: currency).filter { $0.canApply(after: moment) }
            // Every promotion running at some moment after the earliest start asked about, read
            // once for the window; each tally keeps those that meet its own promotion in time.
            let others = try asked.map(\.startsAt).min().map { try Self.promotions(db, notEndedAt: $0, currency: currency) } ?? []
            var result: Set<Int64> = []
            for promotion in asked {
                var tally = PromotionOverlaps.Tally(promotion: promotion, others: others)
                // Stops at the first variant both cover: usually the first few read.
                try Self.forEachBatch(db, inScopeOf: promotion, alsoIn: tally.candidates, currency: currency, batchSize: 8) { batch in
                    tally.addUntilShared(batch)
                    return !tally.hasOverlap
                }
                if tally.hasOverlap { result.insert(promotion.id) }
            }
            overlapFlags.store(cached.unknown, overlapping: result, stamp: stamp, now: moment)
            return result.union(cached.known)
        }
    }

    /// SKUs of the first variants a promotion applies to, to explain a price with.
    public func promotionScopeSKUs(id: Int64, limit: Int) throws -> [String] {
        try writer.read { db in
            guard let promotion = try Self.promotion(db, id: id, currency: currency) else { return [] }
            var skus: [String] = []
            try Self.forEachBatch(db, inScopeOf: promotion, currency: currency, batchSize: max(limit, 50)) { batch in
                skus += batch.map(\.sku).filter { !$0.isEmpty }
                return skus.count < limit
            }
            return Array(skus.prefix(limit))
        }
    }

    /// One unit of a variant at a moment, with the typed codes, explained step by step.
    public func explainVariantPrice(id: Int64, at moment: Timestamp, codes: [String]) throws -> VariantPriceQuote? {
        try explainPrice(variantID: id, at: moment, codes: codes)
    }

    /// Writes every code of a promotion to a CSV file (codes are text cells, guarded against
    /// formulas); returns the number of codes.
    public func exportPromotionCodes(promotionID: Int64, to path: String) throws -> Int {
        let file = try CSVFileWriter(url: URL(fileURLWithPath: path), header: ["code", "uses", "orders"])
        var count = 0
        try exportPromotionCodes(promotionID: promotionID) { item in
            try file.write([.text(item.code), .integer(item.uses), .integer(item.orders)])
            count += 1
        }
        try file.finish()
        return count
    }
}
