/// Keeps clicks whole. A press and its release that arrive in one read reach ncurses as a lone
/// release (the press is folded into it), or as one report with both bits set; either way the
/// press, which is what screens act on, would be lost. The tracker remembers which buttons are
/// down and gives a release with no press before it the press it missed.
struct MouseButtonTracker: Sendable {
    private var down: Set<Int> = []

    /// The events one decoded report stands for, in order.
    mutating func events(for kinds: [MouseEvent.Kind]) -> [MouseEvent.Kind] {
        var events: [MouseEvent.Kind] = []
        for kind in kinds {
            switch kind {
            case .press(let button):
                down.insert(button)
                events.append(kind)
            case .release(let button):
                if down.remove(button) == nil { events.append(.press(button: button)) }
                events.append(kind)
            default:
                events.append(kind)
            }
        }
        return events
    }
}
