import ShopKit

/// The five panes of the console, in tab order.
public enum PaneID: Int, CaseIterable, Hashable, Sendable {
    case catalog = 1, pricing, promotions, stock, complaints

    public var title: String {
        switch self {
        case .catalog: "Catalog"
        case .pricing: "Pricing"
        case .promotions: "Promotions"
        case .stock: "Stock"
        case .complaints: "Complaints"
        }
    }

    /// What the pane lists, for "row 3 of 512 products".
    public var noun: String {
        switch self {
        case .catalog: "products"
        case .pricing: "variants"
        case .promotions: "promotions"
        case .stock: "SKUs"
        case .complaints: "complaints"
        }
    }

    /// The `key:value` terms this pane's filter understands.
    public var filterKeys: FilterKeys {
        switch self {
        case .catalog: .catalog
        case .pricing: .pricing
        case .promotions: .promotions
        case .stock: .stock
        case .complaints: .complaints
        }
    }

    public var next: PaneID { PaneID(rawValue: rawValue % 5 + 1)! }
    public var previous: PaneID { PaneID(rawValue: (rawValue + 3) % 5 + 1)! }
}
