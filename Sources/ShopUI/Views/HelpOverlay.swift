/// The key reference, generated from the same key map that dispatches the keys.
enum HelpOverlay {
    static func lines(_ keyMap: KeyMap) -> [(keys: String, help: String, isHeading: Bool)] {
        var result: [(String, String, Bool)] = []
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

    static func draw(into grid: inout CellGrid, area: Rect, keyMap: KeyMap, scroll: Int, theme: Theme) {
        let entries = lines(keyMap)
        let width = min(area.width - 2, 60)
        let height = min(area.height, entries.count + 2)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y, width: width, height: height)
        grid.fill(box, style: theme.style(.help))
        let title = SafeText(" Keys — Esc or ? closes ")
        grid.fill(Rect(x: box.x, y: box.y, width: box.width, height: 1), style: theme.style(.tabActive))
        grid.put(title, x: box.x + 1, y: box.y, maxWidth: box.width - 2, style: theme.style(.tabActive))
        let visible = box.height - 1
        let start = min(scroll, max(0, entries.count - visible))
        for (offset, entry) in entries.dropFirst(start).prefix(visible).enumerated() {
            let y = box.y + 1 + offset
            if entry.isHeading {
                grid.put(SafeText(entry.keys), x: box.x + 1, y: y, maxWidth: box.width - 2, style: theme.style(.header))
            } else {
                let keyWidth = 16
                grid.put(SafeText(entry.keys), x: box.x + 2, y: y, maxWidth: keyWidth, style: theme.style(.brand))
                grid.put(SafeText(entry.help), x: box.x + 3 + keyWidth, y: y, maxWidth: box.width - keyWidth - 4, style: theme.style(.help))
            }
        }
    }
}
