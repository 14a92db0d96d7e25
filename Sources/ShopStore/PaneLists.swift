import GRDB
import ShopKit

/// The five panes' lists: what each shows, in which order, and how its filter matches.
///
/// A filter is a `FilterQuery` under the list's `FilterKeys`: free text matched as the list
/// always matched text, ANDed with one condition per `key:value` field. Every condition is
/// constant SQL; values travel as bound arguments only.
struct PaneLists: Sendable {
    let currency: Currency
    let locations: [Location]
    /// Who "mine" is: the person at the console (the store's actor).
    var actor: String = ""
    /// The moment time-derived filters (`overdue:yes`) and sales velocity are judged at: the store's clock.
    let now: Timestamp
    /// When a filtered window walks the list order rather than sorting its matches.
    var planLimits = FilterPlan.Limits.standard

    init(currency: Currency, locations: [Location], now: Timestamp = SystemClock.now()) {
        self.currency = currency
        self.locations = locations
        self.now = now
    }

    init(currency: Currency, locationIDs: [Int64], now: Timestamp = SystemClock.now()) {
        self.init(
            currency: currency, locations: locationIDs.map { Location(id: $0, code: "L\($0)", name: "", kind: .warehouse) },
            now: now)
    }

    /// How badly a product needs attention, as minus the sum of `ContentIssue.weight` over its
    /// issues (so "worst first" is ascending). Duplicate codes cannot occur here: the schema keeps
    /// SKUs and barcodes unique.
    static let attentionSQL = """
        (-((CASE WHEN NOT EXISTS (SELECT 1 FROM variant av WHERE av.product_id = p.id)
                   OR EXISTS (SELECT 1 FROM variant av WHERE av.product_id = p.id AND av.price_minor = 0) THEN 512 ELSE 0 END)
          + (CASE WHEN p.status = 'active' AND p.on_hand <= 0 THEN 64 ELSE 0 END)
          + (CASE WHEN trim(p.body_html) = '' THEN 32 ELSE 0 END)
          + (CASE WHEN NOT EXISTS (SELECT 1 FROM product_image ai WHERE ai.product_id = p.id) THEN 16 ELSE 0 END)
          + (CASE WHEN p.seo_title = '' THEN 8 WHEN length(p.seo_title) > 60 THEN 4 ELSE 0 END)
          + (CASE WHEN p.seo_description = '' THEN 2 WHEN length(p.seo_description) > 160 THEN 1 ELSE 0 END)))
        """

    /// The catalog by title (the default), or worst content health first (`order` "attention").
    /// The attention order has no index: it reads and scores the filtered products, which is
    /// meant to be narrowed first (`attention:yes`, a vendor, a type).
    func products(order: String = "") -> KeysetList<ProductListItem> {
        let sortColumns = order == "attention" ? [Self.attentionSQL, "p.title", "p.id"] : ["p.title", "p.id"]
        let sortNames = order == "attention" ? ["sortA", "sort0", "sort1"] : ["sort0", "sort1"]
        var readPlan: ((Database, String) throws -> WindowPlan?)?
        let limits = planLimits
        if order != "attention" { readPlan = { db, text in try Self.catalogReadPlan(db, text, limits: limits) } }
        return KeysetList(
            columns: """
                p.id, p.title, p.vendor, p.product_type, p.status, p.version, p.title AS sort0, p.id AS sort1,
                """ + (order == "attention" ? Self.attentionSQL + " AS sortA," : "") + """
                       (SELECT count(*) FROM variant v WHERE v.product_id = p.id) AS variant_count,
                       p.on_hand AS total_stock,
                       (SELECT group_concat(code, ' ') FROM (SELECT c.code FROM product_listing pl
                         JOIN channel c ON c.id = pl.channel_id
                         WHERE pl.product_id = p.id AND pl.state = 'listed' ORDER BY c.id)) AS channels
                """,
            from: """
                product p
                """,
            sortColumns: sortColumns, descending: false,
            filter: Self.query(.catalog, freeText: Self.productWords) { _, field in
                switch field.key {
                case .tag:
                    return ("""
                        p.id IN (SELECT ft.product_id FROM product_tag ft JOIN tag fg ON fg.id = ft.tag_id WHERE fg.name = ?)
                        """, [field.value])
                case .channel:
                    return ("""
                        p.id IN (SELECT fpl.product_id FROM product_listing fpl WHERE fpl.state = 'listed'
                                 AND fpl.channel_id IN (SELECT fc.id FROM channel fc WHERE fc.code = ? COLLATE NOCASE))
                        """, [field.value])
                case .stock:
                    // The terms of the partial index `product_active_without_stock_by_title`, as written there.
                    return ("p.status = 'active' AND p.on_hand <= 0", [])
                case .attention:
                    // The content-health rules of ContentHealth, in SQL (a body of only HTML tags
                    // counts as present here; the detail view applies the exact rule).
                    return ("""
                        (trim(p.body_html) = '' OR p.seo_title = '' OR length(p.seo_title) > 60
                         OR p.seo_description = '' OR length(p.seo_description) > 160
                         OR NOT EXISTS (SELECT 1 FROM product_image fi WHERE fi.product_id = p.id)
                         OR NOT EXISTS (SELECT 1 FROM variant fv WHERE fv.product_id = p.id)
                         OR EXISTS (SELECT 1 FROM variant fv WHERE fv.product_id = p.id AND fv.price_minor = 0)
                         OR (p.status = 'active' AND p.on_hand <= 0))
                        """, [])
                default:
                    return Self.productCondition(field)
                }
            },
            decode: { row in
                ProductListItem(
                    id: row["id"], sortKey: row.sortKey(sortNames), title: row["title"], vendor: row["vendor"],
                    productType: row["product_type"], status: ProductStatus(rawValue: row["status"]) ?? .draft,
                    variantCount: row["variant_count"], totalStock: row["total_stock"],
                    channels: (row["channels"] as String?)?.split(separator: " ").map(String.init) ?? [],
                    version: row["version"])
            },
            readPlan: readPlan, countShortcut: Self.catalogCount).counted(by: "product")
    }

    /// Margin in basis points as an integer expression (variants without a cost or price sort last);
    /// the index `variant_by_margin` holds the same expression.
    static let marginSQL = """
        (CASE WHEN cost_minor IS NULL OR price_minor <= 0 THEN 1000000 \
        ELSE (price_minor - cost_minor) * 10000 / price_minor END)
        """

    /// Pricing by SKU (the default), or by margin, lowest first (`order` "margin").
    func prices(order: String = "") -> KeysetList<VariantPriceItem> {
        let currency = self.currency
        let sortExpression = order == "margin" ? Self.marginSQL : "v.sku"
        let limits = planLimits
        return KeysetList(
            columns: """
                v.id, v.sku, v.option1, v.option2, v.option3, v.price_minor, v.compare_at_minor, v.cost_minor,
                       v.version, v.status AS variant_status, p.title AS product_title, v.id AS sort1,
                """ + sortExpression + " AS sort0",
            from: """
                variant v JOIN product p ON p.id = v.product_id
                """,
            sortColumns: [sortExpression, "v.id"], descending: false,
            filter: Self.query(.pricing, freeText: { db, text in try Self.variantText(db, text, limits: limits) }, field: Self.pricingField),
            decode: { row in
                let money: (String) -> Money? = { column in
                    (row[column] as Int64?).map { Money(minorUnits: $0, currency: currency) }
                }
                return VariantPriceItem(
                    id: row["id"], sortKey: row.sortKey(["sort0", "sort1"]), sku: row["sku"],
                    productTitle: row["product_title"],
                    optionSummary: Self.options(row) + ((row["variant_status"] as String?) == "archived" ? " (archived)" : ""),
                    price: money("price_minor") ?? .zero(currency), compareAtPrice: money("compare_at_minor"),
                    cost: money("cost_minor"), version: row["version"])
            },
            readPlan: Self.variantReadPlan(.pricing, limits: limits, field: Self.pricingField),
            countShortcut: { db, text in try Self.variantCount(db, text, keys: .pricing) }).counted(by: "variant")
    }

    private static func pricingField(_ db: Database, _ field: FilterField) throws -> FilterSQL? {
        switch field.key {
        case .floor:
            // Under the floor exactly as `MarginFloor.check` says: price × (10,000 − floor) < cost × 10,000.
            let floor = try ShopDatabase.marginFloorBasisPoints(db)
            return ("v.cost_minor IS NOT NULL AND v.price_minor * ? < v.cost_minor * 10000", [10_000 - floor])
        case .cost:
            return ("v.cost_minor IS NULL", [])
        default:
            return productCondition(field)
        }
    }

    /// Stock by SKU, with what planning needs per row: levels per location, reserved, reorder
    /// settings, units sold in the velocity window (from orders) and the unit cost.
    var stock: KeysetList<StockListItem> {
        let locations = self.locations
        let currency = self.currency
        let windowStart = now.adding(seconds: -SalesVelocity.windowDays * 86_400).iso8601
        let overstockDays = StockView.overstockDays
        let limits = planLimits
        let stockField: @Sendable (Database, FilterField) throws -> FilterSQL? = { db, field in
            switch field.key {
            case .location:
                // A location holding few variants (quarantine, a small shop) drives the read
                // from its stock levels; one holding many is tested row by row in SKU order.
                let holding: FilterSQL = ("""
                    fl.location_id IN (SELECT flo.id FROM location flo WHERE flo.code = ? COLLATE NOCASE) AND fl.on_hand > 0
                    """, [field.value])
                if try FilterPlan.count(db, from: "stock_level fl", where: holding, upTo: limits.variantRowsSortAtMost)
                    <= limits.variantRowsSortAtMost {
                    return ("v.id IN (SELECT fl.variant_id FROM stock_level fl WHERE " + holding.sql + ")", holding.arguments)
                }
                return ("""
                    EXISTS (SELECT 1 FROM stock_level fl JOIN location flo ON flo.id = fl.location_id
                            WHERE fl.variant_id = v.id AND flo.code = ? COLLATE NOCASE AND fl.on_hand > 0)
                    """, [field.value])
            case .stock where field.value == StockView.low.rawValue:
                return ("s.reorder_point IS NOT NULL AND " + Self.availableSQL + " <= s.reorder_point", [])
            case .stock where field.value == StockView.over.rawValue:
                // More cover than the threshold: available × window > threshold × sold, which
                // also holds for stock that did not sell at all.
                return ("""
                    \(Self.availableSQL) > 0
                    AND \(Self.availableSQL) * \(SalesVelocity.windowDays) > ? * \(Self.soldSinceSQL)
                    """, [overstockDays, windowStart])
            case .stock where field.value == StockView.oversold.rawValue:
                return ("""
                    \(Self.availableSQL) < 0
                    AND EXISTS (SELECT 1 FROM product_listing fpl WHERE fpl.product_id = p.id AND fpl.state = 'listed')
                    """, [])
            case .stock:
                return (Self.availableSQL + " <= 0", [])
            default:
                return Self.productCondition(field)
            }
        }
        return KeysetList(
            columns: """
                v.id, v.sku, v.option1, v.option2, v.option3, v.cost_minor, p.title AS product_title,
                       v.sku AS sort0, v.id AS sort1,
                       (SELECT group_concat(l.location_id || ':' || l.on_hand, ' ') FROM stock_level l
                         WHERE l.variant_id = v.id) AS levels,
                       v.reserved,
                """ + Self.soldSinceSQL + """
                 AS sold,
                       s.reorder_point, s.reorder_quantity, s.lead_time_days, s.version AS setting_version
                """,
            columnArguments: [windowStart],
            from: """
                variant v JOIN product p ON p.id = v.product_id
                LEFT JOIN stock_setting s ON s.variant_id = v.id
                """,
            sortColumns: ["v.sku", "v.id"], descending: false,
            filter: Self.query(.stock, freeText: { db, text in try Self.variantText(db, text, limits: limits) }, field: stockField),
            decode: { row in
                var byLocation: [Int64: Int64] = [:]
                for pair in ((row["levels"] as String?) ?? "").split(separator: " ") {
                    let parts = pair.split(separator: ":")
                    if parts.count == 2, let location = Int64(parts[0]), let quantity = Int64(parts[1]) {
                        byLocation[location] = quantity
                    }
                }
                let reorder: ReorderSettings? = (row["reorder_point"] as Int64?).map {
                    ReorderSettings(
                        reorderPoint: $0, reorderQuantity: row["reorder_quantity"], leadTimeDays: row["lead_time_days"],
                        version: row["setting_version"])
                }
                return StockListItem(
                    id: row["id"], sortKey: row.sortKey(["sort0", "sort1"]), sku: row["sku"],
                    productTitle: row["product_title"], optionSummary: Self.options(row),
                    onHandByLocation: locations.map { byLocation[$0.id] ?? 0 },
                    sellableByLocation: locations.map(\.isSellable), reserved: row["reserved"], reorder: reorder,
                    velocity: SalesVelocity(unitsSold: row["sold"]),
                    unitCost: (row["cost_minor"] as Int64?).map { Money(minorUnits: $0, currency: currency) })
            },
            readPlan: Self.variantReadPlan(.stock, limits: limits, field: stockField),
            countShortcut: { db, text in try Self.variantCount(db, text, keys: .stock) }).counted(by: "variant")
    }

    /// Units of the variant `v` sold since the moment bound to its `?` (orders not cancelled).
    static let soldSinceSQL = """
        (SELECT COALESCE(SUM(sol.quantity), 0) FROM order_line sol JOIN sales_order so ON so.id = sol.order_id
                         WHERE sol.variant_id = v.id AND so.placed_at >= ? AND so.status <> 'cancelled')
        """

    var promotions: KeysetList<PromotionListItem> {
        let currency = self.currency
        let now = self.now.iso8601
        return KeysetList(
            columns: """
                pr.*, pr.starts_at AS sort0, pr.id AS sort1,
                       (SELECT code FROM promotion_code pc WHERE pc.promotion_id = pr.id ORDER BY pc.id LIMIT 1) AS first_code
                """,
            from: """
                promotion pr
                """,
            sortColumns: ["pr.starts_at", "pr.id"], descending: true,
            filter: Self.query(.promotions, freeText: { text in
                let pattern = FilterText.contains(text)
                return ("""
                    pr.name LIKE ? ESCAPE '\\' OR pr.kind LIKE ? ESCAPE '\\' OR pr.scope_value LIKE ? ESCAPE '\\'
                    OR pr.id IN (SELECT promotion_id FROM promotion_code WHERE code LIKE ? ESCAPE '\\')
                    """, [pattern, pattern, pattern, pattern])
            }) { _, field in
                switch field.key {
                case .kind:
                    return ("pr.kind = ?", [field.value])
                case .code:
                    return ("""
                        pr.id IN (SELECT fpc.promotion_id FROM promotion_code fpc WHERE fpc.code LIKE ? ESCAPE '\\')
                        """, [FilterText.prefix(field.value)])
                case .state:
                    return Self.promotionState(field.value, now: now)
                default:
                    return nil
                }
            },
            decode: { row in
                PromotionListItem(sortKey: row.sortKey(["sort0", "sort1"]), promotion: try Self.promotion(row, currency: currency))
            })
    }

    /// A promotion's derived state as SQL, in the order `PromotionState.derive` decides it:
    /// expired, then exhausted, then paused, then scheduled or active. The clock is a bound value.
    static func promotionState(_ state: String, now: String) -> FilterSQL? {
        let expired = "(pr.ends_at IS NOT NULL AND pr.ends_at <= ?)"
        let exhausted = "(pr.usage_limit IS NOT NULL AND pr.uses >= pr.usage_limit)"
        switch PromotionState(rawValue: state) {
        case .expired: return (expired, [now])
        case .exhausted: return ("NOT \(expired) AND \(exhausted)", [now])
        case .paused: return ("NOT \(expired) AND NOT \(exhausted) AND pr.paused = 1", [now])
        case .scheduled: return ("NOT \(expired) AND NOT \(exhausted) AND pr.paused = 0 AND pr.starts_at > ?", [now, now])
        case .active: return ("NOT \(expired) AND NOT \(exhausted) AND pr.paused = 0 AND pr.starts_at <= ?", [now, now])
        case nil: return nil
        }
    }

    // MARK: filters

    /// A list's filter: the text parsed under `keys`; its free text matched by `freeText`, each
    /// field by `field`, all ANDed. A refused value, or free text that cannot match (no words
    /// for the search index), matches nothing.
    static func query(
        _ keys: FilterKeys, freeText: @escaping (String) -> FilterSQL?,
        field: @escaping (Database, FilterField) throws -> FilterSQL?
    ) -> (Database, String) throws -> FilterSQL? {
        query(keys, freeText: { _, text in freeText(text) }, field: field)
    }

    /// `query`, with free text that reads the database to choose its SQL (see `FilterPlan`).
    static func query(
        _ keys: FilterKeys, freeText: @escaping (Database, String) throws -> FilterSQL?,
        field: @escaping (Database, FilterField) throws -> FilterSQL?
    ) -> (Database, String) throws -> FilterSQL? {
        { db, text in
            let query = FilterQuery(parsing: text, keys: keys)
            guard !query.matchesNothing else { return nil }
            var conditions: [FilterSQL?] = []
            if !query.freeText.isEmpty { conditions.append(try freeText(db, query.freeText)) }
            for item in query.fields { conditions.append(try field(db, item)) }
            return FilterText.all(conditions)
        }
    }

    /// How a variant list's window reads its filter: as the count reads it, except that its free
    /// text is read into a `MatchSet` first (see `variantText`).
    private static func variantReadPlan(
        _ keys: FilterKeys, limits: FilterPlan.Limits, field: @escaping (Database, FilterField) throws -> FilterSQL?
    ) -> (Database, String) throws -> WindowPlan? {
        let windowFilter = query(keys, freeText: { db, text in try variantText(db, text, limits: limits, forWindow: true) }, field: field)
        return { db, text in WindowPlan(filter: try windowFilter(db, text)) }
    }

    /// Products by the words of their title, vendor, type, tags and handle, each word a prefix.
    private static func productWords(_ text: String) -> FilterSQL? {
        guard let pattern = FilterText.ftsPrefixes(text) else { return nil }
        return ("p.id IN (SELECT rowid FROM product_fts WHERE product_fts MATCH ?)", [pattern])
    }

    /// Fields of the product `p`, shared by the catalog and the variant lists.
    static func productCondition(_ field: FilterField) -> FilterSQL? {
        switch field.key {
        case .status where field.value == ProductStatus.active.rawValue:
            return ("p.status = ?", [field.value])
        case .status:
            // The redundant term lets SQLite use the index that holds only products not active.
            return ("p.status = ? AND p.status <> 'active'", [field.value])
        case .vendor:
            return ("p.vendor LIKE ? ESCAPE '\\'", [FilterText.prefix(field.value)])
        case .type:
            return ("p.product_type LIKE ? ESCAPE '\\'", [FilterText.prefix(field.value)])
        case .category:
            return ("""
                p.category_id IN (SELECT fcat.id FROM category fcat WHERE fcat.name LIKE ? ESCAPE '\\')
                """, [FilterText.contains(field.value)])
        default:
            return nil
        }
    }

    /// On hand at every sellable location less what open orders reserve (`StockListItem.available`) of
    /// the variant `v`: both kept on the variant by triggers (schema v6), so that a filter over
    /// millions of variants reads two columns, and `stock:out` / `stock:oversold` an index.
    static let availableSQL = "(v.sellable_on_hand - v.reserved)"

    /// A variant row's option values as the variant's own summary writes them.
    static func options(_ row: Row) -> String {
        let values = [row["option1"], row["option2"], row["option3"]].compactMap { $0 as String? }
        let variant = Variant(productID: 0, sku: nil, optionValues: values, price: .zero(.eur))
        return variant.optionSummary
    }

    static func promotion(_ row: Row, currency: Currency) throws -> Promotion {
        try PromotionColumns.promotion(row, currency: currency)
    }
}
