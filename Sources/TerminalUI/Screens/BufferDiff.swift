/// The cells that differ between two frames of the same size: all the
/// ncurses screen writes, so a cursor blink costs one cell, not a screenful.
enum BufferDiff {
    struct Change: Hashable {
        var x: Int
        var y: Int
        var cell: Cell
    }

    /// Every drawable cell of `new` when there is no usable previous frame.
    static func changes(from old: Buffer?, to new: Buffer) -> [Change] {
        let comparable = old.flatMap { $0.size == new.size ? $0 : nil }
        var changes: [Change] = []
        for y in 0..<new.height {
            for x in 0..<new.width {
                let cell = new[x, y]
                if cell.isContinuation { continue }
                if let comparable, comparable[x, y] == cell {
                    // A wide cell whose right half changed under it must be redrawn too.
                    if cell.width == 2, comparable[x + 1, y] != new[x + 1, y] {
                        changes.append(Change(x: x, y: y, cell: cell))
                    }
                    continue
                }
                changes.append(Change(x: x, y: y, cell: cell))
            }
        }
        return changes
    }
}
