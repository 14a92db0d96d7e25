/// The keys the benchmark presses, each with the kind of step it measures.
enum StepKind: String, CaseIterable {
    /// The selection moves within the visible rows.
    case move
    /// The selection moves past the edge: the rows scroll by one line.
    case scroll
    case page
    /// g and G: first and last row.
    case jump
    /// Other navigation (moves near the viewport's edge, counted in key → screen only).
    case navigate
    /// A key typed into the filter, leaving one character / two or more.
    case filterOne, filterMore
    /// Keys not measured: pane switches, opening the filter, Esc (which waits out the escape delay).
    case other
}

struct Step {
    let keys: String
    let kind: StepKind
    let label: String
}

enum Keys {
    static let down = "j", up = "k", first = "g", last = "G"
    static let pageDown = "\u{1b}[6~", pageUp = "\u{1b}[5~"
    static let slash = "/", backspace = "\u{7f}", escape = "\u{1b}", enter = "\r", redraw = "\u{0c}"
}

/// Rounds of navigation over one pane: short moves, a long walk that scrolls, pages, and the
/// jumps to either end. The viewport is at most 24 rows high, so the 25th and later steps down
/// from the top row each scroll by one line.
func navigationSteps(rounds: Int) -> [Step] {
    var steps: [Step] = []
    for round in 0..<rounds {
        // Right after switching panes the cursor is already on the first row: that first `g`
        // changes nothing on screen, so its "frame" would be whatever the console draws next (a
        // count arriving a quarter of a second later). It is pressed, not measured.
        steps.append(Step(keys: Keys.first, kind: round == 0 ? .other : .jump, label: "g"))
        for _ in 0..<10 { steps.append(Step(keys: Keys.down, kind: .move, label: "j")) }
        for _ in 0..<10 { steps.append(Step(keys: Keys.up, kind: .move, label: "k")) }
        for index in 1...40 { steps.append(Step(keys: Keys.down, kind: index > 24 ? .scroll : .navigate, label: "j")) }
        for _ in 0..<5 { steps.append(Step(keys: Keys.pageDown, kind: .page, label: "PgDn")) }
        for _ in 0..<5 { steps.append(Step(keys: Keys.pageUp, kind: .page, label: "PgUp")) }
        steps.append(Step(keys: Keys.last, kind: .jump, label: "G"))
        for _ in 0..<5 { steps.append(Step(keys: Keys.up, kind: .move, label: "k")) }
    }
    steps.append(Step(keys: Keys.first, kind: .jump, label: "g"))
    return steps
}

/// Typing each word into the filter a character at a time, then deleting it again.
func filterSteps(words: [String]) -> [Step] {
    var steps: [Step] = []
    for word in words {
        steps.append(Step(keys: Keys.slash, kind: .other, label: "/"))
        var typed = ""
        for character in word {
            typed.append(character)
            steps.append(Step(keys: String(character), kind: typed.count == 1 ? .filterOne : .filterMore, label: typed))
        }
        while !typed.isEmpty {
            typed.removeLast()
            steps.append(Step(keys: Keys.backspace, kind: typed.count == 1 ? .filterOne : (typed.isEmpty ? .other : .filterMore),
                              label: typed))
        }
        steps.append(Step(keys: Keys.escape, kind: .other, label: "Esc"))
    }
    return steps
}

/// What each pane is searched for: words of titles and vendors, SKU prefixes, and filter terms.
let filterWords: [(pane: String, key: String, words: [String])] = [
    ("catalog", "1", ["merino", "fjäll", "lantern", "vendor:høst", "stock:out"]),
    ("pricing", "2", ["G00123", "linen", "cost:missing", "floor:below"]),
    ("promotions", "3", ["sale", "GEN000"]),
    ("stock", "4", ["G00042", "storm", "stock:low", "stock:out", "location:QUA"]),
    ("complaints", "5", ["parcel", "status:new"]),
]
