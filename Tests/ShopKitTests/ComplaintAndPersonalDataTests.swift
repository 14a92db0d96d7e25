import ShopKit
import XCTest

final class ComplaintAndPersonalDataTests: XCTestCase {
    private let now = Timestamp(secondsSince1970: 1_795_183_500)

    func testClosedComplaintsHaveNoClockWhateverTheirDueDate() {
        for status in [ComplaintStatus.resolved, .rejected] {
            XCTAssertEqual(DueState.of(status: status, dueAt: now.adding(days: -3), now: now), .closed)
            XCTAssertEqual(DueState.of(status: status, dueAt: nil, now: now), .closed)
        }
    }

    func testOpenComplaintPastOrAtItsDueTimeIsOverdue() {
        for status in [ComplaintStatus.new, .investigating, .waitingForCustomer] {
            XCTAssertEqual(DueState.of(status: status, dueAt: now, now: now), .overdue)
            XCTAssertEqual(DueState.of(status: status, dueAt: now.adding(seconds: -1), now: now), .overdue)
        }
    }

    func testOpenComplaintDueWithinFourHoursIsDueSoon() {
        XCTAssertEqual(DueState.of(status: .new, dueAt: now.adding(seconds: 1), now: now), .dueSoon)
        XCTAssertEqual(DueState.of(status: .new, dueAt: now.adding(seconds: 4 * 3600), now: now), .dueSoon)
        XCTAssertEqual(DueState.of(status: .new, dueAt: now.adding(seconds: 4 * 3600 + 1), now: now), .onTime)
        XCTAssertEqual(DueState.of(status: .investigating, dueAt: nil, now: now), .onTime)
    }

    func testDueStatesReadWithoutColourThroughTheirSymbols() {
        XCTAssertEqual(DueState.overdue.symbol, "!")
        XCTAssertEqual(DueState.dueSoon.symbol, "~")
        XCTAssertEqual(DueState.onTime.symbol, " ")
        XCTAssertEqual(DueState.closed.symbol, " ")
    }

    func testServiceLevelsAreFourHoursOneDayTwoDaysAndFiveDays() {
        XCTAssertEqual(ComplaintPriority.urgent.defaultServiceLevelSeconds, 4 * 3600)
        XCTAssertEqual(ComplaintPriority.high.defaultServiceLevelSeconds, 24 * 3600)
        XCTAssertEqual(ComplaintPriority.normal.defaultServiceLevelSeconds, 48 * 3600)
        XCTAssertEqual(ComplaintPriority.low.defaultServiceLevelSeconds, 5 * 86_400)
    }

    func testMoreUrgentPrioritiesSortFirst() {
        XCTAssertEqual([ComplaintPriority.low, .urgent, .normal, .high].sorted(), [.urgent, .high, .normal, .low])
        XCTAssertLessThan(ComplaintPriority.urgent, ComplaintPriority.high)
    }

    func testStatusAndKindLabelsAreWordsNotIdentifiers() {
        XCTAssertEqual(ComplaintStatus.waitingForCustomer.label, "waiting")
        XCTAssertFalse(ComplaintStatus.resolved.isOpen)
        XCTAssertTrue(ComplaintStatus.waitingForCustomer.isOpen)
        XCTAssertEqual(ComplaintKind.lateDelivery.label, "late delivery")
        XCTAssertEqual(ComplaintChannel.reviewSite.label, "review site")
    }

    func testEmailIsMaskedToFirstLettersAndTopLevelDomain() {
        XCTAssertEqual(PersonalData.maskEmail("jane.doe@example.com"), "j***@e***.com")
        XCTAssertEqual(PersonalData.maskEmail("malgorzata.nowak@mail.example.org"), "m***@m***.org")
        XCTAssertEqual(PersonalData.maskEmail("root@localhost"), "r***@l***")
        XCTAssertEqual(PersonalData.maskEmail("not-an-email"), "n***")
        XCTAssertFalse(PersonalData.maskEmail("jane.doe@example.com").contains("jane"))
    }

    func testPhoneKeepsOnlyItsLastThreeDigits() {
        XCTAssertEqual(PersonalData.maskPhone("+49 30 1234567"), "***567")
        XCTAssertEqual(PersonalData.maskPhone("123"), "***")
        XCTAssertEqual(PersonalData.maskPhone(""), "***")
    }

    func testOtherTextKeepsOnlyItsFirstCharacter() {
        XCTAssertEqual(PersonalData.mask("Jane Doe"), "J***")
        XCTAssertEqual(PersonalData.mask(""), "")
    }
}
