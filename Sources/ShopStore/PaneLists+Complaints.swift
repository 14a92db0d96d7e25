import GRDB
import ShopKit

/// The complaint queue: by urgency (a clock-dependent order read as groups of one index) or
/// newest first.
extension PaneLists {
    /// Open complaints, overdue first, then the most urgent priority, then the oldest; closed
    /// ones after them. Overdue depends on the clock, so no index holds this first sort key: the
    /// list reads its three values as groups (`urgencyGroups`), each in the order of the index
    /// `complaint_by_urgency`.
    static let urgencySQL = """
        CASE WHEN c.status IN ('resolved', 'rejected') THEN 2 WHEN (c.due_at <= ? AND (c.waiting_since IS NULL OR c.due_at <= c.waiting_since)) THEN 0 ELSE 1 END
        """
    /// Overdue as `DueState` says: due, and not stopped (waiting for the customer) before it fell due.
    static let overdueSQL = "(c.due_at <= ? AND (c.waiting_since IS NULL OR c.due_at <= c.waiting_since))"
    static let priorityRankSQL = """
        CASE c.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END
        """
    /// Closed (1) or open (0): the first column of `complaint_by_urgency`, written as there.
    static let closedSQL = "(c.status IN ('resolved', 'rejected'))"

    /// The values of `urgencySQL`, each as the rows that have it. Overdue and the rest of the open
    /// complaints share the index's open range; the overdue test reads only indexed columns, so
    /// neither group needs the table to skip the other's rows. A NULL overdue test (no due date)
    /// counts as not overdue, as in `urgencySQL`.
    static func urgencyGroups(now: Timestamp) -> [FilterSQL] {
        [
            (closedSQL + " = 0 AND " + overdueSQL, [now.iso8601]),
            (closedSQL + " = 0 AND NOT COALESCE(" + overdueSQL + ", 0)", [now.iso8601]),
            (closedSQL + " = 1", []),
        ]
    }

    /// Complaints by urgency (the default), or newest first (`order` "newest").
    func complaints(order: String = "") -> KeysetList<ComplaintListItem> {
        let now = self.now
        let actor = self.actor
        let byUrgency = order != "newest"
        // The urgency keys are result aliases (`urg0`, `urg1`): SQLite resolves them in WHERE and
        // ORDER BY, so the clock is bound once, in the select list.
        let sortNames = byUrgency ? ["urg0", "urg1", "sort0", "sort1"] : ["sort0", "sort1"]
        return KeysetList(
            columns: """
                c.id, c.opened_at, c.kind, c.priority, c.status, c.due_at, c.assignee, c.subject, c.waiting_since,
                       c.customer_name, c.opened_at AS sort0, c.id AS sort1
                """ + (byUrgency ? ", " + Self.urgencySQL + " AS urg0, " + Self.priorityRankSQL + " AS urg1" : ""),
            columnArguments: byUrgency ? [now.iso8601] : [],
            from: """
                complaint c
                """,
            // By urgency the first key is the group (`urg0`); the rest are the index's own
            // expressions, so that SQLite reads each group from `complaint_by_urgency` in order.
            sortColumns: byUrgency ? ["urg0", Self.priorityRankSQL, "c.opened_at", "c.id"] : ["c.opened_at", "c.id"],
            descending: !byUrgency,
            filter: Self.query(.complaints, freeText: { text in
                let pattern = FilterText.contains(text)
                return ("""
                    c.subject LIKE ? ESCAPE '\\' OR c.customer_name LIKE ? ESCAPE '\\' OR c.kind LIKE ? ESCAPE '\\'
                    OR c.status LIKE ? ESCAPE '\\' OR c.priority LIKE ? ESCAPE '\\' OR c.assignee LIKE ? ESCAPE '\\'
                    OR CAST(c.id AS TEXT) = ?
                    """, [pattern, pattern, pattern, pattern, pattern, pattern, String(text.trimmingWhitespace().trimmingPrefix("#"))])
            }) { _, field in
                let open = ComplaintStatus.allCases.filter(\.isOpen).map(\.rawValue)
                let openMarks = databaseQuestionMarks(count: open.count)
                switch field.key {
                case .status: return ("c.status = ?", [field.value])
                case .priority: return ("c.priority = ?", [field.value])
                case .kind: return ("c.kind = ?", [field.value])
                case .channel: return ("c.channel = ?", [field.value])
                // "" is `assignee:none`: nobody.
                case .assignee: return ("c.assignee = ? COLLATE NOCASE", [field.value])
                case .overdue:
                    // Overdue as `DueState` says: open, and due at or before now.
                    return ("c.status IN (" + openMarks + ") AND " + Self.overdueSQL, StatementArguments(open + [now.iso8601]))
                case .queue:
                    switch ComplaintQueue(rawValue: field.value) ?? .open {
                    case .new: return ("c.status = 'new'", [])
                    case .mine: return ("c.status IN (" + openMarks + ") AND c.assignee = ?", StatementArguments(open + [actor]))
                    case .overdue:
                        return ("c.status IN (" + openMarks + ") AND " + Self.overdueSQL, StatementArguments(open + [now.iso8601]))
                    case .waiting: return ("c.status = 'waiting_for_customer'", [])
                    case .open: return ("c.status IN (" + openMarks + ")", StatementArguments(open))
                    case .resolved: return ("c.status IN ('resolved', 'rejected')", [])
                    }
                default: return nil
                }
            },
            decode: { row in try Self.complaintItem(row, sortNames: sortNames) },
            groups: byUrgency ? Self.urgencyGroups(now: now) : nil).counted(by: "complaint")
    }

    static func complaintItem(_ row: Row, sortNames: [String] = ["sort0", "sort1"]) throws -> ComplaintListItem {
        ComplaintListItem(
            id: row["id"], sortKey: row.sortKey(sortNames),
            openedAt: Timestamp(iso8601: row["opened_at"]) ?? Timestamp(secondsSince1970: 0),
            customerName: row["customer_name"], kind: ComplaintKind(rawValue: row["kind"]) ?? .other,
            priority: ComplaintPriority(rawValue: row["priority"]) ?? .normal,
            status: ComplaintStatus(rawValue: row["status"]) ?? .new,
            dueAt: (row["due_at"] as String?).flatMap(Timestamp.init(iso8601:)), assignee: row["assignee"],
            subject: row["subject"], pausedSince: (row["waiting_since"] as String?).flatMap(Timestamp.init(iso8601:)))
    }
}
