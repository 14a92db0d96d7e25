/// Which status changes a complaint may make. Closed complaints can be reopened (back to
/// investigating); resolving needs a resolution and rejecting a reason, so the customer's
/// answer is always on record.
public enum ComplaintWorkflow {
    public static func allowedNext(from status: ComplaintStatus) -> [ComplaintStatus] {
        switch status {
        case .new: [.investigating, .waitingForCustomer, .resolved, .rejected]
        case .investigating: [.waitingForCustomer, .resolved, .rejected]
        case .waitingForCustomer: [.investigating, .resolved, .rejected]
        case .resolved, .rejected: [.investigating]
        }
    }

    /// Checks a status change; `text` is the resolution, the reason or the note that goes with it.
    public static func check(from: ComplaintStatus, to: ComplaintStatus, text: String) throws(ValidationError) {
        guard from != to else {
            throw ValidationError(field: "status", message: "the complaint is already \(to.label)", hint: "choose another status")
        }
        guard allowedNext(from: from).contains(to) else {
            let allowed = allowedNext(from: from).map(\.label).joined(separator: ", ")
            throw ValidationError(
                field: "status", message: "a \(from.label) complaint cannot become \(to.label)", hint: "it can become: \(allowed)")
        }
        let trimmed = text.trimmingWhitespace()
        if to == .resolved && trimmed.isEmpty {
            throw ValidationError(field: "text", message: "resolving needs a resolution",
                                  hint: "say what was done, e.g. \"refund of €20 sent\"")
        }
        if to == .rejected && trimmed.isEmpty {
            throw ValidationError(field: "text", message: "rejecting needs a reason", hint: "the customer will be told why")
        }
    }

    /// Parses a status as typed: "waiting", "resolved", "investigating"…
    public static func status(named text: String) throws(ValidationError) -> ComplaintStatus {
        let name = text.trimmingWhitespace().lowercased()
        if let status = ComplaintStatus.allCases.first(where: { $0.rawValue == name || $0.label == name }) { return status }
        throw ValidationError(field: "status", message: "\"\(name.prefix(20))\" is not a status",
                              hint: ComplaintStatus.allCases.map(\.label).joined(separator: ", "))
    }

    public static func priority(named text: String) throws(ValidationError) -> ComplaintPriority {
        let name = text.trimmingWhitespace().lowercased()
        if let priority = ComplaintPriority(rawValue: name) { return priority }
        throw ValidationError(field: "priority", message: "\"\(name.prefix(20))\" is not a priority",
                              hint: ComplaintPriority.allCases.map(\.rawValue).joined(separator: ", "))
    }
}

/// The shop's service levels: how long each priority may stay open, and whether time spent
/// waiting for the customer stops the clock.
public struct ServiceLevels: Hashable, Sendable {
    public var secondsByPriority: [ComplaintPriority: Int64]
    public var pauseWhileWaiting: Bool

    public init(secondsByPriority: [ComplaintPriority: Int64] = [:], pauseWhileWaiting: Bool = true) {
        var levels: [ComplaintPriority: Int64] = [:]
        for priority in ComplaintPriority.allCases {
            levels[priority] = secondsByPriority[priority] ?? priority.defaultServiceLevelSeconds
        }
        self.secondsByPriority = levels
        self.pauseWhileWaiting = pauseWhileWaiting
    }

    public static let standard = ServiceLevels()

    public func seconds(for priority: ComplaintPriority) -> Int64 {
        secondsByPriority[priority] ?? priority.defaultServiceLevelSeconds
    }

    /// Reads `sla_hours_<priority>` and `sla_pause_while_waiting` from the shop settings;
    /// anything missing or unreadable keeps the default.
    public static func from(settings: [String: String]) -> ServiceLevels {
        var levels: [ComplaintPriority: Int64] = [:]
        for priority in ComplaintPriority.allCases {
            if let hours = settings["sla_hours_\(priority.rawValue)"].flatMap({ Int64($0.trimmingWhitespace()) }), hours > 0 {
                levels[priority] = hours * 3600
            }
        }
        let pause = settings["sla_pause_while_waiting"].map { ["true", "yes", "1"].contains($0.lowercased()) } ?? true
        return ServiceLevels(secondsByPriority: levels, pauseWhileWaiting: pause)
    }
}

/// A complaint's service clock: the due time is the opening time plus the service level of the
/// current priority plus every second the clock was paused — so a priority change moves the due
/// time (from the opening, not from now), and waiting for the customer does not eat the time.
public struct ComplaintClock: Hashable, Sendable {
    public let openedAt: Timestamp
    public var priority: ComplaintPriority
    /// Seconds paused in earlier waits.
    public var pausedSeconds: Int64
    /// When the current wait for the customer began, if the clock is paused now.
    public var waitingSince: Timestamp?

    public init(openedAt: Timestamp, priority: ComplaintPriority, pausedSeconds: Int64 = 0, waitingSince: Timestamp? = nil) {
        self.openedAt = openedAt
        self.priority = priority
        self.pausedSeconds = pausedSeconds
        self.waitingSince = waitingSince
    }

    /// The due time as of `now`: while paused, the time waited so far is added too.
    public func dueAt(_ levels: ServiceLevels, now: Timestamp) -> Timestamp {
        let waiting = waitingSince.map { max(0, now - $0) } ?? 0
        return openedAt.adding(seconds: levels.seconds(for: priority) + pausedSeconds + waiting)
    }

    /// The clock after a status change at `now`.
    public func after(statusChangeTo status: ComplaintStatus, at now: Timestamp, levels: ServiceLevels) -> ComplaintClock {
        var clock = self
        if let since = waitingSince, status != .waitingForCustomer {
            clock.pausedSeconds += max(0, now - since)
            clock.waitingSince = nil
        }
        if status == .waitingForCustomer && levels.pauseWhileWaiting && clock.waitingSince == nil {
            clock.waitingSince = now
        }
        return clock
    }
}

/// The queues of the complaint pane. Each is a filter; the pane header counts them all.
public enum ComplaintQueue: String, CaseIterable, Sendable {
    case new, mine, overdue, waiting, open, resolved

    public var label: String {
        switch self {
        case .new: "New"
        case .mine: "Mine"
        case .overdue: "Overdue"
        case .waiting: "Waiting"
        case .open: "All open"
        case .resolved: "Resolved"
        }
    }

    /// The filter term for the queue (`queue:overdue`).
    public var filterTerm: String { "queue:" + rawValue }

    public var next: ComplaintQueue {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// What a complaint can be settled with. Each settlement is one transaction that also books its
/// money or stock and adds a timeline event.
public enum Settlement: Hashable, Sendable {
    /// Money back against the order, at most what its lines were paid less earlier refunds.
    case refund(Money)
    /// A replacement sent from a location: a sale-like movement referencing the complaint.
    case replacement(locationID: Int64, quantity: Int64)
    /// Credit on the customer's account.
    case storeCredit(Money)
    /// The goods came back: restocked, put in quarantine, or written off.
    case returnReceived(locationID: Int64, quantity: Int64, disposition: ReturnDisposition)
    /// No settlement; the reason is required and goes to the customer.
    case reject(reason: String)

    public var label: String {
        switch self {
        case .refund: "refund"
        case .replacement: "replacement"
        case .storeCredit: "store credit"
        case .returnReceived: "return received"
        case .reject: "rejected"
        }
    }

    /// What can be checked without the database.
    public func validate() throws(ValidationError) {
        switch self {
        case .refund(let amount), .storeCredit(let amount):
            guard amount.minorUnits > 0 else {
                throw ValidationError(field: "amount", message: "the amount must be above zero", hint: "e.g. 19.90")
            }
        case .replacement(_, let quantity), .returnReceived(_, let quantity, _):
            guard quantity > 0 else {
                throw ValidationError(field: "quantity", message: "the quantity must be at least 1", hint: "e.g. 1")
            }
        case .reject(let reason):
            guard !reason.trimmingWhitespace().isEmpty else {
                throw ValidationError(field: "text", message: "rejecting needs a reason", hint: "the customer will be told why")
            }
        }
    }
}

public enum ReturnDisposition: String, CaseIterable, Hashable, Sendable {
    /// Back on the shelf, sellable.
    case restock
    /// Into a damaged/quarantine location: on hand but not for sale.
    case quarantine
    /// Received and disposed of: a return and a damage movement.
    case writeOff = "write-off"
}

/// A change to a complaint other than a settlement; each is a timeline event.
public enum ComplaintChange: Hashable, Sendable {
    /// A new status; `text` is the resolution (resolved), the reason (rejected) or a note.
    case status(ComplaintStatus, text: String)
    case assign(to: String)
    case priority(ComplaintPriority)
    /// A note on the timeline (multi-line).
    case note(String)

    public func validate() throws(ValidationError) {
        switch self {
        case .note(let text):
            guard !text.trimmingWhitespace().isEmpty else {
                throw ValidationError(field: "note", message: "the note is empty", hint: "type what happened or what was said")
            }
            guard text.count <= 10_000 else {
                throw ValidationError(field: "note", message: "the note is longer than 10,000 characters", hint: "shorten it")
            }
        case .assign(let user):
            let name = user.trimmingWhitespace()
            guard name.count <= 32, !name.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                throw ValidationError(field: "assignee", message: "\"\(name.prefix(20))\" is not a user name",
                                      hint: "a login name such as ana, or empty to unassign")
            }
        case .status, .priority:
            break
        }
    }
}

/// A complaint opened from the console: who, about what, and how urgent.
public struct NewComplaint: Hashable, Sendable {
    public var customerID: Int64
    public var orderID: Int64?
    public var variantID: Int64?
    public var kind: ComplaintKind
    public var channel: ComplaintChannel
    public var priority: ComplaintPriority
    public var subject: String
    public var description: String

    public init(
        customerID: Int64, orderID: Int64? = nil, variantID: Int64? = nil, kind: ComplaintKind, channel: ComplaintChannel,
        priority: ComplaintPriority, subject: String, description: String = ""
    ) {
        self.customerID = customerID
        self.orderID = orderID
        self.variantID = variantID
        self.kind = kind
        self.channel = channel
        self.priority = priority
        self.subject = subject
        self.description = description
    }

    public func validate() throws(ValidationError) {
        guard !subject.trimmingWhitespace().isEmpty else {
            throw ValidationError(field: "subject", message: "the subject is empty", hint: "a line the team will recognise")
        }
        guard subject.count <= 200 else {
            throw ValidationError(field: "subject", message: "the subject is longer than 200 characters", hint: "shorten it")
        }
    }
}

/// The complaint pane's summary: how the queue stands and what people complain about.
public struct ComplaintSummary: Hashable, Sendable {
    public var open: Int
    public var overdue: Int
    public var resolvedLast30Days: Int
    /// Median time from opening to closing of the complaints closed in the last 30 days.
    public var medianSecondsToResolve: Int64?
    /// Complaints opened in the last 30 days, by kind, most first.
    public var topKinds: [(kind: ComplaintKind, count: Int)]
    /// Complaints opened in the last 30 days, by product, most first.
    public var topProducts: [(title: String, count: Int)]

    public init(
        open: Int, overdue: Int, resolvedLast30Days: Int, medianSecondsToResolve: Int64?,
        topKinds: [(kind: ComplaintKind, count: Int)], topProducts: [(title: String, count: Int)]
    ) {
        self.open = open
        self.overdue = overdue
        self.resolvedLast30Days = resolvedLast30Days
        self.medianSecondsToResolve = medianSecondsToResolve
        self.topKinds = topKinds
        self.topProducts = topProducts
    }

    /// The middle value (the mean of the two middle ones for an even count), in whole seconds.
    public static func median(_ values: [Int64]) -> Int64? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    public static func == (lhs: ComplaintSummary, rhs: ComplaintSummary) -> Bool {
        lhs.open == rhs.open && lhs.overdue == rhs.overdue && lhs.resolvedLast30Days == rhs.resolvedLast30Days
            && lhs.medianSecondsToResolve == rhs.medianSecondsToResolve
            && lhs.topKinds.map(\.kind) == rhs.topKinds.map(\.kind) && lhs.topKinds.map(\.count) == rhs.topKinds.map(\.count)
            && lhs.topProducts.map(\.title) == rhs.topProducts.map(\.title)
            && lhs.topProducts.map(\.count) == rhs.topProducts.map(\.count)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(open)
        hasher.combine(overdue)
        hasher.combine(resolvedLast30Days)
    }
}
