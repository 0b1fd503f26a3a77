import TerminalUI

/// Draws the studio: a title row with the trail of screens, the current screen, the status
/// bar with its keys, then the toast and any overlay on top.
enum StudioView {
    static func contentArea(_ size: Size) -> Rect {
        Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
    }

    static func render(_ model: StudioModel, into frame: inout Frame) {
        let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(frame.area)
        renderTitle(model, in: rows[0], frame: &frame)
        model.current.view(in: rows[1], frame: &frame, model.environment)
        // While a screen takes every key (a prompt, a form), the shared keys do not apply.
        let hints =
            model.current.capturesKeys
            ? model.current.statusHints : model.current.statusHints + SharedKeys.map.statusHints
        frame.render(
            StatusBar(
                leading: model.current.statusMode, hints: hints, trailing: modeLabel(model.environment.mode)),
            in: rows[2])
        if let toast = model.toast { frame.render(toast, in: rows[1]) }
        switch model.overlay {
        case .help(let scroll):
            let sections = model.current.helpSections + SharedKeys.map.helpSections
            frame.render(
                HelpOverlay(title: "\(model.current.title) keys", sections: sections, scroll: scroll),
                in: frame.area)
        case .palette(let state):
            frame.render(CommandPalette(state, commands: StudioUpdate.paletteCommands(model)), in: frame.area)
        case .confirmLeave(let confirm, _):
            frame.render(confirm.dialog, in: frame.area)
        case .none:
            break
        }
    }

    private static func modeLabel(_ mode: StudioEnvironment.Mode) -> String {
        switch mode {
        case .full: return ""
        case .readOnly: return "read-only"
        case .demo: return "demo"
        }
    }

    /// The trail's parts and where each starts: "Cairn › Journeys › welcome-series".
    static func trail(_ model: StudioModel) -> [(depth: Int, label: String, x: Int)] {
        var parts: [(Int, String, Int)] = []
        var x = 1
        let separator = " › "
        for (depth, screen) in model.stack.enumerated() {
            if depth > 0 { x += DisplayWidth.of(separator) }
            parts.append((depth, screen.title, x))
            x += DisplayWidth.of(screen.title)
        }
        return parts
    }

    static func trailDepth(atColumn column: Int, _ model: StudioModel) -> Int? {
        trail(model).first { column >= $0.x && column < $0.x + DisplayWidth.of($0.label) }?.depth
    }

    private static func renderTitle(_ model: StudioModel, in area: Rect, frame: inout Frame) {
        frame.fill(area, role: .statusBar)
        let base = frame.theme[.statusBar]
        let trailing = model.environment.workspacePath
        let trailingWidth = min(DisplayWidth.of(trailing), max(0, area.width / 3))
        let trailArea = Rect(x: area.x, y: area.y, width: max(0, area.width - trailingWidth - 2), height: 1)
        let parts = trail(model)
        for (index, part) in parts.enumerated() {
            if index > 0 {
                let separator = frame.glyphs.isUnicode ? " › " : " > "
                _ = frame.write(separator, at: Point(x: part.x - 3, y: area.y), style: base, clip: trailArea)
            }
            let style = index == parts.count - 1 ? base.patched(with: frame.theme[.title]) : base
            _ = frame.write(part.label, at: Point(x: part.x, y: area.y), style: style, clip: trailArea)
        }
        if trailingWidth > 0 {
            let text = TextMeasure.truncate(trailing, toWidth: trailingWidth)
            let x = area.maxX - DisplayWidth.of(text) - 1
            _ = frame.write(
                text, at: Point(x: x, y: area.y), style: base.patched(with: frame.theme[.muted]), clip: area)
        }
    }
}
