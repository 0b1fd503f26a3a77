/// How much of a split one part asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less only when there is not room).
    case length(Int)
    /// At least this many cells; shares leftover space like `fill(1)`.
    case min(Int)
    /// This percentage of the whole (before spacing).
    case percentage(Int)
    /// A share of what is left after fixed parts, by weight.
    case fill(Int)
}

/// Splits a rectangle into rows or columns by constraints, the way panels of a
/// dashboard reflow with the terminal size.
public struct Layout: Sendable {
    public enum Direction: Sendable {
        case horizontal, vertical
    }

    public var direction: Direction
    public var constraints: [Constraint]
    /// Cells left empty between neighbouring parts.
    public var spacing: Int

    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.spacing = spacing
    }

    public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.vertical, constraints, spacing: spacing)
    }

    public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.horizontal, constraints, spacing: spacing)
    }

    /// The parts, in order, covering `area` along the direction. Fixed parts
    /// are served first; when even they do not fit, the later ones shrink first.
    public func split(_ area: Rect) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = direction == .horizontal ? area.width : area.height
        let gaps = spacing * (constraints.count - 1)
        let available = Swift.max(0, total - gaps)

        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .length(let n): return Swift.max(0, n)
            case .min(let n): return Swift.max(0, n)
            case .percentage(let p): return Swift.max(0, total * p / 100)
            case .fill: return 0
            }
        }
        // Shrink from the end when the fixed demands exceed the space.
        var overflow = sizes.reduce(0, +) - available
        var index = sizes.count - 1
        while overflow > 0 && index >= 0 {
            let cut = Swift.min(sizes[index], overflow)
            sizes[index] -= cut
            overflow -= cut
            index -= 1
        }
        // Share what is left among fill and min parts by weight.
        var leftover = available - sizes.reduce(0, +)
        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .fill(let weight): return Swift.max(0, weight)
            case .min: return 1
            default: return 0
            }
        }
        let totalWeight = weights.reduce(0, +)
        if leftover > 0 && totalWeight > 0 {
            var given = 0
            var runningWeight = 0
            for i in sizes.indices where weights[i] > 0 {
                runningWeight += weights[i]
                // Cumulative rounding so the shares add up exactly to the leftover.
                let upTo = leftover * runningWeight / totalWeight
                sizes[i] += upTo - given
                given = upTo
            }
            leftover = 0
        }

        var rects: [Rect] = []
        var offset = direction == .horizontal ? area.x : area.y
        for size in sizes {
            switch direction {
            case .horizontal:
                rects.append(Rect(x: offset, y: area.y, width: size, height: area.height))
            case .vertical:
                rects.append(Rect(x: area.x, y: offset, width: area.width, height: size))
            }
            offset += size + spacing
        }
        return rects
    }
}
