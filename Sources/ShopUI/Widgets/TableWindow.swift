import ShopKit

/// A scrollable table over a list that may hold a million rows. It keeps only a window of rows
/// around what is visible, fetched by keyset ("rows after this key"), and tracks absolute
/// positions so the status line can say "row n of N".
public struct TableWindow: Sendable, Equatable {
    public typealias Fetch = (PageRequest) throws -> [TableRow]

    /// The rows held, starting at absolute index `windowStart`.
    public private(set) var rows: [TableRow] = []
    public private(set) var windowStart = 0
    /// Absolute index of the selected row.
    public private(set) var selected = 0
    /// Absolute index of the first visible row.
    public private(set) var top = 0
    /// True when `rows` reaches the last row of the list.
    public private(set) var atEnd = false
    /// The number of rows under the current filter, once known.
    public var total: Int?
    public private(set) var filter = ""
    /// The sort order by name ("" = the list's default); keys from one order mean nothing in another.
    public private(set) var order = ""
    public private(set) var isLoaded = false

    public init() {}

    public var selectedRow: TableRow? {
        let index = selected - windowStart
        return rows.indices.contains(index) ? rows[index] : nil
    }

    /// Visible rows with their absolute index, for a viewport of `height` rows.
    public func visibleRows(height: Int) -> [(index: Int, row: TableRow)] {
        guard height > 0 else { return [] }
        return (top..<(top + height)).compactMap { index in
            let offset = index - windowStart
            return rows.indices.contains(offset) ? (index, rows[offset]) : nil
        }
    }

    /// Starts over at the first row, under a (possibly new) filter.
    public mutating func reload(filter: String, order newOrder: String? = nil, height: Int, fetch: Fetch) throws {
        if filter != self.filter { total = nil }
        self.filter = filter
        if let newOrder { order = newOrder }
        let limit = pageSize(height)
        let fetched = try fetch(PageRequest(.after(nil), filter: filter, limit: limit, order: order))
        rows = fetched
        windowStart = 0
        selected = 0
        top = 0
        atEnd = fetched.count < limit
        if atEnd { total = fetched.count }
        isLoaded = true
    }

    /// Moves the selection to an absolute row, fetching what is needed; `scrollBy` also moves the
    /// viewport (for page keys), so the selection keeps its place on screen.
    public mutating func select(_ target: Int, height: Int, scrollBy: Int = 0, fetch: Fetch) throws {
        let height = max(1, height)
        var target = max(0, target)
        if target == 0 && windowStart > 0 {
            // The first row is read from the start of the list, not by walking back to it.
            let limit = pageSize(height)
            let fetched = try fetch(PageRequest(.after(nil), filter: filter, limit: limit, order: order))
            rows = fetched
            windowStart = 0
            atEnd = fetched.count < limit
            if atEnd { total = fetched.count }
        }
        // Fetch forward until the target (and a page beyond it) is held, or the list ends.
        while !atEnd && target + height > windowStart + rows.count {
            guard let last = rows.last else { break }
            let limit = max(pageSize(height), target + height - (windowStart + rows.count))
            let fetched = try fetch(PageRequest(.after(last.key), filter: filter, limit: limit, order: order))
            rows += fetched
            if fetched.count < limit {
                atEnd = true
                total = windowStart + rows.count
            }
        }
        if rows.isEmpty { selected = 0; top = 0; return }
        if atEnd { target = min(target, windowStart + rows.count - 1) }
        target = min(target, windowStart + rows.count - 1)
        // Fetch backward when the target lies before the window.
        while target < windowStart, let first = rows.first {
            let limit = max(pageSize(height), windowStart - target)
            let fetched = try fetch(PageRequest(.before(first.key), filter: filter, limit: limit, order: order))
            rows = fetched + rows
            windowStart -= fetched.count
            if fetched.count < limit || windowStart < 0 {
                // The list start moved (rows were deleted meanwhile): renumber from zero.
                let shift = windowStart
                windowStart = 0
                target = max(0, target - shift)
                selected -= shift
                top -= shift
                break
            }
        }
        selected = target
        var newTop = top + scrollBy
        if selected < newTop { newTop = selected }
        if selected >= newTop + height { newTop = selected - height + 1 }
        if atEnd { newTop = min(newTop, max(0, windowStart + rows.count - height)) }
        top = max(0, min(newTop, selected))
        if top < windowStart, let first = rows.first {
            // Page up can show rows above the window: fetch them too.
            let limit = windowStart - top
            let fetched = try fetch(PageRequest(.before(first.key), filter: filter, limit: limit, order: order))
            rows = fetched + rows
            windowStart -= fetched.count
            if fetched.count < limit {
                let shift = windowStart
                windowStart = 0
                selected -= shift
                top = max(0, top - shift)
            }
        }
        trim(height: height)
    }

    public mutating func move(by delta: Int, height: Int, fetch: Fetch) throws {
        try select(selected + delta, height: height, fetch: fetch)
    }

    public mutating func page(by pages: Int, height: Int, fetch: Fetch) throws {
        let delta = pages * max(1, height)
        try select(selected + delta, height: height, scrollBy: delta, fetch: fetch)
    }

    /// Jumps to the last row: reads the last page directly (no walking), then places it by count.
    public mutating func selectLast(height: Int, fetch: Fetch, count: () throws -> Int) throws {
        let limit = pageSize(height)
        let fetched = try fetch(PageRequest(.before(nil), filter: filter, limit: limit, order: order))
        guard !fetched.isEmpty else { rows = []; windowStart = 0; selected = 0; top = 0; atEnd = true; total = 0; return }
        let known = try total ?? count()
        total = max(known, fetched.count)
        rows = fetched
        windowStart = total! - fetched.count
        atEnd = true
        selected = total! - 1
        top = max(windowStart, selected - height + 1)
    }

    /// Re-reads the visible part after the data changed elsewhere, keeping the place on screen.
    public mutating func refresh(height: Int, fetch: Fetch) throws {
        guard isLoaded else { return try reload(filter: filter, height: height, fetch: fetch) }
        let selectedID = selectedRow?.id
        var anchor: SortKey?
        if top > windowStart, rows.indices.contains(top - 1 - windowStart) {
            anchor = rows[top - 1 - windowStart].key
        } else if top > 0, let first = rows.first {
            anchor = try fetch(PageRequest(.before(first.key), filter: filter, limit: 1, order: order)).first?.key
        }
        let limit = pageSize(height)
        let fetched = try fetch(PageRequest(.after(anchor), filter: filter, limit: limit, order: order))
        rows = fetched
        windowStart = anchor == nil ? 0 : top
        if anchor == nil { top = 0 }
        atEnd = fetched.count < limit
        if let selectedID, let index = fetched.firstIndex(where: { $0.id == selectedID }) {
            selected = windowStart + index
        } else {
            selected = min(selected, max(windowStart, windowStart + fetched.count - 1))
        }
        if fetched.isEmpty && windowStart > 0 {
            try reload(filter: filter, height: height, fetch: fetch)
        }
    }

    /// Marks the rows as out of date (another process changed the data): the next time the
    /// pane is shown it reloads, under the same filter.
    public mutating func invalidate() {
        isLoaded = false
        total = nil
    }

    /// Keeps at most a few pages around the viewport, so memory stays flat however far one scrolls.
    private mutating func trim(height: Int) {
        let keepBefore = 2 * height
        let keepAfter = 3 * height
        let dropFront = (top - keepBefore) - windowStart
        if dropFront > 0 {
            rows.removeFirst(min(dropFront, rows.count))
            windowStart += dropFront
        }
        let maxCount = top + height + keepAfter - windowStart
        if rows.count > maxCount && maxCount > 0 {
            rows.removeLast(rows.count - maxCount)
            atEnd = false
        }
    }

    private func pageSize(_ height: Int) -> Int { max(16, 2 * height) }
}
