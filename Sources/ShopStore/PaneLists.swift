import GRDB
import ShopKit

/// The five panes' lists: what each shows, in which order, and how its filter matches.
struct PaneLists: Sendable {
    let currency: Currency
    let locationIDs: [Int64]

    var products: KeysetList<ProductListItem> {
        KeysetList(
            columns: """
                p.id, p.title, p.vendor, p.product_type, p.status, p.version, p.title AS sort0, p.id AS sort1,
                       (SELECT count(*) FROM variant v WHERE v.product_id = p.id) AS variant_count,
                       (SELECT COALESCE(SUM(l.on_hand), 0) FROM variant v JOIN stock_level l ON l.variant_id = v.id
                         WHERE v.product_id = p.id) AS total_stock,
                       (SELECT group_concat(code, ' ') FROM (SELECT c.code FROM product_listing pl
                         JOIN channel c ON c.id = pl.channel_id
                         WHERE pl.product_id = p.id AND pl.state = 'listed' ORDER BY c.id)) AS channels
                """,
            from: """
                product p
                """,
            sortColumns: ["p.title", "p.id"], descending: false,
            filter: { text in
                guard let pattern = FilterText.ftsPrefixes(text) else { return nil }
                return ("p.id IN (SELECT rowid FROM product_fts WHERE product_fts MATCH ?)", [pattern])
            },
            decode: { row in
                ProductListItem(
                    id: row["id"], sortKey: row.sortKey(["sort0", "sort1"]), title: row["title"], vendor: row["vendor"],
                    productType: row["product_type"], status: ProductStatus(rawValue: row["status"]) ?? .draft,
                    variantCount: row["variant_count"], totalStock: row["total_stock"],
                    channels: (row["channels"] as String?)?.split(separator: " ").map(String.init) ?? [],
                    version: row["version"])
            })
    }

    /// Pricing and stock list variants by SKU; the filter matches a SKU prefix or product words.
    private static let variantFilter: @Sendable (String) -> (sql: String, arguments: StatementArguments)? = { text in
        let words = FilterText.ftsPrefixes(text)
        if let words {
            return (
                "v.sku LIKE ? ESCAPE '\\' OR v.product_id IN (SELECT rowid FROM product_fts WHERE product_fts MATCH ?)",
                [FilterText.prefix(text), words])
        }
        return ("v.sku LIKE ? ESCAPE '\\'", [FilterText.prefix(text)])
    }

    var prices: KeysetList<VariantPriceItem> {
        let currency = self.currency
        return KeysetList(
            columns: """
                v.id, v.sku, v.option1, v.option2, v.option3, v.price_minor, v.compare_at_minor, v.cost_minor,
                       v.version, p.title AS product_title, v.sku AS sort0, v.id AS sort1
                """,
            from: """
                variant v JOIN product p ON p.id = v.product_id
                """,
            sortColumns: ["v.sku", "v.id"], descending: false, filter: Self.variantFilter,
            decode: { row in
                let money: (String) -> Money? = { column in
                    (row[column] as Int64?).map { Money(minorUnits: $0, currency: currency) }
                }
                return VariantPriceItem(
                    id: row["id"], sortKey: row.sortKey(["sort0", "sort1"]), sku: row["sku"],
                    productTitle: row["product_title"], optionSummary: Self.options(row),
                    price: money("price_minor") ?? .zero(currency), compareAtPrice: money("compare_at_minor"),
                    cost: money("cost_minor"), version: row["version"])
            })
    }

    var stock: KeysetList<StockListItem> {
        let locationIDs = self.locationIDs
        return KeysetList(
            columns: """
                v.id, v.sku, v.option1, v.option2, v.option3, p.title AS product_title,
                       v.sku AS sort0, v.id AS sort1,
                       (SELECT group_concat(l.location_id || ':' || l.on_hand, ' ') FROM stock_level l
                         WHERE l.variant_id = v.id) AS levels,
                       (SELECT COALESCE(SUM(ol.quantity), 0) FROM order_line ol JOIN sales_order o ON o.id = ol.order_id
                         WHERE ol.variant_id = v.id AND o.status = 'open') AS reserved,
                       s.reorder_point
                """,
            from: """
                variant v JOIN product p ON p.id = v.product_id
                LEFT JOIN stock_setting s ON s.variant_id = v.id
                """,
            sortColumns: ["v.sku", "v.id"], descending: false, filter: Self.variantFilter,
            decode: { row in
                var byLocation: [Int64: Int64] = [:]
                for pair in ((row["levels"] as String?) ?? "").split(separator: " ") {
                    let parts = pair.split(separator: ":")
                    if parts.count == 2, let location = Int64(parts[0]), let quantity = Int64(parts[1]) {
                        byLocation[location] = quantity
                    }
                }
                return StockListItem(
                    id: row["id"], sortKey: row.sortKey(["sort0", "sort1"]), sku: row["sku"],
                    productTitle: row["product_title"], optionSummary: Self.options(row),
                    onHandByLocation: locationIDs.map { byLocation[$0] ?? 0 }, reserved: row["reserved"],
                    reorderPoint: row["reorder_point"])
            })
    }

    var promotions: KeysetList<PromotionListItem> {
        let currency = self.currency
        return KeysetList(
            columns: """
                pr.*, pr.starts_at AS sort0, pr.id AS sort1,
                       (SELECT code FROM promotion_code pc WHERE pc.promotion_id = pr.id ORDER BY pc.id LIMIT 1) AS first_code
                """,
            from: """
                promotion pr
                """,
            sortColumns: ["pr.starts_at", "pr.id"], descending: true,
            filter: { text in
                let pattern = FilterText.contains(text)
                return ("""
                    pr.name LIKE ? ESCAPE '\\' OR pr.kind LIKE ? ESCAPE '\\' OR pr.scope_value LIKE ? ESCAPE '\\'
                    OR pr.id IN (SELECT promotion_id FROM promotion_code WHERE code LIKE ? ESCAPE '\\')
                    """, [pattern, pattern, pattern, pattern])
            },
            decode: { row in
                PromotionListItem(sortKey: row.sortKey(["sort0", "sort1"]), promotion: try Self.promotion(row, currency: currency))
            })
    }

    var complaints: KeysetList<ComplaintListItem> {
        KeysetList(
            columns: """
                c.id, c.opened_at, c.kind, c.priority, c.status, c.due_at, c.assignee, c.subject,
                       COALESCE(cu.name, '') AS customer_name, c.opened_at AS sort0, c.id AS sort1
                """,
            from: """
                complaint c LEFT JOIN customer cu ON cu.id = c.customer_id
                """,
            sortColumns: ["c.opened_at", "c.id"], descending: true,
            filter: { text in
                let pattern = FilterText.contains(text)
                return ("""
                    c.subject LIKE ? ESCAPE '\\' OR cu.name LIKE ? ESCAPE '\\' OR c.kind LIKE ? ESCAPE '\\'
                    OR c.status LIKE ? ESCAPE '\\' OR c.priority LIKE ? ESCAPE '\\' OR c.assignee LIKE ? ESCAPE '\\'
                    """, [pattern, pattern, pattern, pattern, pattern, pattern])
            },
            decode: { row in try Self.complaintItem(row) })
    }

    static func options(_ row: Row) -> String {
        let values = [row["option1"], row["option2"], row["option3"]].compactMap { $0 as String? }
        let variant = Variant(productID: 0, sku: nil, optionValues: values, price: .zero(.eur))
        return variant.optionSummary
    }

    static func promotion(_ row: Row, currency: Currency) throws -> Promotion {
        guard let kind = PromotionKind(rawValue: row["kind"]), let startsAt = Timestamp(iso8601: row["starts_at"]) else {
            throw WriteError.unavailable("promotion \(row["id"] as Int64) has an unreadable kind or start")
        }
        return Promotion(
            id: row["id"], name: row["name"], kind: kind, percentBasisPoints: row["percent_bp"],
            amount: (row["amount_minor"] as Int64?).map { Money(minorUnits: $0, currency: currency) },
            bundleRule: row["bundle_rule"], trigger: PromotionTrigger(rawValue: row["trigger"]) ?? .automatic,
            code: row["first_code"], scope: PromotionScope(rawValue: row["scope"]) ?? .shop, scopeValue: row["scope_value"],
            minimumOrder: (row["min_order_minor"] as Int64?).map { Money(minorUnits: $0, currency: currency) },
            startsAt: startsAt, endsAt: (row["ends_at"] as String?).flatMap(Timestamp.init(iso8601:)),
            paused: row["paused"], usageLimit: row["usage_limit"], perCustomerLimit: row["per_customer_limit"],
            combines: row["combines"], uses: row["uses"], version: row["version"])
    }

    static func complaintItem(_ row: Row) throws -> ComplaintListItem {
        ComplaintListItem(
            id: row["id"], sortKey: row.sortKey(["sort0", "sort1"]),
            openedAt: Timestamp(iso8601: row["opened_at"]) ?? Timestamp(secondsSince1970: 0),
            customerName: row["customer_name"], kind: ComplaintKind(rawValue: row["kind"]) ?? .other,
            priority: ComplaintPriority(rawValue: row["priority"]) ?? .normal,
            status: ComplaintStatus(rawValue: row["status"]) ?? .new,
            dueAt: (row["due_at"] as String?).flatMap(Timestamp.init(iso8601:)), assignee: row["assignee"],
            subject: row["subject"])
    }
}
