import ShopKit
import ShopUI
import XCTest

/// Lets background work report back to the model without the runner owning the model.
final class ModelBox: @unchecked Sendable {
    weak var model: AppModel?
}

/// A console on a fake shop: keys in, the screen out as a person reads it. Counts arrive at once
/// because background work runs inline and its result is fed straight back into the model.
final class Console {
    let shop: FakeShop
    let model: AppModel
    let theme: Theme
    private let box: ModelBox

    /// `writer` is how the console changes the shop; without one it can only read.
    init(
        shop: FakeShop, width: Int = 80, height: Int = 24, theme: Theme = .monochrome, keyMap: KeyMap = .standard,
        writer: (any ShopWriting)? = nil, exchanger: (any ShopExchanging)? = nil, isReadOnly: Bool = false,
        userName: String = "ana"
    ) {
        let box = ModelBox()
        var state = AppState(
            width: width, height: height, overview: shop.shopOverview, databaseLabel: "harbour.db",
            isReadOnly: isReadOnly, now: fixedNow)
        state.userName = userName
        model = AppModel(state: state, store: shop, writer: writer, exchanger: exchanger, keyMap: keyMap, background: InlineRunner { action in
            box.model?.send(action)
        })
        box.model = model
        self.box = box
        self.shop = shop
        self.theme = theme
        model.setNow(fixedNow)
        model.start()
    }

    var state: AppState { model.state }

    func press(_ keys: Key...) { for key in keys { model.handle(key) } }

    func press(_ key: Key, times: Int) { for _ in 0..<times { model.handle(key) } }

    /// Types text one character at a time.
    func type(_ text: String) { for character in text { model.handle(.character(character)) } }

    func resize(width: Int, height: Int) { model.send(.resized(width: width, height: height)) }

    var screen: CellGrid { Screen.render(model.state, theme: theme, keyMap: model.keyMap) }
}

extension CellGrid {
    /// Rows as a person reads them, trailing blanks trimmed.
    var lines: [String] { text.components(separatedBy: "\n") }

    func line(_ y: Int) -> String { lines[y] }

    var tabBar: String { line(0) }
    var statusLine: String { line(height - 1) }

    /// The rows of a table: between the header (row 1) and the status line.
    var tableLines: [String] { Array(lines[2..<(height - 1)]) }

    /// The screen row marked as selected (the bar in the first column), if any.
    var selectedY: Int? { (0..<height).first { self[0, $0].text == "▌" } }

    var selectedLine: String? { selectedY.map(line) }

    /// Words of the whole screen joined by single spaces (for text that wraps).
    var flowingText: String {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The cell column where `needle` starts in row `y`, counting wide glyphs as two columns.
    func column(of needle: String, inRow y: Int) -> Int? {
        var starts: [Int] = []
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation {
            for _ in self[x, y].text { starts.append(x) }
            text += self[x, y].text
        }
        guard let range = text.range(of: needle) else { return nil }
        return starts[text.distance(from: text.startIndex, to: range.lowerBound)]
    }
}

/// Fails when any cell holds a scalar that a terminal would act on instead of showing.
func assertNoRawControls(_ grid: CellGrid, file: StaticString = #filePath, line: UInt = #line) {
    for y in 0..<grid.height {
        for x in 0..<grid.width {
            for scalar in grid[x, y].text.unicodeScalars {
                let value = scalar.value
                let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
                let isBidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                    || value == 0x200E || value == 0x200F || value == 0x061C
                XCTAssertFalse(isControl || isBidi, "raw U+\(String(value, radix: 16)) at \(x),\(y)", file: file, line: line)
            }
        }
    }
}
