import ShopKit
@testable import ShopUI
import XCTest

/// Working the complaint queue from the keyboard: queues, the detail view's actions, settlements,
/// the audited reveal of personal data and a new complaint found by typing.
final class ComplaintWorkflowUITests: XCTestCase {
    private func complaintConsole(_ writer: ProductFormTests.RecordingWriter = ProductFormTests.RecordingWriter()) -> Console {
        let console = Console(shop: Fixtures.demoShop(), writer: writer)
        console.press(.character("5"))
        return console
    }

    /// Opens complaint #1 (the first row: overdue).
    private func openFirst(_ writer: ProductFormTests.RecordingWriter = ProductFormTests.RecordingWriter()) -> Console {
        let console = complaintConsole(writer)
        console.press(.enter)
        return console
    }

    func testCapitalVStepsThroughTheQueuesAndTheBarMarksTheChosenOne() {
        let console = complaintConsole()
        XCTAssertTrue(console.screen.line(1).contains(" New 1 "), console.screen.line(1))
        console.press(.character("V"))
        XCTAssertEqual(console.state.table.filter, "queue:new")
        XCTAssertTrue(console.screen.line(1).contains("[New 1]"), "the chosen queue is bracketed: \(console.screen.line(1))")
        for expected in ["queue:mine", "queue:overdue", "queue:waiting", "queue:open", "queue:resolved", ""] {
            console.press(.character("V"))
            XCTAssertEqual(console.state.table.filter, expected)
        }
        XCTAssertTrue(console.screen.statusLine.contains("queue: everything"), console.screen.statusLine)
    }

    func testTheDetailMasksPersonalDataAndShowsTheOrderAndTheKeys() {
        let text = openFirst().screen.text
        XCTAssertTrue(text.contains("j***@e***.com"), text)
        XCTAssertFalse(text.contains("jana.novak@example.com"), text)
        XCTAssertTrue(text.contains("***567"), text)
        XCTAssertTrue(text.contains("m mine · o assign · s status"), text)
    }

    func testCapitalPRevealsPersonalDataThroughTheWritePathAndMasksItAgain() {
        let writer = ProductFormTests.RecordingWriter()
        let console = openFirst(writer)
        console.press(.character("P"))
        guard case .revealPersonalData(let id) = writer.commands.first else { return XCTFail("\(writer.commands)") }
        XCTAssertEqual(id, 1)
        XCTAssertTrue(console.screen.text.contains("jana.novak@example.com"), console.screen.text)
        XCTAssertTrue(console.screen.statusLine.contains("recorded in the audit log"), console.screen.statusLine)
        console.press(.character("P"))
        XCTAssertFalse(console.screen.text.contains("jana.novak@example.com"))
        XCTAssertEqual(writer.commands.count, 1, "masking again is not recorded")
    }

    func testMAssignsTheComplaintToTheUserAtTheConsole() {
        let writer = ProductFormTests.RecordingWriter()
        let console = openFirst(writer)
        console.press(.character("m"))
        guard case .changeComplaint(1, 4, .assign(to: "ana")) = writer.commands.first else { return XCTFail("\(writer.commands)") }
        guard case .detail = console.state.mode else { return XCTFail("back on the detail view") }
        XCTAssertTrue(console.screen.statusLine.contains("#1: assigned to you"), console.screen.statusLine)
    }

    func testSResolvesWithTheTypedResolutionAndARefusalStaysUnderTheField() {
        let writer = ProductFormTests.RecordingWriter()
        writer.answer = .invalid(ValidationError(field: "text", message: "resolving needs a resolution", hint: "say what was done"))
        let console = openFirst(writer)
        console.press(.character("s"), .control("u"))
        console.type("resolved")
        console.press(.control("s"))
        XCTAssertTrue(console.screen.text.contains("resolving needs a resolution"), console.screen.text)
        guard case .form = console.state.mode else { return XCTFail("the form stays open") }
        writer.answer = nil
        XCTAssertEqual(console.state.mode.formFocus, 1, "the field that needs fixing has the focus")
        console.type("refund sent")
        console.press(.control("s"))
        guard case .changeComplaint(1, 4, .status(.resolved, text: "refund sent")) = writer.commands.last else {
            return XCTFail("\(writer.commands)")
        }
    }

    func testANoteCanStartFromACannedReply() {
        let writer = ProductFormTests.RecordingWriter()
        let console = openFirst(writer)
        console.press(.character("N"))
        console.type("photos")
        console.press(.control("s"))
        guard case .changeComplaint(1, _, .note(let text)) = writer.commands.first else { return XCTFail("\(writer.commands)") }
        XCTAssertTrue(text.hasPrefix("Could you send us a photo"), text)
    }

    func testAnUnknownTemplateIsNamedWithTheOnesThereAre() {
        let writer = ProductFormTests.RecordingWriter()
        let console = openFirst(writer)
        console.press(.character("N"))
        console.type("poem")
        console.press(.control("s"))
        XCTAssertTrue(console.screen.text.contains("there is no reply template \"poem\""), console.screen.text)
        XCTAssertTrue(writer.commands.isEmpty)
    }

    func testDollarSettlesAReturnIntoStockAndResolves() {
        let writer = ProductFormTests.RecordingWriter()
        let console = openFirst(writer)
        console.press(.character("$"))
        console.type("return")
        console.press(.tab)
        console.type("1")
        console.press(.tab, .control("u"))
        console.type("SHOP")
        console.press(.control("s"))
        guard case .settleComplaint(1, 4, .returnReceived(2, 1, .restock), true, false) = writer.commands.first else {
            return XCTFail("\(writer.commands)")
        }
        XCTAssertTrue(console.screen.statusLine.contains("#1: return received, resolved"), console.screen.statusLine)
    }

    func testALargeRefundAsksFirstAndYesSendsItConfirmed() {
        let writer = ProductFormTests.RecordingWriter()
        writer.answer = .needsConfirmation("a refund of €250.00 is above €100.00")
        let console = openFirst(writer)
        console.press(.character("$"))
        console.type("refund")
        console.press(.tab)
        console.type("250")
        console.press(.control("s"))
        XCTAssertTrue(console.screen.text.contains("a refund of €250.00 is above €100.00. Go ahead?"), console.screen.text)
        writer.answer = nil
        console.press(.character("y"))
        guard case .settleComplaint(1, 4, .refund(let amount), true, true) = writer.commands.last else {
            return XCTFail("\(writer.commands)")
        }
        XCTAssertEqual(amount, Money(minorUnits: 25_000, currency: .eur))
    }

    func testAnUnreadableSettlementIsRefusedUnderItsField() {
        let writer = ProductFormTests.RecordingWriter()
        let console = openFirst(writer)
        console.press(.character("$"))
        console.type("refund")
        console.press(.tab)
        console.type("lots")
        console.press(.control("s"))
        XCTAssertTrue(writer.commands.isEmpty)
        guard case .form(let form) = console.state.mode else { return XCTFail("\(console.state.mode)") }
        XCTAssertNotNil(form.fields[1].error, "the amount field says what is wrong")
    }

    func testNOpensANewComplaintFindingTheCustomerAsTyped() {
        let writer = ProductFormTests.RecordingWriter()
        let console = complaintConsole(writer)
        console.press(.character("n"))
        console.type("Tom")
        XCTAssertTrue(console.screen.text.contains("Tomas Berg <t***@e***.com>"), "matches show as you type: \(console.screen.text)")
        console.press(.tab, .tab, .tab, .tab, .tab)
        console.type("Parcel never came")
        console.press(.control("s"))
        guard case .openComplaint(let complaint) = writer.commands.first else { return XCTFail("\(writer.commands)") }
        XCTAssertEqual(complaint.subject, "Parcel never came")
        XCTAssertEqual(complaint.kind, .damaged)
        XCTAssertNil(complaint.orderID)
    }

    func testAnUnknownOrderNumberIsRefusedWithAClearMessage() {
        let writer = ProductFormTests.RecordingWriter()
        let console = complaintConsole(writer)
        console.press(.character("n"))
        console.type("A-9999")
        console.press(.tab, .tab, .tab, .tab, .tab)
        console.type("Where is it")
        console.press(.control("s"))
        XCTAssertTrue(console.screen.text.contains("no customer or order matches \"A-9999\""), console.screen.text)
        XCTAssertTrue(writer.commands.isEmpty)
    }

    func testCapitalRInComplaintsShowsTheSummary() {
        let console = complaintConsole()
        console.press(.character("R"))
        let text = console.screen.text
        XCTAssertTrue(text.contains("Complaint summary"), text)
        XCTAssertTrue(text.contains("Median to close 26h"), text)
        XCTAssertTrue(text.contains("Closed 30 days  1"), text)
        XCTAssertTrue(text.contains("Blue Enamel Mug"), text)
    }

    func testComplaintKeysOutsideAComplaintSayWhereToGo() {
        let console = Console(shop: Fixtures.demoShop(), writer: ProductFormTests.RecordingWriter())
        console.press(.character("4"), .enter, .character("m"))
        XCTAssertTrue(console.screen.statusLine.contains("open a complaint first"), console.screen.statusLine)
    }
}

extension AppState.Mode {
    var formFocus: Int? { if case .form(let form) = self { form.focus } else { nil } }
}
