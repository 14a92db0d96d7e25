import ShopKit
@testable import ShopUI
import XCTest

/// The product form as a person uses it: fields, live counters, messages under the fields that
/// are wrong, save and discard.
final class ProductFormTests: XCTestCase {
    /// Records what the form sends and answers as told.
    final class RecordingWriter: ShopWriting, @unchecked Sendable {
        var commands: [WriteCommand] = []
        var answer: WriteError?

        func perform(_ command: WriteCommand, reason: String) throws(WriteError) -> WriteResult {
            commands.append(command)
            if let answer { throw answer }
            return WriteResult(batchID: 7, newVersion: 2, changes: [FieldChange(field: "x", oldValue: nil, newValue: "y")], createdID: 9)
        }
    }

    private func console(_ writer: RecordingWriter, width: Int = 80, height: Int = 24) -> Console {
        Console(shop: Fixtures.demoShop(), width: width, height: height, writer: writer)
    }

    func testCapitalEOpensTheFormWithEveryFieldAndTheSEOCounters() {
        let console = console(RecordingWriter())
        console.press(.character("E"))
        let text = console.screen.text
        for label in ["Title", "Handle", "Vendor", "Type", "Status", "SEO title", "SEO description", "Tags", "Listed on", "Description"] {
            XCTAssertTrue(text.contains(label), "\(label) missing:\n\(text)")
        }
        XCTAssertTrue(text.contains("/60") && text.contains("/160"), "the SEO limits are shown:\n\(text)")
        XCTAssertTrue(console.screen.statusLine.contains("Edit product"), console.screen.statusLine)
    }

    func testTheSEOTitleCounterFollowsTheTypingAndWarnsPastTheLimit() {
        let console = console(RecordingWriter())
        console.press(.character("E"))
        console.press(.tab, times: 5)
        console.press(.control("u"))
        console.type(String(repeating: "a", count: 61))
        XCTAssertTrue(console.screen.text.contains("61/60"), console.screen.text)
    }

    func testAnEmptyTitleIsRefusedWithTheMessageUnderTheFieldAndNothingIsSent() {
        let writer = RecordingWriter()
        let console = console(writer)
        console.press(.character("E"))
        console.press(.control("u"))
        console.press(.control("s"))
        let lines = console.screen.lines
        let titleRow = lines.firstIndex { $0.contains("Title") }!
        XCTAssertTrue(lines[titleRow + 1].contains("title is empty"), "the message sits under the field:\n\(console.screen.text)")
        XCTAssertTrue(writer.commands.isEmpty)
        if case .form = console.state.mode {} else { XCTFail("the form stays open") }
    }

    func testAnUnknownStatusIsRefusedUnderItsFieldWithTheChoices() {
        let console = console(RecordingWriter())
        console.press(.character("E"))
        console.press(.tab, times: 4)
        console.press(.control("u"))
        console.type("sold")
        console.press(.control("s"))
        XCTAssertTrue(console.screen.text.contains("use draft, active or archived"), console.screen.text)
    }

    func testSavingSendsOnlyTheChangedFieldsTagsAndChannelsAsOneEdit() {
        let writer = RecordingWriter()
        let console = console(writer)
        console.press(.character("E"))
        console.press(.tab, times: 2)
        console.press(.control("u"))
        console.type("Nordic Mugs")
        console.press(.tab, times: 5)
        console.type(", camping")
        console.press(.control("s"))
        XCTAssertEqual(writer.commands.count, 1)
        guard case .editProduct(_, _, let changes, let tags, let channels) = writer.commands.first else {
            return XCTFail("\(writer.commands)")
        }
        XCTAssertEqual(changes, [.vendor: "Nordic Mugs"])
        XCTAssertEqual(tags?.last, "camping")
        XCTAssertNil(channels, "channels were not touched")
        XCTAssertEqual(console.state.mode, .browse)
        XCTAssertTrue(console.screen.statusLine.contains("saved"), console.screen.statusLine)
    }

    func testARefusalFromTheStoreLandsUnderTheFieldItNames() {
        let writer = RecordingWriter()
        writer.answer = .invalid(ValidationError(field: "handle", message: "that handle is already used by another row"))
        let console = console(writer)
        console.press(.character("E"))
        console.press(.tab)
        console.type("-x")
        console.press(.control("s"))
        let lines = console.screen.lines
        let handleRow = lines.firstIndex { $0.contains("Handle") }!
        XCTAssertTrue(lines[handleRow + 1].contains("already used"), console.screen.text)
    }

    func testEscapeOnAChangedFormAsksAndNoReturnsToTheFormWithTheTypedText() {
        let writer = RecordingWriter()
        let console = console(writer)
        console.press(.character("E"))
        console.press(.control("u"))
        console.type("Renamed")
        console.press(.escape)
        XCTAssertTrue(console.screen.text.contains("Discard your changes"), console.screen.text)
        console.press(.character("n"))
        XCTAssertTrue(console.screen.text.contains("Renamed"), console.screen.text)
        console.press(.escape, .character("y"))
        XCTAssertEqual(console.state.mode, .browse)
        XCTAssertTrue(writer.commands.isEmpty, "discarding sends nothing")
    }

    func testNewProductNeedsATitleAndAPriceAndIsCreatedAsADraft() {
        let writer = RecordingWriter()
        let console = console(writer)
        console.press(.character("n"))
        console.press(.control("s"))
        XCTAssertTrue(console.screen.text.contains("title is empty"), console.screen.text)
        XCTAssertTrue(console.screen.text.contains("price is empty"), console.screen.text)
        XCTAssertTrue(writer.commands.isEmpty)
        console.type("Fjord Scarf")
        console.press(.tab, times: 4)
        console.type("39,90")
        console.press(.enter)
        guard case .createProduct(let fields, _, let price) = writer.commands.first else { return XCTFail("\(writer.commands)") }
        XCTAssertEqual(fields[.title], "Fjord Scarf")
        XCTAssertEqual(price, "39,90")
        XCTAssertTrue(console.screen.statusLine.contains("as a draft"), console.screen.statusLine)
    }

    func testArchiveAsksFirstAndDefaultsToNo() {
        let writer = RecordingWriter()
        let console = console(writer)
        console.press(.character("a"))
        XCTAssertTrue(console.screen.text.contains("Archive"), console.screen.text)
        console.press(.enter)
        XCTAssertTrue(writer.commands.isEmpty, "Enter answers no")
        console.press(.character("a"), .character("y"))
        guard case .updateProduct(_, _, let changes) = writer.commands.first else { return XCTFail("\(writer.commands)") }
        XCTAssertEqual(changes, [.status: "archived"])
    }

    func testCapitalEInPricingOpensTheVariantFormAndSavesOnlyWhatChanged() {
        let writer = RecordingWriter()
        let console = console(writer)
        console.press(.character("2"), .character("E"))
        let text = console.screen.text
        for label in ["SKU", "Barcode", "Price", "Compare-at", "Cost", "Weight (g)"] {
            XCTAssertTrue(text.contains(label), "\(label) missing:\n\(text)")
        }
        console.press(.tab, times: 4)
        console.press(.control("u"))
        console.type("8.10")
        console.press(.control("s"))
        guard case .updateVariant(_, _, let changes) = writer.commands.first else { return XCTFail("\(writer.commands)") }
        XCTAssertEqual(changes, [.cost: "8.10"])
    }

    func testVInTheCatalogAddsAVariantWithItsOptionsAndPrice() {
        let writer = RecordingWriter()
        let console = console(writer)
        console.press(.character("v"))
        XCTAssertTrue(console.screen.text.contains("New variant of"), console.screen.text)
        console.type("XL / Blue")
        console.press(.tab, times: 3)
        console.type("24.00")
        console.press(.control("s"))
        guard case .createVariant(_, let options, let fields) = writer.commands.first else { return XCTFail("\(writer.commands)") }
        XCTAssertEqual(options, "XL / Blue")
        XCTAssertEqual(fields[.price], "24.00")
    }

    func testFormsAreForProductsVariantsAndPromotionsOnly() {
        let console = console(RecordingWriter())
        console.press(.character("4"), .character("E"))
        XCTAssertEqual(console.state.mode, .browse)
        XCTAssertTrue(console.screen.statusLine.contains("Catalog"), console.screen.statusLine)
    }
}
