import GRDB
import ShopKit

/// Reads for the promotions pane and the pricing pane: a promotion's detail, codes, overlaps,
/// margin-guard preview and usage; a variant's effective price and its explanation.
extension ShopDatabase {
    public func promotionFullDetail(id: Int64) throws -> PromotionDetail? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT \(PromotionColumns.selection),
                       (SELECT count(*) FROM promotion_code c WHERE c.promotion_id = pr.id) AS code_count,
                       (SELECT COALESCE(SUM(c.uses), 0) FROM promotion_code c WHERE c.promotion_id = pr.id) AS code_uses,
                       (SELECT l.new_value FROM audit_log l WHERE l.entity = 'promotion' AND l.entity_id = pr.id
                         AND l.field = 'margin_guard_override' ORDER BY l.id DESC LIMIT 1) AS override_note
                FROM promotion pr WHERE pr.id = ?
                """, arguments: [id]) else { return nil }
            let promotion = try PromotionColumns.promotion(row, currency: currency)
            return PromotionDetail(
                promotion: promotion, state: promotion.state(at: clock()), codeCount: row["code_count"],
                codeUses: row["code_uses"], createdAt: (row["created_at"] as String?).flatMap(Timestamp.init(iso8601:)),
                updatedAt: (row["updated_at"] as String?).flatMap(Timestamp.init(iso8601:)),
                overrideNote: promotion.marginOverride ? row["override_note"] : nil)
        }
    }

    /// A window of a promotion's codes in the order they were made, by keyset on the code's id
    /// (`PageRequest` as the lists use it; `filter` is a code prefix).
    public func promotionCodePage(promotionID: Int64, _ request: PageRequest) throws -> [PromotionCodeItem] {
        try writer.read { db in
            var sql = """
                SELECT pc.id, pc.code, pc.uses,
                       (SELECT count(DISTINCT ol.order_id) FROM order_line ol JOIN sales_order o ON o.id = ol.order_id
                         WHERE ol.promotion_code = pc.code COLLATE NOCASE AND o.status <> 'cancelled') AS orders
                FROM promotion_code pc WHERE pc.promotion_id = ?
                """
            var arguments: StatementArguments = [promotionID]
            let filter = request.filter.trimmingWhitespace()
            if !filter.isEmpty {
                sql += " AND pc.code LIKE ? ESCAPE '\\'"
                arguments += [FilterText.prefix(filter)]
            }
            let forward: Bool
            let key: SortKey?
            switch request.direction {
            case .after(let after): forward = true; key = after
            case .before(let before): forward = false; key = before
            }
            if case .integer(let last)? = key?.values.first {
                sql += forward ? " AND pc.id > ?" : " AND pc.id < ?"
                arguments += [last]
            }
            sql += forward ? " ORDER BY pc.id LIMIT ?" : " ORDER BY pc.id DESC LIMIT ?"
            arguments += [request.limit]
            let items = try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.codeItem)
            return forward ? items : items.reversed()
        }
    }

    public func promotionCodeCount(promotionID: Int64, filter: String = "") throws -> Int {
        try writer.read { db in
            let text = filter.trimmingWhitespace()
            if text.isEmpty {
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM promotion_code WHERE promotion_id = ?", arguments: [promotionID]) ?? 0
            }
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM promotion_code WHERE promotion_id = ? AND code LIKE ? ESCAPE '\\'
                """, arguments: [promotionID, FilterText.prefix(text)]) ?? 0
        }
    }

    /// Every code of a promotion, in the order they were made, handed to `row` one at a time
    /// (a cursor: ten thousand codes are never all in memory). The caller writes the file.
    public func exportPromotionCodes(promotionID: Int64, _ row: (PromotionCodeItem) throws -> Void) throws {
        try writer.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT pc.id, pc.code, pc.uses,
                       (SELECT count(DISTINCT ol.order_id) FROM order_line ol JOIN sales_order o ON o.id = ol.order_id
                         WHERE ol.promotion_code = pc.code COLLATE NOCASE AND o.status <> 'cancelled') AS orders
                FROM promotion_code pc WHERE pc.promotion_id = ? ORDER BY pc.id
                """, arguments: [promotionID])
            while let next = try cursor.next() { try row(Self.codeItem(next)) }
        }
    }

    private static func codeItem(_ row: Row) -> PromotionCodeItem {
        PromotionCodeItem(
            id: row["id"], sortKey: SortKey([.integer(row["id"])]), code: row["code"], uses: row["uses"], orders: row["orders"])
    }

    /// The promotions running on some of the same variants at the same time, and whether each combines.
    public func promotionOverlaps(id: Int64) throws -> [PromotionOverlap] {
        try writer.read { db in
            guard let promotion = try Self.promotion(db, id: id, currency: currency) else { return [] }
            var tally = PromotionOverlaps.Tally(
                promotion: promotion, others: try Self.promotions(db, overlapping: promotion, currency: currency))
            try Self.forEachBatch(db, inScopeOf: promotion, alsoIn: tally.candidates, currency: currency) { batch in
                tally.add(batch)
                return true
            }
            return tally.overlaps
        }
    }

    /// What the margin guard would say if the promotion were saved as it is now (nothing is written).
    /// For an edit, pass the edited promotion with its id, so it is not weighed against itself.
    public func marginGuardPreview(_ promotion: Promotion) throws -> MarginGuardReport {
        let promotion = try PromotionColumns.normalized(promotion)
        return try writer.read { db in try Self.marginGuard(db, for: promotion, currency: currency) }
    }

    /// A variant's price now (or at `moment`) under the automatic promotions, and the promotions
    /// running on it. Nil when the variant does not exist.
    public func variantPromotions(variantID: Int64, at moment: Timestamp? = nil) throws -> VariantPromotionSummary? {
        let moment = moment ?? clock()
        return try writer.read { db in
            guard let variant = try Self.pricedVariant(db, id: variantID, currency: currency) else { return nil }
            let promotions = try Self.promotions(db, notEndedAt: moment, currency: currency)
            let quote = PriceEngine.quote(variant, promotions: promotions, context: PricingContext(at: moment))
            let active = promotions.filter { $0.state(at: moment) == .active && $0.covers(variant) }
            return VariantPromotionSummary(quote: quote, activePromotions: active)
        }
    }

    /// The price of `quantity` units of a variant at a moment, with codes, channel and customer,
    /// explained step by step (regular price, each promotion applied or skipped and why, rounding,
    /// result). Nil when the variant does not exist.
    public func explainPrice(
        variantID: Int64, at moment: Timestamp? = nil, codes: [String] = [], channel: String? = nil, quantity: Int64 = 1,
        customerID: Int64? = nil
    ) throws -> VariantPriceQuote? {
        let moment = moment ?? clock()
        return try writer.read { db in
            guard let variant = try Self.pricedVariant(db, id: variantID, currency: currency) else { return nil }
            return PriceEngine.quote(
                variant, quantity: quantity, promotions: try Self.promotions(db, notEndedAt: moment, currency: currency),
                context: try pricingContext(db, at: moment, codes: codes, channel: channel, customerID: customerID))
        }
    }

    /// The price of a cart of variants (ids that do not exist are left out), with shipping.
    public func quoteCart(
        lines: [(variantID: Int64, quantity: Int64)], shipping: Money, at moment: Timestamp? = nil, codes: [String] = [],
        channel: String? = nil, customerID: Int64? = nil
    ) throws -> CartQuote {
        let moment = moment ?? clock()
        return try writer.read { db in
            var cartLines: [CartLine] = []
            for line in lines {
                guard let variant = try Self.pricedVariant(db, id: line.variantID, currency: currency) else { continue }
                cartLines.append(CartLine(variant: variant, quantity: line.quantity))
            }
            return PriceEngine.quote(
                Cart(lines: cartLines, shipping: shipping), promotions: try Self.promotions(db, notEndedAt: moment, currency: currency),
                context: try pricingContext(db, at: moment, codes: codes, channel: channel, customerID: customerID))
        }
    }

    private func pricingContext(
        _ db: Database, at moment: Timestamp, codes: [String], channel: String?, customerID: Int64?
    ) throws -> PricingContext {
        PricingContext(
            at: moment, codes: codes, unlockedPromotionIDs: try Self.unlockedPromotions(db, codes: codes), channel: channel,
            customerUses: try Self.customerUses(db, customerID: customerID))
    }

    /// Uses, orders, revenue and discount of a promotion and of its codes, from the orders
    /// (cancelled ones left out). `codeLimit` bounds the per-code rows (most orders first).
    public func promotionUsage(id: Int64, codeLimit: Int = 100) throws -> PromotionUsageReport? {
        try writer.read { db in
            guard let uses = try Int64.fetchOne(db, sql: "SELECT uses FROM promotion WHERE id = ?", arguments: [id]) else {
                return nil
            }
            // The lines that carry one of the promotion's codes, in orders that count.
            let usedLines = """
                SELECT ol.order_id, ol.quantity, ol.discount_minor, pc.id AS code_id
                FROM promotion_code pc JOIN order_line ol ON ol.promotion_code = pc.code COLLATE NOCASE
                JOIN sales_order o ON o.id = ol.order_id
                WHERE pc.promotion_id = ? AND o.status <> 'cancelled'
                """
            let totals = try Row.fetchOne(db, sql: """
                WITH used AS (\(usedLines))
                SELECT (SELECT count(DISTINCT order_id) FROM used) AS orders,
                       (SELECT COALESCE(SUM(quantity), 0) FROM used) AS units,
                       (SELECT COALESCE(SUM(discount_minor), 0) FROM used) AS discount,
                       (SELECT COALESCE(SUM(l.quantity * l.unit_price_minor - l.discount_minor), 0) FROM order_line l
                         WHERE l.order_id IN (SELECT order_id FROM used)) AS revenue
                """, arguments: [id])!
            let perCode = try Row.fetchAll(db, sql: """
                WITH used AS (\(usedLines)),
                     per_code AS (SELECT code_id, count(DISTINCT order_id) AS orders, SUM(quantity) AS units,
                                         SUM(discount_minor) AS discount FROM used GROUP BY code_id)
                SELECT pc.code, pc.uses, p.orders, p.units, p.discount,
                       (SELECT COALESCE(SUM(l.quantity * l.unit_price_minor - l.discount_minor), 0) FROM order_line l
                         WHERE l.order_id IN (SELECT order_id FROM used WHERE used.code_id = p.code_id)) AS revenue
                FROM per_code p JOIN promotion_code pc ON pc.id = p.code_id
                ORDER BY p.orders DESC, pc.id LIMIT ?
                """, arguments: [id, codeLimit])
            let codesUsed = try Int64.fetchOne(
                db, sql: "WITH used AS (\(usedLines)) SELECT count(DISTINCT code_id) FROM used", arguments: [id]) ?? 0
            return PromotionUsageReport(
                promotionID: id, recordedUses: uses, totals: figures(totals),
                codes: perCode.map { PromotionCodeUsage(code: $0["code"], recordedUses: $0["uses"], figures: figures($0)) },
                codesUsed: codesUsed)
        }
    }

    private func figures(_ row: Row) -> PromotionUsageFigures {
        PromotionUsageFigures(
            orders: row["orders"], units: row["units"], revenue: Money(minorUnits: row["revenue"], currency: currency),
            discount: Money(minorUnits: row["discount"], currency: currency))
    }
}
