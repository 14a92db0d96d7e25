/// Why stock moved. Levels change only by appending a movement with one of these reasons.
public enum StockReason: String, CaseIterable, Sendable, Codable {
    case receipt, sale, `return`, adjustment, damage, loss, found
    case transferOut = "transfer_out"
    case transferIn = "transfer_in"
    case stocktake

    public var label: String {
        switch self {
        case .transferOut: "transfer out"
        case .transferIn: "transfer in"
        default: rawValue
        }
    }
}

public enum LocationKind: String, CaseIterable, Sendable, Codable {
    case warehouse, fulfilment, store, damaged
}

public struct Location: Hashable, Sendable, Identifiable {
    public let id: Int64
    public let code: String
    public let name: String
    public let kind: LocationKind

    public init(id: Int64, code: String, name: String, kind: LocationKind) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
    }

    /// Goods in a damaged/quarantine location cannot be sold.
    public var isSellable: Bool { kind != .damaged }
}

/// One line of the append-only stock ledger.
public struct StockMovement: Hashable, Sendable {
    public let variantID: Int64
    public let locationID: Int64
    public let reason: StockReason
    public let quantity: Int64
    public let reference: String
    public let at: Timestamp

    public init(variantID: Int64, locationID: Int64, reason: StockReason, quantity: Int64, reference: String, at: Timestamp) {
        self.variantID = variantID
        self.locationID = locationID
        self.reason = reason
        self.quantity = quantity
        self.reference = reference
        self.at = at
    }

    /// A movement must move something, in the direction its reason implies.
    public static func validate(reason: StockReason, quantity: Int64) throws(ValidationError) {
        guard quantity != 0 else {
            throw ValidationError(field: "quantity", message: "a movement of zero changes nothing", hint: "enter a quantity other than 0")
        }
        switch reason {
        case .receipt, .return, .found, .transferIn:
            if quantity < 0 {
                throw ValidationError(field: "quantity", message: "a \(reason.label) adds stock", hint: "enter a positive quantity")
            }
        case .sale, .damage, .loss, .transferOut:
            if quantity > 0 {
                throw ValidationError(field: "quantity", message: "a \(reason.label) takes stock away", hint: "enter a negative quantity")
            }
        case .adjustment, .stocktake:
            break
        }
    }
}

/// Stock of one variant at one location: on hand from the ledger, reserved by open orders.
public struct StockLevel: Hashable, Sendable {
    public let onHand: Int64
    public let reserved: Int64

    public init(onHand: Int64, reserved: Int64) {
        self.onHand = onHand
        self.reserved = reserved
    }

    public var available: Int64 { onHand - reserved }
}
