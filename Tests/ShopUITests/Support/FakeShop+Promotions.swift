import Foundation
import ShopKit
import ShopUI

/// What the fake shop knows about its promotions beyond the list: codes, overlaps, usage, and
/// which promotions' variants the pricing pane asked about (to tell a window from the whole table).
final class FakePromotionData: @unchecked Sendable {
    var codes: [Int64: [String]] = [:]
    var overlaps: [Int64: [PromotionOverlap]] = [:]
    var usage: [Int64: PromotionUsageReport] = [:]
    /// The ids each batched pricing read asked for, in order.
    var summaryRequests: [[Int64]] = []
    /// Where codes were exported to.
    var exportedCodes: [(promotionID: Int64, path: String)] = []
}

extension FakeShop {
    /// The promotions a `state:` term keeps (judged at the fixed clock) and the rest of the filter.
    func promotions(matchingState filter: String) -> ([PromotionListItem], String) {
        var rest: [String] = []
        var items = promotions
        for term in filter.split(separator: " ") {
            if term.lowercased().hasPrefix("state:") {
                let wanted = PromotionState(rawValue: String(term.dropFirst(6)).lowercased())
                items = items.filter { $0.promotion.state(at: fixedNow) == wanted }
            } else {
                rest.append(String(term))
            }
        }
        return (items, rest.joined(separator: " "))
    }

    func promotionFullDetail(id: Int64) throws -> PromotionDetail? {
        guard let promotion = try promotionDetail(id: id) else { return nil }
        let codes = promotionData.codes[id] ?? []
        return PromotionDetail(
            promotion: promotion, state: promotion.state(at: fixedNow), codeCount: Int64(codes.count), codeUses: 0,
            createdAt: nil, updatedAt: nil, overrideNote: promotion.marginOverride ? "1 below the floor" : nil)
    }

    func overlappingPromotionIDs(among ids: [Int64]) throws -> Set<Int64> {
        Set(ids.filter { !(promotionData.overlaps[$0] ?? []).isEmpty })
    }

    func promotionOverlaps(id: Int64) throws -> [PromotionOverlap] { promotionData.overlaps[id] ?? [] }

    func codeItems(_ promotionID: Int64) -> [PromotionCodeItem] {
        (promotionData.codes[promotionID] ?? []).enumerated().map { index, code in
            PromotionCodeItem(id: Int64(index + 1), sortKey: SortKey([.integer(Int64(index + 1))]), code: code,
                              uses: index == 0 ? 1 : 0, orders: index == 0 ? 1 : 0)
        }
    }

    func promotionCodePage(promotionID: Int64, _ request: PageRequest) throws -> [PromotionCodeItem] {
        page(codeItems(promotionID), request, text: { [$0.code] })
    }

    func promotionCodeCount(promotionID: Int64, filter: String) throws -> Int {
        count(codeItems(promotionID), filter, text: { [$0.code] })
    }

    func exportPromotionCodes(promotionID: Int64, to path: String) throws -> Int {
        lock.withLock { promotionData.exportedCodes.append((promotionID, path)) }
        return promotionData.codes[promotionID]?.count ?? 0
    }

    func promotionUsage(id: Int64, codeLimit: Int) throws -> PromotionUsageReport? { promotionData.usage[id] }

    func promotionScopeSKUs(id: Int64, limit: Int) throws -> [String] { Array(prices.map(\.sku).prefix(limit)) }

    /// The variant as the price engine sees it: the pricing row's price and cost.
    func pricedVariant(_ id: Int64) -> PricedVariant? {
        prices.first { $0.id == id }.map {
            PricedVariant(id: $0.id, sku: $0.sku, productTitle: $0.productTitle, price: $0.price, cost: $0.cost)
        }
    }

    func variantPromotionSummaries(ids: [Int64]) throws -> [Int64: VariantPromotionSummary] {
        lock.withLock { promotionData.summaryRequests.append(ids) }
        let all = promotions.map(\.promotion)
        var result: [Int64: VariantPromotionSummary] = [:]
        for id in ids {
            guard let variant = pricedVariant(id) else { continue }
            let quote = PriceEngine.quote(variant, promotions: all, context: PricingContext(at: fixedNow))
            result[id] = VariantPromotionSummary(
                quote: quote, activePromotions: all.filter { $0.state(at: fixedNow) == .active && $0.covers(variant) })
        }
        return result
    }

    func explainVariantPrice(id: Int64, at moment: Timestamp, codes: [String]) throws -> VariantPriceQuote? {
        guard let variant = pricedVariant(id) else { return nil }
        let all = promotions.map(\.promotion)
        let unlocked = Set(all.filter { promotion in
            codes.contains { code in promotion.code.map { $0.uppercased() == code.uppercased() } ?? false }
        }.map(\.id))
        return PriceEngine.quote(
            variant, promotions: all, context: PricingContext(at: moment, codes: codes, unlockedPromotionIDs: unlocked))
    }
}
