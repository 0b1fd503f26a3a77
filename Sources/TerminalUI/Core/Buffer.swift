/// A width × height grid of cells: what a view renders and a screen draws.
/// Writes outside the buffer (or outside a given clip rectangle) are dropped,
/// so widgets never need to bounds-check.
public struct Buffer: Hashable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, filling cell: Cell = .blank) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: cell, count: self.size.width * self.size.height)
    }

    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var area: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Sets one cell, keeping wide characters whole: overwriting either half of
    /// a wide character blanks its other half.
    public mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let old = self[x, y]
        if old.isContinuation, x > 0, self[x - 1, y].width == 2 {
            self[x - 1, y] = Cell(" ", width: 1, style: self[x - 1, y].style)
        }
        if old.width == 2, x + 1 < width {
            self[x + 1, y] = Cell(" ", width: 1, style: self[x + 1, y].style)
        }
        self[x, y] = cell
        if cell.width == 2, x + 1 < width {
            let next = self[x + 1, y]
            if next.width == 2, x + 2 < width {
                self[x + 2, y] = Cell(" ", width: 1, style: self[x + 2, y].style)
            }
            self[x + 1, y] = .continuation(style: cell.style)
        }
    }

    /// Patches `style` onto every cell of `rect` (colours set in `style` win).
    public mutating func applyStyle(_ style: Style, to rect: Rect) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                cells[y * width + x].style = cells[y * width + x].style.patched(with: style)
            }
        }
    }

    /// Fills `rect` with spaces in `style` (replacing what was there).
    public mutating func fill(_ rect: Rect, with style: Style = .plain, character: String = " ") {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                set(Cell(character, width: 1, style: style), x: x, y: y)
            }
        }
    }

    /// Writes text on one row from (x, y), patching `style` onto the cells'
    /// existing style, stopping at the edge of `clip` (default: the whole buffer).
    /// A wide character that would straddle the edge becomes a space.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil
    ) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.y, y < bounds.maxY else { return 0 }
        var column = x
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 {
                // A lone combining mark or control: attach nothing we cannot measure.
                continue
            }
            if column + characterWidth > bounds.maxX {
                if column < bounds.maxX, column >= bounds.x {
                    set(
                        Cell(" ", width: 1, style: self[column, y].style.patched(with: style)), x: column,
                        y: y)
                    column += 1
                }
                break
            }
            if column >= bounds.x {
                let base = self[column, y].style
                set(
                    Cell(String(character), width: characterWidth, style: base.patched(with: style)),
                    x: column, y: y)
            }
            column += characterWidth
        }
        return max(0, column - x)
    }

    /// Copies `other` into this buffer with its top-left at `origin`.
    public mutating func blit(_ other: Buffer, at origin: Point) {
        for y in 0..<other.height {
            for x in 0..<other.width {
                let cell = other[x, y]
                if cell.isContinuation { continue }
                set(cell, x: origin.x + x, y: origin.y + y)
            }
        }
    }

    /// The characters of one row, continuation cells skipped.
    public func text(ofRow y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var line = ""
        for x in 0..<width {
            line += self[x, y].grapheme
        }
        return line
    }

    /// All rows joined with newlines, for assertions and debugging.
    public var plainText: String {
        (0..<height).map { text(ofRow: $0) }.joined(separator: "\n")
    }
}
