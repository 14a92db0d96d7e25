import ShopKit
import XCTest

/// The complaint workflow in the domain: which status changes are allowed, the service clock
/// under priority changes and waits, and what a settlement or a change needs before it is written.
final class ComplaintWorkflowTests: XCTestCase {
    let opened = Timestamp(iso8601: "2026-11-20T08:00:00Z")!

    func testOpenComplaintsMoveForwardAndClosedOnesCanOnlyBeReopened() throws {
        XCTAssertNoThrow(try ComplaintWorkflow.check(from: .new, to: .investigating, text: ""))
        XCTAssertNoThrow(try ComplaintWorkflow.check(from: .waitingForCustomer, to: .investigating, text: ""))
        XCTAssertNoThrow(try ComplaintWorkflow.check(from: .resolved, to: .investigating, text: ""))
        XCTAssertThrowsError(try ComplaintWorkflow.check(from: .resolved, to: .rejected, text: "late")) {
            XCTAssertTrue("\($0)".contains("a resolved complaint cannot become rejected"), "\($0)")
            XCTAssertTrue("\($0)".contains("investigating"), "the hint says what it can become: \($0)")
        }
        XCTAssertThrowsError(try ComplaintWorkflow.check(from: .investigating, to: .new, text: ""))
        XCTAssertThrowsError(try ComplaintWorkflow.check(from: .new, to: .new, text: "")) {
            XCTAssertTrue("\($0)".contains("already new"), "\($0)")
        }
    }

    func testResolvingNeedsAResolutionAndRejectingAReason() {
        XCTAssertThrowsError(try ComplaintWorkflow.check(from: .investigating, to: .resolved, text: "  ")) {
            XCTAssertTrue("\($0)".contains("resolving needs a resolution"), "\($0)")
        }
        XCTAssertThrowsError(try ComplaintWorkflow.check(from: .new, to: .rejected, text: "")) {
            XCTAssertTrue("\($0)".contains("rejecting needs a reason"), "\($0)")
        }
        XCTAssertNoThrow(try ComplaintWorkflow.check(from: .investigating, to: .resolved, text: "refunded €20"))
    }

    func testStatusesAndPrioritiesAreReadAsTyped() throws {
        XCTAssertEqual(try ComplaintWorkflow.status(named: " Waiting "), .waitingForCustomer)
        XCTAssertEqual(try ComplaintWorkflow.status(named: "waiting_for_customer"), .waitingForCustomer)
        XCTAssertEqual(try ComplaintWorkflow.priority(named: "URGENT"), .urgent)
        XCTAssertThrowsError(try ComplaintWorkflow.status(named: "done")) { XCTAssertTrue("\($0)".contains("is not a status")) }
    }

    func testTheDueTimeIsTheOpeningPlusTheServiceLevelOfTheCurrentPriority() {
        var clock = ComplaintClock(openedAt: opened, priority: .normal)
        let now = opened.adding(seconds: 3600)
        XCTAssertEqual(clock.dueAt(.standard, now: now), opened.adding(seconds: 48 * 3600))
        clock.priority = .urgent
        XCTAssertEqual(clock.dueAt(.standard, now: now), opened.adding(seconds: 4 * 3600),
                       "raising the priority moves the due time, counted from the opening")
    }

    func testWaitingForTheCustomerPausesTheClockWhenTheShopSaysSo() {
        let levels = ServiceLevels.standard
        let clock = ComplaintClock(openedAt: opened, priority: .high)
        let waiting = clock.after(statusChangeTo: .waitingForCustomer, at: opened.adding(seconds: 3600), levels: levels)
        // Five hours into the wait the due time has moved by five hours.
        XCTAssertEqual(waiting.dueAt(levels, now: opened.adding(seconds: 6 * 3600)), opened.adding(seconds: 29 * 3600))
        let back = waiting.after(statusChangeTo: .investigating, at: opened.adding(seconds: 11 * 3600), levels: levels)
        XCTAssertNil(back.waitingSince)
        XCTAssertEqual(back.pausedSeconds, 10 * 3600)
        XCTAssertEqual(back.dueAt(levels, now: opened.adding(seconds: 30 * 3600)), opened.adding(seconds: 34 * 3600),
                       "the ten hours waited are added once, and the clock runs again")
        let noPause = ServiceLevels(pauseWhileWaiting: false)
        let runs = clock.after(statusChangeTo: .waitingForCustomer, at: opened.adding(seconds: 3600), levels: noPause)
        XCTAssertEqual(runs.dueAt(noPause, now: opened.adding(seconds: 20 * 3600)), opened.adding(seconds: 24 * 3600))
    }

    func testServiceLevelsComeFromTheShopSettingsWithDefaultsForWhatIsMissingOrWrong() {
        let levels = ServiceLevels.from(settings: [
            "sla_hours_urgent": "2", "sla_hours_low": "soon", "sla_pause_while_waiting": "false",
        ])
        XCTAssertEqual(levels.seconds(for: .urgent), 2 * 3600)
        XCTAssertEqual(levels.seconds(for: .high), 24 * 3600)
        XCTAssertEqual(levels.seconds(for: .low), 5 * 86_400, "an unreadable value keeps the default")
        XCTAssertFalse(levels.pauseWhileWaiting)
        XCTAssertTrue(ServiceLevels.from(settings: [:]).pauseWhileWaiting)
    }

    func testSettlementsAndChangesRefuseWhatCannotBeRight() {
        let zero = Money(minorUnits: 0, currency: .eur)
        for (settlement, words) in [
            (Settlement.refund(zero), "above zero"), (.storeCredit(zero), "above zero"),
            (.replacement(locationID: 1, quantity: 0), "at least 1"),
            (.returnReceived(locationID: 1, quantity: -1, disposition: .restock), "at least 1"),
            (.reject(reason: " "), "needs a reason"),
        ] {
            XCTAssertThrowsError(try settlement.validate()) { XCTAssertTrue("\($0)".contains(words), "\(settlement): \($0)") }
        }
        XCTAssertThrowsError(try ComplaintChange.note(" \n ").validate()) { XCTAssertTrue("\($0)".contains("the note is empty")) }
        XCTAssertThrowsError(try ComplaintChange.assign(to: "two words").validate())
        XCTAssertNoThrow(try ComplaintChange.assign(to: "").validate(), "empty unassigns")
        XCTAssertThrowsError(try NewComplaint(customerID: 1, kind: .damaged, channel: .email, priority: .normal, subject: " ").validate())
    }

    func testTheQueuesCycleAndEachIsAFilterTerm() {
        XCTAssertEqual(ComplaintQueue.new.next, .mine)
        XCTAssertEqual(ComplaintQueue.resolved.next, .new)
        XCTAssertEqual(ComplaintQueue.overdue.filterTerm, "queue:overdue")
        XCTAssertTrue(FilterQuery(parsing: "queue:overdue", keys: .complaints).problems.isEmpty)
        XCTAssertFalse(FilterQuery(parsing: "queue:someday", keys: .complaints).problems.isEmpty)
    }

    func testAStoppedClockIsPausedUnlessTheComplaintWasOverdueWhenItStopped() {
        let due = opened.adding(seconds: 48 * 3600)
        let later = opened.adding(seconds: 100 * 3600)
        XCTAssertEqual(DueState.of(status: .waitingForCustomer, dueAt: due, now: later, pausedSince: opened), .paused)
        XCTAssertEqual(DueState.of(status: .waitingForCustomer, dueAt: due, now: later, pausedSince: due.adding(seconds: 1)), .overdue)
        XCTAssertEqual(DueState.paused.symbol, " ", "nothing to flag: the due column says paused")
    }

    func testPersonalDataIsMaskedToAHint() {
        XCTAssertEqual(PersonalData.maskEmail("jana.novak@example.com"), "j***@e***.com")
        XCTAssertEqual(PersonalData.maskPhone("+49 30 1234567"), "***567")
    }
}
