/// Selection and scroll of a list, kept in the model between frames.
public struct ListState: Hashable, Sendable {
    public var selected: Int?
    /// First visible row; views adjust it so the selection stays in sight.
    public var offset: Int

    public init(selected: Int? = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows, clamped to `count` items.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else {
            selected = nil
            return
        }
        selected = min(max(0, (selected ?? 0) + delta), count - 1)
    }

    /// Standard list keys: up/k, down/j, pgup/pgdn, home/g, end/G. Returns
    /// whether the key was used.
    public mutating func handle(_ key: Key, count: Int, pageSize: Int) -> Bool {
        guard key.modifiers.isEmpty else { return false }
        switch key.code {
        case .up, .character("k"): move(by: -1, count: count)
        case .down, .character("j"): move(by: 1, count: count)
        case .pageUp: move(by: -max(1, pageSize), count: count)
        case .pageDown: move(by: max(1, pageSize), count: count)
        case .home, .character("g"): move(by: -count, count: count)
        case .end, .character("G"): move(by: count, count: count)
        default: return false
        }
        return true
    }

    /// The first visible row that keeps the selection on screen.
    public func visibleOffset(height: Int, count: Int) -> Int {
        guard height > 0 else { return 0 }
        var top = min(max(0, offset), max(0, count - height))
        if let selected {
            if selected < top { top = selected }
            if selected >= top + height { top = selected - height + 1 }
        }
        return top
    }

    /// Keeps `offset` in step with the selection for a viewport of `height` rows.
    public mutating func scrollToSelection(height: Int, count: Int) {
        offset = visibleOffset(height: height, count: count)
    }
}

/// One row of a list: text, optional right-aligned detail, optional role.
public struct ListItem: Hashable, Sendable {
    public var text: String
    public var detail: String
    public var role: ThemeRole?

    public init(_ text: String, detail: String = "", role: ThemeRole? = nil) {
        self.text = text
        self.detail = detail
        self.role = role
    }
}

/// A scrolling list with a highlighted selection and scroll markers.
public struct ListView: Widget {
    public var items: [ListItem]
    public var state: ListState
    public var focused: Bool

    public init(_ items: [ListItem], state: ListState, focused: Bool = true) {
        self.items = items
        self.state = state
        self.focused = focused
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let top = state.visibleOffset(height: area.height, count: items.count)
        let markers = area
        // Keep the last column for scroll markers when the list does not fit.
        let area = items.count > area.height ? area.inset(right: 1) : area
        let pointer = frame.glyphs.pointer
        let pointerWidth = DisplayWidth.of(pointer) + 1
        for row in 0..<area.height {
            let index = top + row
            guard index < items.count else { break }
            let item = items[index]
            let y = area.y + row
            let isSelected = index == state.selected
            let rowRect = area.row(row)
            var style = item.role.map { frame.theme[$0] } ?? frame.theme[.text]
            if isSelected {
                style = focused ? frame.theme[.selection] : style.adding(.bold)
                frame.buffer.fill(rowRect, with: frame.buffer[area.x, y].style.patched(with: style))
            }
            let marker = isSelected ? pointer : String(repeating: " ", count: DisplayWidth.of(pointer))
            frame.buffer.write(marker + " ", x: area.x, y: y, style: style, clip: rowRect)
            let detailWidth = item.detail.isEmpty ? 0 : min(DisplayWidth.of(item.detail), area.width / 3)
            let textWidth = area.width - pointerWidth - (detailWidth > 0 ? detailWidth + 1 : 0)
            frame.write(
                item.text, at: Point(x: area.x + pointerWidth, y: y), style: style,
                clip: Rect(x: area.x + pointerWidth, y: y, width: textWidth, height: 1))
            if detailWidth > 0 {
                let detail = TextMeasure.fit(
                    item.detail, width: detailWidth, alignment: .trailing, ellipsis: frame.glyphs.ellipsis)
                let detailStyle = isSelected ? style : frame.theme[.muted]
                frame.buffer.write(
                    detail, x: area.maxX - detailWidth, y: y, style: detailStyle, clip: rowRect)
            }
        }
        ScrollMarkers(above: top > 0, below: top + area.height < items.count).render(
            in: markers, frame: &frame)
    }
}

/// Arrows at the right edge telling that a list continues above or below.
public struct ScrollMarkers: Widget {
    public var above: Bool
    public var below: Bool

    public init(above: Bool, below: Bool) {
        self.above = above
        self.below = below
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let style = frame.theme[.muted]
        if above {
            frame.buffer.write(frame.glyphs.arrowUp, x: area.maxX - 1, y: area.y, style: style)
        }
        if below {
            frame.buffer.write(frame.glyphs.arrowDown, x: area.maxX - 1, y: area.maxY - 1, style: style)
        }
    }
}
