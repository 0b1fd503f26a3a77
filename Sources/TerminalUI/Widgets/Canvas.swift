/// A drawing bigger than the screen — boxes, orthogonal lines, labels — in
/// canvas coordinates. Lines that meet or cross, and lines that touch a box,
/// merge into proper junctions (├ ┬ ┼) because each cell records which
/// directions it connects, not a glyph.
public struct Canvas: Hashable, Sendable {
    private struct LineCell: Hashable, Sendable {
        var directions: LineDirections
        var role: ThemeRole
    }

    private struct Label: Hashable, Sendable {
        var origin: Point
        var text: String
        var role: ThemeRole
        var attributes: TextAttributes
    }

    private var lineCells: [Point: LineCell] = [:]
    private struct Fill: Hashable, Sendable {
        var rect: Rect
        var role: ThemeRole
    }

    private var fills: [Fill] = []
    private var labels: [Label] = []
    /// The smallest size that holds everything drawn so far.
    public private(set) var extent = Size(width: 0, height: 0)

    public init() {}

    /// A box with a border in `role`, its inside filled with `fill`, and a centred title.
    public mutating func box(
        _ rect: Rect, title: String = "", role: ThemeRole = .border, fill: ThemeRole? = .panel
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        if let fill { fills.append(Fill(rect: rect.inset(by: 1), role: fill)) }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        connect(Point(x: rect.x, y: rect.y), [.right, .down], role)
        connect(Point(x: right, y: rect.y), [.left, .down], role)
        connect(Point(x: rect.x, y: bottom), [.right, .up], role)
        connect(Point(x: right, y: bottom), [.left, .up], role)
        for x in (rect.x + 1)..<right {
            connect(Point(x: x, y: rect.y), [.left, .right], role)
            connect(Point(x: x, y: bottom), [.left, .right], role)
        }
        for y in (rect.y + 1)..<bottom {
            connect(Point(x: rect.x, y: y), [.up, .down], role)
            connect(Point(x: right, y: y), [.up, .down], role)
        }
        if !title.isEmpty {
            let room = rect.width - 2
            let text = TextMeasure.truncate(title, toWidth: room)
            let x = rect.x + 1 + (room - DisplayWidth.of(text)) / 2
            label(text, at: Point(x: x, y: rect.y + (rect.height - 1) / 2), role: role)
        }
    }

    /// Which way an L-shaped connection turns.
    public enum Bend: Sendable {
        /// Horizontal, vertical at the midpoint, horizontal again: the usual
        /// connector between boxes laid out left to right.
        case midway
        /// Go horizontally first, then vertically.
        case horizontalFirst
        /// Go vertically first, then horizontally.
        case verticalFirst
    }

    /// An orthogonal line from `start` to `end`, with one bend if they differ in both axes.
    public mutating func line(
        from start: Point, to end: Point, bend: Bend = .midway, role: ThemeRole = .border
    ) {
        switch bend {
        case .midway:
            let middle = (start.x + end.x) / 2
            path([start, Point(x: middle, y: start.y), Point(x: middle, y: end.y), end], role: role)
        case .horizontalFirst:
            path([start, Point(x: end.x, y: start.y), end], role: role)
        case .verticalFirst:
            path([start, Point(x: start.x, y: end.y), end], role: role)
        }
    }

    /// A polyline through `points`; consecutive points must share a row or a column.
    public mutating func path(_ points: [Point], role: ThemeRole = .border) {
        for (from, to) in zip(points, points.dropFirst()) where from != to {
            if from.y == to.y {
                let step = to.x > from.x ? 1 : -1
                var x = from.x
                while x != to.x {
                    connect(Point(x: x, y: from.y), step > 0 ? .right : .left, role)
                    connect(Point(x: x + step, y: from.y), step > 0 ? .left : .right, role)
                    x += step
                }
            } else if from.x == to.x {
                let step = to.y > from.y ? 1 : -1
                var y = from.y
                while y != to.y {
                    connect(Point(x: from.x, y: y), step > 0 ? .down : .up, role)
                    connect(Point(x: from.x, y: y + step), step > 0 ? .up : .down, role)
                    y += step
                }
            }
        }
    }

    /// Text drawn over lines and fills.
    public mutating func label(
        _ text: String, at origin: Point, role: ThemeRole = .text, attributes: TextAttributes = []
    ) {
        labels.append(Label(origin: origin, text: text, role: role, attributes: attributes))
        grow(to: Point(x: origin.x + DisplayWidth.of(text) - 1, y: origin.y))
    }

    private mutating func connect(_ point: Point, _ directions: LineDirections, _ role: ThemeRole) {
        guard point.x >= 0, point.y >= 0 else { return }
        if var cell = lineCells[point] {
            cell.directions.formUnion(directions)
            lineCells[point] = cell
        } else {
            lineCells[point] = LineCell(directions: directions, role: role)
        }
        grow(to: point)
    }

    private mutating func grow(to point: Point) {
        extent = Size(width: max(extent.width, point.x + 1), height: max(extent.height, point.y + 1))
    }

    /// Draws the part of the canvas whose top-left is `offset` into `area`.
    func draw(in area: Rect, offset: Point, frame: inout Frame) {
        let origin = Point(x: area.x - offset.x, y: area.y - offset.y)
        for fill in fills {
            let shifted = Rect(
                x: fill.rect.x + origin.x, y: fill.rect.y + origin.y, width: fill.rect.width,
                height: fill.rect.height)
            frame.buffer.applyStyle(frame.theme[fill.role], to: shifted.intersection(area))
        }
        for (point, cell) in lineCells {
            let target = Point(x: point.x + origin.x, y: point.y + origin.y)
            guard area.contains(target) else { continue }
            frame.buffer.write(
                frame.glyphs.line(cell.directions), x: target.x, y: target.y, style: frame.theme[cell.role],
                clip: area)
        }
        for label in labels {
            let style = frame.theme[label.role].adding(label.attributes)
            frame.buffer.write(
                label.text, x: label.origin.x + origin.x, y: label.origin.y + origin.y, style: style,
                clip: area)
        }
    }
}

/// Where the viewport onto a canvas is; kept in the model.
public struct CanvasViewport: Hashable, Sendable {
    public var offset: Point

    public init(offset: Point = Point(x: 0, y: 0)) {
        self.offset = offset
    }

    /// Scrolls, clamped so the view never leaves the canvas's extent.
    public mutating func scroll(dx: Int, dy: Int, extent: Size, viewport: Size) {
        offset.x = min(max(0, offset.x + dx), max(0, extent.width - viewport.width))
        offset.y = min(max(0, offset.y + dy), max(0, extent.height - viewport.height))
    }

    /// Scrolls just enough for `rect` (in canvas coordinates) to be in view.
    public mutating func reveal(_ rect: Rect, viewport: Size) {
        if rect.x < offset.x { offset.x = rect.x }
        if rect.maxX > offset.x + viewport.width { offset.x = rect.maxX - viewport.width }
        if rect.y < offset.y { offset.y = rect.y }
        if rect.maxY > offset.y + viewport.height { offset.y = rect.maxY - viewport.height }
        offset = Point(x: max(0, offset.x), y: max(0, offset.y))
    }
}

/// Shows a canvas through a viewport, with markers where it continues.
public struct CanvasView: Widget {
    public var canvas: Canvas
    public var viewport: CanvasViewport

    public init(_ canvas: Canvas, viewport: CanvasViewport = CanvasViewport()) {
        self.canvas = canvas
        self.viewport = viewport
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        canvas.draw(in: area, offset: viewport.offset, frame: &frame)
        let style = frame.theme[.muted]
        if viewport.offset.x > 0 {
            frame.buffer.write(frame.glyphs.arrowLeft, x: area.x, y: area.y + area.height / 2, style: style)
        }
        if viewport.offset.x + area.width < canvas.extent.width {
            frame.buffer.write(
                frame.glyphs.arrowRight, x: area.maxX - 1, y: area.y + area.height / 2, style: style)
        }
        ScrollMarkers(
            above: viewport.offset.y > 0, below: viewport.offset.y + area.height < canvas.extent.height
        ).render(in: area, frame: &frame)
    }
}
