import ShopKit
import ShopUI

/// The clock every test console runs on.
let fixedNow = Timestamp(iso8601: "2026-11-20T14:05:00Z")!

enum Fixtures {
    /// Thirty products, already in title order, none wider than the title column at 80 columns.
    static let productTitles = [
        "Alder Chopping Board", "Ash Salad Bowl", "Beech Spoon Set", "Birch Serving Tray", "Blue Enamel Mug",
        "Brass Bottle Opener", "Cedar Coaster Set", "Ceramic Teapot", "Cherry Wood Spatula", "Copper Measure Cups",
        "Cotton Tea Towel", "Elm Cheese Board", "Glass Storage Jar", "Hazel Butter Knife", "Juniper Trivet",
        "Larch Bread Bin", "Linen Apron", "Maple Rolling Pin", "Oak Herb Rack", "Olive Wood Mortar",
        "Pine Spice Rack", "Poplar Utensil Pot", "Rattan Fruit Basket", "Slate Cheese Plate", "Speckled Mug",
        "Steel Whisk", "Stoneware Pie Dish", "Teak Salad Servers", "Walnut Pepper Mill", "Willow Picnic Basket",
    ]

    static let vendors = ["Fjord & Co", "Kiln House", "Oakline"]

    static func product(id: Int64, title: String, vendor: String = "Oakline", type: String = "Kitchen",
                        status: ProductStatus = .active, stock: Int64 = 12) -> ProductListItem {
        ProductListItem(
            id: id, sortKey: SortKey([.text(title), .integer(id)]), title: title, vendor: vendor, productType: type,
            status: status, variantCount: 2, totalStock: stock, channels: ["web", "pos"])
    }

    static var products: [ProductListItem] {
        productTitles.enumerated().map { index, title in
            product(id: Int64(index + 1), title: title, vendor: vendors[index % vendors.count],
                    type: index % 2 == 0 ? "Kitchen" : "Tableware")
        }
    }

    /// "Product 00001" … in list order, ids 1…count.
    static func numberedProducts(_ count: Int) -> [ProductListItem] {
        (1...count).map { number in
            product(id: Int64(number), title: numberedTitle(number), vendor: vendors[number % vendors.count])
        }
    }

    static func numberedTitle(_ number: Int) -> String {
        let digits = String(number)
        return "Product " + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    static func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .eur) }

    static var prices: [VariantPriceItem] {
        [
            VariantPriceItem(id: 11, sortKey: SortKey([.text("MUG-BLUE-L"), .integer(11)]), sku: "MUG-BLUE-L",
                             productTitle: "Blue Enamel Mug", optionSummary: "Large", price: euros(1800),
                             compareAtPrice: euros(2200), cost: euros(700)),
            VariantPriceItem(id: 12, sortKey: SortKey([.text("MUG-SPECK-S"), .integer(12)]), sku: "MUG-SPECK-S",
                             productTitle: "Speckled Mug", optionSummary: "Small", price: euros(500),
                             compareAtPrice: nil, cost: euros(900)),
            VariantPriceItem(id: 13, sortKey: SortKey([.text("TRAY-BIRCH"), .integer(13)]), sku: "TRAY-BIRCH",
                             productTitle: "Birch Serving Tray", optionSummary: "Default", price: euros(3900),
                             compareAtPrice: nil, cost: nil),
        ]
    }

    /// Newest start first, as the store lists them.
    static func promotion(id: Int64, name: String, startsInDays: Int64, endsInDays: Int64?, code: String?) -> PromotionListItem {
        let starts = fixedNow.adding(days: startsInDays)
        let promotion = Promotion(
            id: id, name: name, kind: .percentage, percentBasisPoints: 1500, trigger: code == nil ? .automatic : .code,
            code: code, startsAt: starts, endsAt: endsInDays.map { fixedNow.adding(days: $0) })
        return PromotionListItem(sortKey: SortKey([.integer(-starts.secondsSince1970), .integer(-id)]), promotion: promotion)
    }

    static var promotions: [PromotionListItem] {
        [
            promotion(id: 1, name: "Spring Sale", startsInDays: -60, endsInDays: -30, code: nil),
            promotion(id: 2, name: "Winter Sale", startsInDays: -2, endsInDays: 10, code: "WARM15"),
            promotion(id: 3, name: "Black Friday", startsInDays: 7, endsInDays: 9, code: "BF26"),
        ]
    }

    static var stock: [StockListItem] {
        [
            StockListItem(id: 11, sortKey: SortKey([.text("MUG-BLUE-L"), .integer(11)]), sku: "MUG-BLUE-L",
                          productTitle: "Blue Enamel Mug", optionSummary: "L", onHandByLocation: [40, 8],
                          reserved: 3,
                          reorder: ReorderSettings(reorderPoint: 10, reorderQuantity: 24, leadTimeDays: 7, version: 1),
                          velocity: SalesVelocity(unitsSold: 60), unitCost: Money(minorUnits: 450, currency: .eur)),
            StockListItem(id: 12, sortKey: SortKey([.text("MUG-SPECK-S"), .integer(12)]), sku: "MUG-SPECK-S",
                          productTitle: "Speckled Mug", optionSummary: "S", onHandByLocation: [0, 2],
                          reserved: 2,
                          reorder: ReorderSettings(reorderPoint: 5, reorderQuantity: 12, leadTimeDays: 10, version: 1),
                          velocity: SalesVelocity(unitsSold: 9), unitCost: Money(minorUnits: 380, currency: .eur)),
        ]
    }

    static func complaint(id: Int64, customer: String, status: ComplaintStatus, dueInSeconds: Int64?, subject: String) -> ComplaintListItem {
        let opened = fixedNow.adding(days: -id)
        return ComplaintListItem(
            id: id, sortKey: SortKey([.integer(-opened.secondsSince1970), .integer(-id)]), openedAt: opened,
            customerName: customer, kind: .damaged, priority: .high, status: status,
            dueAt: dueInSeconds.map { fixedNow.adding(seconds: $0) }, assignee: "ana", subject: subject)
    }

    static var complaints: [ComplaintListItem] {
        [
            complaint(id: 1, customer: "Mira Jensen", status: .new, dueInSeconds: -2 * 3600, subject: "Cracked mug"),
            complaint(id: 2, customer: "Tomas Berg", status: .investigating, dueInSeconds: 3 * 3600, subject: "Late parcel"),
            complaint(id: 3, customer: "Ada Lind", status: .resolved, dueInSeconds: -86_400, subject: "Wrong colour"),
        ]
    }

    static func demoShop() -> FakeShop {
        FakeShop(products: products, prices: prices, promotions: promotions, stock: stock, complaints: complaints)
    }
}
