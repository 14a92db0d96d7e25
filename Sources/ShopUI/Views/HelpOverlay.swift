/// The key reference, generated from the same key map that dispatches the keys. On a wide
/// terminal it uses two columns, so a tall one shows every binding at once.
enum HelpOverlay {
    typealias Entry = (keys: String, help: String, isHeading: Bool)

    static func lines(_ keyMap: KeyMap) -> [Entry] {
        var result: [Entry] = []
        for context in KeyContext.allCases {
            let bindings = keyMap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            result.append((context.rawValue, "", true))
            for binding in bindings {
                result.append((binding.keys.map(\.label).joined(separator: " "), binding.help, false))
            }
        }
        return result
    }

    static let columnWidth = 58

    static func draw(into grid: inout CellGrid, area: Rect, keyMap: KeyMap, scroll: Int, theme: Theme) {
        let entries = lines(keyMap)
        let columns = area.width >= 2 * columnWidth + 4 ? 2 : 1
        let width = min(area.width - 2, columns * columnWidth + (columns - 1) * 2)
        let perColumn = (entries.count + columns - 1) / columns
        let height = min(area.height, perColumn + 2)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y, width: width, height: height)
        grid.fill(box, style: theme.style(.help))
        let title = SafeText(" Keys — Esc or ? closes" + (perColumn > height - 1 ? " · j/k scroll " : " "))
        grid.fill(Rect(x: box.x, y: box.y, width: box.width, height: 1), style: theme.style(.tabActive))
        grid.put(title, x: box.x + 1, y: box.y, maxWidth: box.width - 2, style: theme.style(.tabActive))
        let visible = box.height - 1
        let start = min(scroll, max(0, perColumn - visible))
        let innerWidth = columns == 2 ? columnWidth : box.width
        for column in 0..<columns {
            let columnEntries = Array(entries.dropFirst(column * perColumn).prefix(perColumn))
            let x = box.x + column * (columnWidth + 2)
            for (offset, entry) in columnEntries.dropFirst(start).prefix(visible).enumerated() {
                let y = box.y + 1 + offset
                if entry.isHeading {
                    grid.put(SafeText(entry.keys), x: x + 1, y: y, maxWidth: innerWidth - 2, style: theme.style(.header))
                } else {
                    let keyWidth = 16
                    grid.put(SafeText(entry.keys), x: x + 2, y: y, maxWidth: keyWidth, style: theme.style(.brand))
                    grid.put(SafeText(entry.help), x: x + 3 + keyWidth, y: y, maxWidth: innerWidth - keyWidth - 4,
                             style: theme.style(.help))
                }
            }
        }
    }
}
