public enum ComplaintKind: String, CaseIterable, Sendable, Codable {
    case damaged
    case wrongItem = "wrong_item"
    case lateDelivery = "late_delivery"
    case missingItem = "missing_item"
    case quality
    case negativeReview = "negative_review"
    case other

    public var label: String { rawValue.replacingUnderscores() }
}

public enum ComplaintChannel: String, CaseIterable, Sendable, Codable {
    case email, phone, social, marketplace
    case reviewSite = "review_site"

    public var label: String { rawValue.replacingUnderscores() }
}

public enum ComplaintPriority: String, CaseIterable, Sendable, Codable, Comparable {
    case urgent, high, normal, low

    /// 0 is the most urgent.
    public var rank: Int { ComplaintPriority.allCases.firstIndex(of: self)! }

    public static func < (lhs: ComplaintPriority, rhs: ComplaintPriority) -> Bool { lhs.rank < rhs.rank }

    /// Default service levels: urgent 4 h, high 24 h, normal 48 h, low 5 days.
    public var defaultServiceLevelSeconds: Int64 {
        switch self {
        case .urgent: 4 * 3600
        case .high: 24 * 3600
        case .normal: 48 * 3600
        case .low: 5 * 86_400
        }
    }
}

public enum ComplaintStatus: String, CaseIterable, Sendable, Codable {
    case new, investigating
    case waitingForCustomer = "waiting_for_customer"
    case resolved, rejected

    public var isOpen: Bool { self != .resolved && self != .rejected }
    public var label: String { self == .waitingForCustomer ? "waiting" : rawValue }
}

/// How urgent a complaint's clock is, shown by colour and by a symbol (so it reads without colour).
public enum DueState: Sendable, Equatable {
    case closed, onTime, dueSoon, overdue
    /// Waiting for the customer with the clock stopped.
    case paused

    public static let dueSoonWindowSeconds: Int64 = 4 * 3600

    /// `pausedSince`: the clock stopped then (waiting for the customer); a complaint that was
    /// not yet overdue when it stopped is not overdue while it waits.
    public static func of(status: ComplaintStatus, dueAt: Timestamp?, now: Timestamp, pausedSince: Timestamp? = nil) -> DueState {
        guard status.isOpen else { return .closed }
        guard let dueAt else { return .onTime }
        if let pausedSince, dueAt > pausedSince { return .paused }
        if now >= dueAt { return .overdue }
        if dueAt - now <= dueSoonWindowSeconds { return .dueSoon }
        return .onTime
    }

    public var symbol: String {
        switch self {
        case .overdue: "!"
        case .dueSoon: "~"
        // Paused needs no flag: its due column says "paused".
        case .onTime, .closed, .paused: " "
        }
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
