import ShopKit
@testable import ShopUI
import XCTest

/// Long text without $VISUAL/$EDITOR: the built-in editor.
final class TextAreaTests: XCTestCase {
    func testEnterSplitsALineAndBackspaceAtTheStartJoinsItAgain() {
        var area = TextArea("ab")
        XCTAssertEqual(area.column, 0, "the cursor starts at the beginning, as in an editor")
        _ = area.apply(.end)
        _ = area.apply(.left)
        _ = area.apply(.enter)
        XCTAssertEqual(area.text, "a\nb")
        XCTAssertEqual(area.row, 1)
        _ = area.apply(.backspace)
        XCTAssertEqual(area.text, "ab")
        XCTAssertEqual(area.column, 1)
    }

    func testUpAndDownKeepTheColumnWithinShorterLinesAndDeleteJoinsTheNextLine() {
        var area = TextArea("long line\nab\nlast")
        _ = area.apply(.end)
        _ = area.apply(.down)
        XCTAssertEqual(area.column, 2, "the cursor stays inside the shorter line")
        _ = area.apply(.delete)
        XCTAssertEqual(area.text, "long line\nablast")
        XCTAssertFalse(area.apply(.control("x")), "not an editing key")
    }

    func testWithoutAnEditorTheDescriptionOpensInTheBuiltInEditorAndCtrlSKeepsTheText() {
        let writer = ProductFormTests.RecordingWriter()
        let console = Console(shop: Fixtures.demoShop(), writer: writer)
        console.press(.character("E"))
        console.press(.backTab)
        console.press(.enter)
        guard case .textArea = console.state.mode else { return XCTFail("\(console.state.mode)") }
        XCTAssertTrue(console.screen.text.contains("Description — line 1 of 2"), console.screen.text)
        XCTAssertTrue(console.screen.statusLine.contains("Ctrl-S keeps the text"), console.screen.statusLine)
        console.press(.end, .enter)
        console.type("Washable.")
        console.press(.control("s"))
        guard case .form(let form) = console.state.mode else { return XCTFail("back in the form") }
        XCTAssertTrue(form.fields[form.focus].editor.text.contains("\nWashable.\n"), form.fields[form.focus].editor.text)
        console.press(.control("s"))
        guard case .editProduct(_, _, let changes, _, _) = writer.commands.first else { return XCTFail("\(writer.commands)") }
        XCTAssertEqual(changes.keys.map(\.rawValue), ["body_html"])
    }

    func testEscapeLeavesTheTextAsItWasAndQAndQuestionMarkAreTyped() {
        let console = Console(shop: Fixtures.demoShop(), writer: ProductFormTests.RecordingWriter())
        console.press(.character("E"))
        console.press(.backTab)
        console.press(.enter)
        console.type("q?")
        XCTAssertFalse(console.state.shouldQuit)
        console.press(.escape)
        guard case .form(let form) = console.state.mode else { return XCTFail("back in the form") }
        XCTAssertFalse(form.isDirty, "nothing changed")
    }

    func testWithAnEditorTheDescriptionIsHandedToIt() {
        let console = Console(shop: Fixtures.demoShop(), writer: ProductFormTests.RecordingWriter())
        console.model.state.hasExternalEditor = true
        console.press(.character("E"))
        console.press(.backTab)
        console.press(.enter)
        guard case .editText(let text)? = console.model.takeEffects().first else { return XCTFail("no editor was asked for") }
        XCTAssertTrue(text.hasPrefix("Made by ") && text.hasSuffix("\nHand finished."), text)
        console.model.send(.externalTextEdited("New text\n"))
        guard case .form(let form) = console.state.mode else { return XCTFail("still in the form") }
        XCTAssertEqual(form.fields[form.focus].editor.text, "New text", "the editor's final newline is dropped")
    }
}
