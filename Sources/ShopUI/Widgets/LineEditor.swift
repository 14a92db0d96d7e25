/// A one-line text editor: the field under the cursor in an inline edit, a prompt, a filter.
/// Keys as in a shell: ←/→, Home/End (Ctrl-A/Ctrl-E), Backspace, Del, Ctrl-U clears, Ctrl-W
/// deletes a word.
public struct LineEditor: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// Insertion point, 0…characters.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .control("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .control("w"):
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// The text with a visible cursor, clipped to `width` so the cursor stays in view.
    public func display(width: Int) -> (text: SafeText, cursorColumn: Int) {
        let safe = SafeText(text)
        var glyphs = safe.glyphs
        var cursorColumn = glyphs.prefix(cursor).reduce(0) { $0 + $1.width }
        // Scroll left so the cursor fits.
        while cursorColumn >= width && !glyphs.isEmpty {
            cursorColumn -= glyphs[0].width
            glyphs.removeFirst()
        }
        return (SafeText(glyphs: glyphs).clipped(to: width), cursorColumn)
    }
}
