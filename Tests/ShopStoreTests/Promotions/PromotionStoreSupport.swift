import ShopKit
@testable import ShopStore
import XCTest

/// A small shop for the promotion store tests: two teas and a pair of socks, a 25 % margin
/// floor, two channels and two customers, all at the pinned clock.
func makePromotionShop() throws -> ShopDatabase {
    let shop = try makeInMemoryShop(actor: "jane")
    try shop.rawExecute("""
        INSERT INTO shop_setting(key, value) VALUES ('margin_floor_percent', '25');
        INSERT INTO channel(id, code, name) VALUES (1, 'web', 'Web shop'), (2, 'amazon', 'Amazon');
        INSERT INTO product(id, handle, title, vendor, product_type, status, created_at, updated_at) VALUES
            (1, 'sencha', 'Sencha', 'Teekontor', 'Tea', 'active', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
            (2, 'wool-socks', 'Wool Socks', 'Fjällvik', 'Socks', 'active', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
        INSERT INTO variant(id, product_id, sku, price_minor, cost_minor, created_at, updated_at) VALUES
            (1, 1, 'TEA-1', 1000, 600, '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
            (2, 1, 'TEA-2', 1200, 700, '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
            (3, 2, 'SOCK-1', 1500, 500, '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
        INSERT INTO customer(id, name, email, created_at) VALUES
            (1, 'Ada', 'ada@example.com', '2030-01-01T00:00:00Z'), (2, 'Bo', 'bo@example.com', '2030-01-01T00:00:00Z');
        """)
    return shop
}

func euro(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .eur) }

/// A promotion on the tea category that started a day before the pinned clock.
func teaPromotion(
    _ name: String = "Tea week", percent: Int64, code: String? = nil, combines: Bool = true
) -> Promotion {
    Promotion(
        name: name, kind: .percentage, percentBasisPoints: percent * 100, trigger: code == nil ? .automatic : .code,
        code: code, scope: .category, scopeValue: "Tea", startsAt: pinnedNow.adding(days: -1),
        endsAt: pinnedNow.adding(days: 30), combines: combines)
}

extension ShopDatabase {
    func auditFields(entity: String = "promotion", id: Int64) throws -> [String: (old: String?, new: String?)] {
        var result: [String: (old: String?, new: String?)] = [:]
        for row in try jsonRows("""
            SELECT json_object('field', field, 'old', old_value, 'new', new_value) FROM audit_log
            WHERE entity = '\(entity)' AND entity_id = \(id) ORDER BY id
            """) {
            result[row["field"] as! String] = (row["old"] as? String, row["new"] as? String)
        }
        return result
    }
}
