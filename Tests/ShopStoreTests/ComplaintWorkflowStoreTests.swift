import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// Complaints through the write path: each change a timeline event and audit rows; each
/// settlement books its money or stock in the same transaction, or nothing at all.
final class ComplaintWorkflowStoreTests: XCTestCase {
    /// A clock the test moves.
    final class Clock: @unchecked Sendable {
        var now = Timestamp(iso8601: "2030-03-15T09:00:00Z")!
    }

    private var clock = Clock()
    private var shop: ShopDatabase!

    override func setUpWithError() throws {
        clock = Clock()
        let clock = self.clock
        shop = try ShopDatabase.inMemory(actor: "jane", clock: { clock.now })
        try shop.rawExecute(Self.fixture)
    }

    /// Complaint 1: Jana's damaged mug from order O-1 (2 × €29.90, €5.00 discount), opened at
    /// 08:00 with normal priority (due 48 h later). Complaint 2: a closed one.
    static let fixture = """
        INSERT INTO location(id, code, name, kind) VALUES (1, 'BER', 'Berlin', 'warehouse'), (2, 'QUA', 'Quarantine', 'damaged');
        INSERT INTO product(id, handle, title, created_at, updated_at) VALUES (1, 'mug', 'Mug', 'x', 'x');
        INSERT INTO variant(id, product_id, sku, price_minor, created_at, updated_at) VALUES (1, 1, 'MUG', 2990, 'x', 'x');
        INSERT INTO stock_movement(at, variant_id, location_id, reason, quantity, reference, actor)
          VALUES ('2030-01-01T00:00:00Z', 1, 1, 'receipt', 10, 'PO-1', 'ben');
        INSERT INTO customer(id, name, email, phone, created_at) VALUES
          (1, 'Jana Novak', 'jana@example.com', '+49 30 1234567', 'x'), (2, 'Per Olsen', 'per@example.com', '', 'x');
        INSERT INTO sales_order(id, number, customer_id, placed_at, status) VALUES
          (1, 'O-1', 1, '2030-03-01T10:00:00Z', 'shipped'), (2, 'O-2', 2, '2030-03-02T10:00:00Z', 'shipped');
        INSERT INTO order_line(order_id, line_no, variant_id, quantity, unit_price_minor, discount_minor) VALUES
          (1, 1, 1, 2, 2990, 500), (2, 1, 1, 1, 2990, 0);
        INSERT INTO complaint(id, customer_id, order_id, variant_id, kind, channel, priority, status, assignee, opened_at, due_at, subject)
          VALUES (1, 1, 1, 1, 'damaged', 'email', 'normal', 'new', '', '2030-03-15T08:00:00Z', '2030-03-17T08:00:00Z', 'Cracked mug'),
                 (2, 2, 2, 1, 'quality', 'email', 'low', 'resolved', 'ben', '2030-03-01T08:00:00Z', NULL, 'Faded');
        """

    private func version(_ id: Int64 = 1) throws -> Int64 { try shop.integer("SELECT version FROM complaint WHERE id = \(id)")! }

    private func events(_ id: Int64 = 1) throws -> [String] {
        try shop.texts("SELECT kind || ': ' || detail || ' by ' || actor FROM complaint_event WHERE complaint_id = \(id) ORDER BY id")
    }

    private func change(_ change: ComplaintChange, id: Int64 = 1) throws {
        try shop.perform(.changeComplaint(id: id, expectedVersion: try version(id), change: change))
    }

    private func settle(_ settlement: Settlement, resolve: Bool = false, confirmed: Bool = false) throws -> WriteResult {
        try shop.perform(.settleComplaint(id: 1, expectedVersion: try version(), settlement: settlement, thenResolve: resolve,
                                          confirmed: confirmed))
    }

    private func euros(_ text: String) -> Money { try! MoneyParser.parse(text, currency: .eur, field: "amount") }

    func testAStatusChangeIsATimelineEventAnAuditedFieldAndANewVersion() throws {
        try change(.status(.investigating, text: "asked the courier"))
        XCTAssertEqual(try events(), ["status: new → investigating: asked the courier by jane"])
        XCTAssertEqual(try shop.text("SELECT new_value FROM audit_log WHERE entity = 'complaint' AND field = 'status'"), "investigating")
        XCTAssertEqual(try version(), 2)
        try change(.status(.resolved, text: "new mug sent"))
        XCTAssertEqual(try shop.text("SELECT resolution || ' @ ' || resolved_at FROM complaint WHERE id = 1"),
                       "new mug sent @ 2030-03-15T09:00:00Z")
        try change(.status(.investigating, text: ""))
        XCTAssertNil(try shop.text("SELECT resolved_at FROM complaint WHERE id = 1"), "reopened")
    }

    func testRefusedStatusChangesWriteNothing() throws {
        XCTAssertThrowsError(try change(.status(.resolved, text: ""))) {
            XCTAssertTrue("\($0)".contains("resolving needs a resolution"), "\($0)")
        }
        XCTAssertThrowsError(try change(.status(.rejected, text: "late"), id: 2)) {
            XCTAssertTrue("\($0)".contains("cannot become rejected"), "\($0)")
        }
        XCTAssertEqual(try shop.count("complaint_event"), 0)
        XCTAssertEqual(try shop.count("audit_log"), 0)
    }

    func testAStaleVersionIsAConflictButANoteAlwaysLands() throws {
        try change(.assign(to: "ana"))
        XCTAssertThrowsError(try shop.perform(.changeComplaint(id: 1, expectedVersion: 1, change: .priority(.high)))) { error in
            guard case .conflict(_, _, 2, let current) = error as? WriteError else { return XCTFail("\(error)") }
            XCTAssertEqual(current["assignee"], "ana")
        }
        try shop.perform(.changeComplaint(id: 1, expectedVersion: 1, change: .note("Called the customer.\nShe sends photos.")))
        XCTAssertEqual(try events().last, "note: Called the customer.\nShe sends photos. by jane")
    }

    func testAPriorityChangeMovesTheDueTimeFromTheOpening() throws {
        try change(.priority(.urgent))
        XCTAssertEqual(try shop.text("SELECT due_at FROM complaint WHERE id = 1"), "2030-03-15T12:00:00Z")
        XCTAssertEqual(try events(), ["priority: normal → urgent by jane"])
    }

    func testWaitingForTheCustomerStopsTheClockUntilTheComplaintMovesOn() throws {
        try change(.status(.waitingForCustomer, text: "asked for photos"))
        clock.now = clock.now.adding(seconds: 24 * 3600)
        try change(.status(.investigating, text: "photos arrived"))
        XCTAssertEqual(try shop.integer("SELECT paused_seconds FROM complaint WHERE id = 1"), 24 * 3600)
        XCTAssertEqual(try shop.text("SELECT due_at FROM complaint WHERE id = 1"), "2030-03-18T08:00:00Z",
                       "48 hours from the opening plus the day spent waiting")
    }

    func testARefundIsBookedAgainstTheOrderUpToWhatItsLinesWerePaid() throws {
        _ = try settle(.refund(euros("20.00")))
        XCTAssertEqual(try shop.integer("SELECT amount_minor FROM refund WHERE order_id = 1 AND complaint_id = 1"), 2000)
        XCTAssertEqual(try events(), ["settlement: refund €20.00 by jane"])
        XCTAssertThrowsError(try settle(.refund(euros("34.81")))) {
            XCTAssertTrue("\($0)".contains("at most €34.80"), "2 × 29.90 − 5.00 − 20.00: \($0)")
        }
        XCTAssertThrowsError(try settle(.refund(euros("0"))))
        XCTAssertEqual(try shop.count("refund"), 1)
        XCTAssertEqual(try shop.complaintDetail(id: 1)?.refundable, euros("34.80"))
    }

    func testARefundAboveTheShopsThresholdNeedsAConfirmation() throws {
        try shop.rawExecute("INSERT INTO shop_setting(key, value) VALUES ('refund_confirm_above', '30.00')")
        XCTAssertThrowsError(try settle(.refund(euros("40.00")))) { error in
            XCTAssertEqual(error as? WriteError, .needsConfirmation("a refund of €40.00 is above €30.00"))
        }
        XCTAssertEqual(try shop.count("refund"), 0)
        _ = try settle(.refund(euros("40.00")), confirmed: true)
        XCTAssertEqual(try shop.count("refund"), 1)
    }

    func testAReturnToQuarantineIsAMovementReferencingTheComplaintAndCanResolveIt() throws {
        _ = try settle(.returnReceived(locationID: 2, quantity: 1, disposition: .quarantine), resolve: true)
        XCTAssertEqual(try shop.texts("SELECT reason || ' ' || quantity || ' ' || reference FROM stock_movement WHERE location_id = 2"),
                       ["return 1 complaint #1"])
        XCTAssertEqual(try shop.text("SELECT status || ': ' || resolution FROM complaint WHERE id = 1"),
                       "resolved: return of 1 received at QUA: quarantine")
        XCTAssertEqual(try shop.stockItems(ids: [1]).first?.available, 10, "quarantined goods are not available")
    }

    func testAReturnWrittenOffIsReceivedAndDisposedOfAndRestockingIntoQuarantineIsRefused() throws {
        _ = try settle(.returnReceived(locationID: 1, quantity: 2, disposition: .writeOff))
        XCTAssertEqual(try shop.texts("SELECT reason || ' ' || quantity FROM stock_movement WHERE reference LIKE 'complaint #1%' ORDER BY id"),
                       ["return 2", "damage -2"])
        XCTAssertThrowsError(try settle(.returnReceived(locationID: 2, quantity: 1, disposition: .restock))) {
            XCTAssertTrue("\($0)".contains("holds nothing for sale"), "\($0)")
        }
        XCTAssertThrowsError(try settle(.returnReceived(locationID: 1, quantity: 1, disposition: .quarantine))) {
            XCTAssertTrue("\($0)".contains("needs a damaged/quarantine location"), "\($0)")
        }
    }

    func testAReplacementLeavesStockAsASaleAndCreditGoesOnTheCustomer() throws {
        _ = try settle(.replacement(locationID: 1, quantity: 1))
        XCTAssertEqual(try shop.text("SELECT reason || ' ' || quantity || ' ' || reference FROM stock_movement ORDER BY id DESC LIMIT 1"),
                       "sale -1 complaint #1 replacement")
        _ = try settle(.storeCredit(euros("5.00")))
        XCTAssertEqual(try shop.integer("SELECT store_credit_minor FROM customer WHERE id = 1"), 500)
        XCTAssertEqual(try events(), ["settlement: replacement of 1 from BER by jane", "settlement: store credit €5.00 by jane"])
    }

    func testAFailedSettlementLeavesNoTraceAtAll() throws {
        XCTAssertThrowsError(try settle(.replacement(locationID: 99, quantity: 1)))
        XCTAssertEqual(try shop.count("complaint_event"), 0)
        XCTAssertEqual(try shop.count("audit_batch"), 0)
        XCTAssertEqual(try shop.count("stock_movement"), 1)
    }

    func testNothingCanBeSettledOnAClosedComplaint() throws {
        XCTAssertThrowsError(try shop.perform(.settleComplaint(
            id: 2, expectedVersion: try version(2), settlement: .refund(euros("1.00")), thenResolve: false, confirmed: false))) {
            XCTAssertTrue("\($0)".contains("is resolved: nothing can be settled"), "\($0)")
        }
    }

    func testRevealingPersonalDataIsWrittenToTheAuditLog() throws {
        try shop.perform(.revealPersonalData(complaintID: 1))
        XCTAssertEqual(try shop.texts("SELECT actor || ' ' || entity || ' ' || entity_id || ' ' || field || ' ' || new_value FROM audit_log"),
                       ["jane customer 1 personal_data_revealed complaint #1"])
    }

    func testANewComplaintIsDueByItsPriorityAndTheOrderMustBeTheCustomers() throws {
        let result = try shop.perform(.openComplaint(NewComplaint(
            customerID: 1, orderID: 1, variantID: 1, kind: .lateDelivery, channel: .phone, priority: .high, subject: "Where is it?")))
        let id = try XCTUnwrap(result.createdID)
        XCTAssertEqual(try shop.text("SELECT status || ' ' || due_at FROM complaint WHERE id = \(id)"), "new 2030-03-16T09:00:00Z")
        XCTAssertEqual(try events(id), ["opened: late delivery via phone by jane"])
        XCTAssertThrowsError(try shop.perform(.openComplaint(NewComplaint(
            customerID: 1, orderID: 2, kind: .other, channel: .email, priority: .low, subject: "x")))) {
            XCTAssertTrue("\($0)".contains("not the customer's"), "\($0)")
        }
    }

    func testCustomersAreFoundByOrderNumberEmailOrTheStartOfAName() throws {
        XCTAssertEqual(try shop.findCustomers(matching: "o-1").map { "\($0.customer.name) \($0.orderNumber ?? "")" }, ["Jana Novak O-1"])
        XCTAssertEqual(try shop.findCustomers(matching: "per@example.com").map(\.customer.name), ["Per Olsen"])
        XCTAssertEqual(try shop.findCustomers(matching: "jan").map(\.customer.name), ["Jana Novak"])
        XCTAssertEqual(try shop.findCustomers(matching: "O-999"), [], "an unknown order number finds nobody")
    }

    func testQueuesCountAndFilterByTheClockAndTheUser() throws {
        try change(.assign(to: "jane"))
        var counts = try shop.complaintQueueCounts()
        XCTAssertEqual(counts[.new], 1)
        XCTAssertEqual(counts[.mine], 1)
        XCTAssertEqual(counts[.overdue], 0)
        XCTAssertEqual(counts[.resolved], 1)
        clock.now = Timestamp(iso8601: "2030-03-17T08:00:00Z")!
        counts = try shop.complaintQueueCounts()
        XCTAssertEqual(counts[.overdue], 1, "due at this very moment is overdue")
        XCTAssertEqual(try shop.complaintPage(PageRequest(.after(nil), filter: "queue:overdue", limit: 10)).map(\.id), [1])
        XCTAssertEqual(try shop.complaintPage(PageRequest(.after(nil), filter: "queue:resolved", limit: 10)).map(\.id), [2])
        XCTAssertEqual(try shop.complaintPage(PageRequest(.after(nil), filter: "#2", limit: 10)).map(\.id), [2])
    }

    func testTheDetailShowsTheOrderLinesTheCustomersHistoryAndTheVersion() throws {
        let detail = try XCTUnwrap(shop.complaintDetail(id: 1))
        XCTAssertEqual(detail.orderLines, [OrderLineSummary(sku: "MUG", title: "Mug", quantity: 2, paid: euros("54.80"))])
        XCTAssertEqual(detail.customerOrders, 1)
        XCTAssertEqual(detail.customerSpent, euros("54.80"))
        XCTAssertEqual(detail.version, 1)
        XCTAssertEqual(detail.variantID, 1)
    }

    func testTheSummaryCountsTheQueueTheMedianTimeToCloseAndTheTopKindsAndProducts() throws {
        try change(.status(.resolved, text: "replaced"))
        try shop.rawExecute("""
            UPDATE complaint SET opened_at = '2030-03-14T09:00:00Z' WHERE id = 1;
            UPDATE complaint SET resolved_at = '2030-03-10T08:00:00Z' WHERE id = 2;
            """)
        let summary = try shop.complaintSummary()
        XCTAssertEqual(summary.open, 0)
        XCTAssertEqual(summary.resolvedLast30Days, 2)
        // 24 h and 9 days: the median of two is their mean.
        XCTAssertEqual(summary.medianSecondsToResolve, (24 * 3600 + 9 * 86_400) / 2)
        XCTAssertEqual(summary.topKinds.map(\.kind), [.damaged, .quality], "one each, then by name")
        XCTAssertEqual(summary.topProducts.map(\.title), ["Mug"])
        XCTAssertEqual(summary.topProducts.first?.count, 2)
    }

    func testAComplaintWaitingForTheCustomerIsNotOverdueWhileItsClockIsStopped() throws {
        try change(.status(.waitingForCustomer, text: "asked for photos"))
        clock.now = Timestamp(iso8601: "2030-03-20T08:00:00Z")!
        XCTAssertEqual(try shop.complaintQueueCounts()[.overdue], 0)
        XCTAssertEqual(try shop.complaintPage(PageRequest(.after(nil), filter: "queue:overdue", limit: 10)).map(\.id), [])
        let item = try XCTUnwrap(shop.complaintPage(PageRequest(.after(nil), filter: "queue:waiting", limit: 10)).first)
        XCTAssertEqual(DueState.of(status: item.status, dueAt: item.dueAt, now: clock.now, pausedSince: item.pausedSince), .paused)
        try change(.status(.investigating, text: "photos arrived"))
        XCTAssertEqual(try shop.complaintQueueCounts()[.overdue], 0, "the five days waited were added to the due time")
    }

    func testAComplaintAlreadyOverdueWhenItStartsWaitingStaysOverdue() throws {
        clock.now = Timestamp(iso8601: "2030-03-18T08:00:00Z")!
        try change(.status(.waitingForCustomer, text: "too late, but asked"))
        XCTAssertEqual(try shop.complaintQueueCounts()[.overdue], 1)
    }
}
