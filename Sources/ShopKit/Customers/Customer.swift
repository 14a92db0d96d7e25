public struct Customer: Hashable, Sendable, Identifiable {
    public let id: Int64
    public let name: String
    public let email: String
    public let phone: String
    public let city: String
    public let country: String
    public let createdAt: Timestamp

    public init(id: Int64, name: String, email: String, phone: String, city: String, country: String, createdAt: Timestamp) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.city = city
        self.country = country
        self.createdAt = createdAt
    }
}

public enum OrderStatus: String, CaseIterable, Sendable, Codable {
    case open, shipped, cancelled, returned
}

public struct OrderSummary: Hashable, Sendable, Identifiable {
    public let id: Int64
    public let number: String
    public let placedAt: Timestamp
    public let status: OrderStatus
    public let total: Money

    public init(id: Int64, number: String, placedAt: Timestamp, status: OrderStatus, total: Money) {
        self.id = id
        self.number = number
        self.placedAt = placedAt
        self.status = status
        self.total = total
    }
}

/// Personal data on screen is masked by default: `jane.doe@example.com` → `j***@e***.com`.
public enum PersonalData {
    public static func maskEmail(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@") else { return mask(email) }
        let local = email[..<at]
        let domain = email[email.index(after: at)...]
        let dot = domain.lastIndex(of: ".")
        let host = dot.map { domain[..<$0] } ?? domain
        let tld = dot.map { String(domain[$0...]) } ?? ""
        return "\(local.prefix(1))***@\(host.prefix(1))***\(tld)"
    }

    public static func maskPhone(_ phone: String) -> String {
        let digits = phone.filter(\.isNumber)
        guard digits.count > 3 else { return "***" }
        return "***" + digits.suffix(3)
    }

    public static func mask(_ text: String) -> String {
        text.isEmpty ? "" : text.prefix(1) + "***"
    }
}

/// A customer found while opening a complaint: by order number (then with that order), by
/// email, or by the start of a name or email.
public struct CustomerMatch: Hashable, Sendable {
    public let customer: Customer
    public let orderID: Int64?
    public let orderNumber: String?
    public let orderCount: Int

    public init(customer: Customer, orderID: Int64? = nil, orderNumber: String? = nil, orderCount: Int = 0) {
        self.customer = customer
        self.orderID = orderID
        self.orderNumber = orderNumber
        self.orderCount = orderCount
    }
}
