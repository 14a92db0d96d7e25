import GRDB
import ShopKit
@testable import ShopStore
import XCTest

/// The complaint queue's urgency order, read one group at a time (overdue, other open, closed):
/// the same rows in the same order as sorting them all, both ways, across group boundaries.
final class ComplaintUrgencyOrderTests: XCTestCase {
    private struct ComplaintRow {
        let id: Int64; let priority: String; let status: String; let openedAt: String
        let dueAt: Timestamp?; let waitingSince: Timestamp?
    }

    private var shop: ShopDatabase!
    private var complaints: [ComplaintRow] = []

    override func setUpWithError() throws {
        shop = try makeInMemoryShop()
        var sql = ""
        let text = { (stamp: Timestamp?) in stamp.map { "'" + $0.iso8601 + "'" } ?? "NULL" }
        for index in 1...90 {
            // Due an hour either side of now, exactly now, or never; some paused before they fell
            // due (not overdue), some after (still overdue); opened on few days, so ties fall to the id.
            let due: Timestamp? = index % 7 == 0 ? nil : pinnedNow.adding(seconds: Int64(index % 3 - 1) * 3600)
            let waiting: Timestamp? = switch index % 5 {
            case 0: due.map { $0.adding(seconds: -600) }
            case 1: due.map { $0.adding(seconds: 600) }
            default: nil
            }
            let row = ComplaintRow(
                id: Int64(index), priority: ComplaintPriority.allCases[(index / 3) % 4].rawValue,
                status: ComplaintStatus.allCases[index % 5].rawValue, openedAt: "2030-03-0\(1 + index % 4)T08:00:00Z",
                dueAt: due, waitingSince: waiting)
            complaints.append(row)
            sql += """
                INSERT INTO complaint(id, kind, channel, priority, status, opened_at, due_at, waiting_since, subject)
                VALUES (\(index), 'damaged', 'email', '\(row.priority)', '\(row.status)', '\(row.openedAt)',
                        \(text(due)), \(text(waiting)), 'Parcel \(index)');

                """
        }
        try shop.rawExecute(sql)
    }

    override func tearDown() {
        shop = nil
    }

    /// Open and overdue first, then open, then closed; within each the most urgent priority, then the oldest.
    private func urgencyOrder(_ rows: [ComplaintRow], now: Timestamp) -> [Int64] {
        func rank(_ row: ComplaintRow) -> Int {
            let status = ComplaintStatus(rawValue: row.status)!
            if !status.isOpen { return 2 }
            return DueState.of(status: status, dueAt: row.dueAt, now: now, pausedSince: row.waitingSince) == .overdue ? 0 : 1
        }
        func priority(_ row: ComplaintRow) -> Int { ComplaintPriority(rawValue: row.priority)!.rank }
        return rows.sorted {
            (rank($0), priority($0), $0.openedAt, $0.id) < (rank($1), priority($1), $1.openedAt, $1.id)
        }.map(\.id)
    }

    private func page(now: Timestamp) -> (PageRequest) throws -> [ComplaintListItem] {
        let shop = self.shop!
        let list = PaneLists(currency: .eur, locationIDs: [1], now: now).complaints()
        return { request in try shop.writer.read { db in try list.page(db, request) } }
    }

    func testEveryWindowSizeWalksTheSameOrderBothWaysAtEveryMoment() throws {
        for now in [pinnedNow, pinnedNow.adding(seconds: -2 * 3600), pinnedNow.adding(seconds: 2 * 3600)] {
            let expected = urgencyOrder(complaints, now: now)
            for limit in [1, 2, 3, 7, 200] {
                let walk = try walkBothWays(limit: limit, page: page(now: now))
                XCTAssertEqual(walk.forward, expected, "forward, \(limit) a page at \(now.iso8601)")
                XCTAssertEqual(walk.backward, expected, "backward, \(limit) a page at \(now.iso8601)")
            }
        }
    }

    func testFiltersKeepTheUrgencyOrder() throws {
        let overdue = { (row: ComplaintRow) in
            DueState.of(status: ComplaintStatus(rawValue: row.status)!, dueAt: row.dueAt, now: pinnedNow, pausedSince: row.waitingSince)
                == .overdue
        }
        let cases: [(String, (ComplaintRow) -> Bool)] = [
            ("queue:open", { ComplaintStatus(rawValue: $0.status)!.isOpen }),
            ("queue:resolved", { !ComplaintStatus(rawValue: $0.status)!.isOpen }),
            ("queue:overdue", overdue),
            ("priority:high", { $0.priority == "high" }),
            ("parcel status:new", { $0.status == "new" }),
        ]
        for (filter, matches) in cases {
            let expected = urgencyOrder(complaints.filter(matches), now: pinnedNow)
            XCTAssertFalse(expected.isEmpty, filter)
            let walk = try walkBothWays(limit: 4, filter: filter, page: shop.complaintPage)
            XCTAssertEqual(walk.forward, expected, "forward: \(filter)")
            XCTAssertEqual(walk.backward, expected, "backward: \(filter)")
        }
    }

    /// Each group's window is a seek on `complaint_by_urgency`, never a sort of the complaints.
    func testEachGroupIsReadFromTheUrgencyIndexInOrder() throws {
        let list = PaneLists(currency: .eur, locationIDs: [1], now: pinnedNow).complaints()
        let first = try shop.writer.read { db in try list.page(db, PageRequest(.after(nil), limit: 40)) }
        let key = try XCTUnwrap(first.dropFirst(10).first).sortKey
        var statements: [String] = []
        let plans: [String] = try shop.writer.read { db in
            db.trace { event in if case .statement(let statement) = event { statements.append(statement.expandedSQL) } }
            _ = try list.page(db, PageRequest(.after(key), limit: 200))
            _ = try list.page(db, PageRequest(.before(nil), limit: 200))
            db.trace(nil)
            return try statements.map { sql in
                let plan = try Row.fetchAll(db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql))
                return plan.map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
        XCTAssertEqual(plans.count, 6, "three groups each way")
        for plan in plans {
            XCTAssertTrue(plan.contains("USING INDEX complaint_by_urgency"), plan)
            XCTAssertFalse(plan.contains("TEMP B-TREE"), plan)
        }
    }
}
