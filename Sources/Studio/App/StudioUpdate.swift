import TerminalUI

/// How the studio answers messages: overlays first, then the current screen, then the
/// shared keys; screen messages go to the screen that asked for them.
enum StudioUpdate {
    static func update(_ model: inout StudioModel, _ message: StudioMessage) -> [Effect<StudioMessage>] {
        switch message {
        case .event(.resize(let size)):
            model.environment.screenSize = size
            return []
        case .event(.tick):
            let environment = model.environment
            return model.current.tick(environment)
        case .event(.key(let key)) where !model.environment.screenSize.fits(Studio.minimumSize):
            return pressWhileTooSmall(key, &model)
        case .event(.key(let key)):
            return press(key, &model)
        case .event(.mouse) where !model.environment.screenSize.fits(Studio.minimumSize):
            return []
        case .event(.mouse(let mouse)):
            return self.mouse(mouse, &model)
        case .open(let route):
            return open(route, &model)
        case .replace(let route):
            let screen = route.makeScreen(model.environment)
            model.current.willLeave()
            model.current = screen
            return screen.onAppear(model.environment)
        case .back:
            return leave(&model, quit: false, force: false)
        case .toast(let text, let kind):
            model.toastGeneration += 1
            model.toast = Toast(text, kind: kind)
            return [.after(.seconds(kind == .error ? 6 : 3), .toastExpired(model.toastGeneration))]
        case .toastExpired(let generation):
            if generation == model.toastGeneration { model.toast = nil }
            return []
        case .screen(let payload):
            let environment = model.environment
            for index in model.stack.indices.reversed() {
                if let effects = model.stack[index].deliver(payload, environment) { return effects }
            }
            return []
        }
    }

    static func open(_ route: Route, _ model: inout StudioModel) -> [Effect<StudioMessage>] {
        let screen = route.makeScreen(model.environment)
        model.stack.append(screen)
        model.overlay = nil
        return screen.onAppear(model.environment)
    }

    /// Pops the current screen (or quits), asking first when it has unsaved work, and asking
    /// before Esc leaves the first screen (which quits).
    static func leave(_ model: inout StudioModel, quit: Bool, force: Bool) -> [Effect<StudioMessage>] {
        if !force, let question = model.stack.lazy.compactMap(\.leaveQuestion).last,
            quit || model.current.leaveQuestion != nil
        {
            model.overlay = .confirmLeave(
                ConfirmState(title: quit ? "Quit" : "Leave", question: question, yes: "Discard", no: "Stay"),
                quit: quit)
            return []
        }
        if !force, !quit, model.stack.count == 1 {
            // Esc on the first screen has nowhere to go back to: it asks, so a stray Esc does not
            // quit (q quits at once).
            model.overlay = .confirmLeave(
                ConfirmState(
                    title: "Quit", question: "Quit Cairn? (q quits at once)", yes: "Quit", no: "Stay"),
                quit: true)
            return []
        }
        if quit || model.stack.count == 1 {
            for screen in model.stack { screen.willLeave() }
            return [.quit]
        }
        model.current.willLeave()
        model.stack.removeLast()
        return model.current.onReturn(model.environment)
    }

    private static func press(_ key: Key, _ model: inout StudioModel) -> [Effect<StudioMessage>] {
        if model.overlay != nil { return overlayKey(key, &model) }
        let environment = model.environment
        if let effects = model.current.intercept(key, environment) { return effects }
        if let effects = model.current.press(key, environment) { return effects }
        switch SharedKeys.map.action(for: key) {
        case .help: model.overlay = .help(scroll: 0)
        case .palette: model.overlay = .palette(PaletteState())
        case .back: return leave(&model, quit: false, force: false)
        case .quit: return leave(&model, quit: true, force: false)
        case .none: break
        }
        return []
    }

    /// While the terminal is below the minimum size the screens are hidden behind "needs at least
    /// 80×24", so no key may act on them unseen: only quit and help do anything.
    private static func pressWhileTooSmall(_ key: Key, _ model: inout StudioModel) -> [Effect<StudioMessage>]
    {
        switch SharedKeys.map.action(for: key) {
        case .quit:
            if case .confirmLeave(_, quit: true) = model.overlay {
                return leave(&model, quit: true, force: true)
            }
            return leave(&model, quit: true, force: false)
        case .help:
            if case .help = model.overlay { model.overlay = nil } else { model.overlay = .help(scroll: 0) }
        default:
            break
        }
        return []
    }

    /// Every command of the current screen, then the shared ones, as keys to press.
    static func paletteCommands(_ model: StudioModel) -> [PaletteCommand<Key>] {
        let shared = SharedKeys.map.paletteCommands.compactMap { command -> PaletteCommand<Key>? in
            guard command.action != .palette,
                let key = SharedKeys.map.binding(for: command.action)?.keys.first
            else { return nil }
            return PaletteCommand(
                title: command.title, detail: command.detail, keys: command.keys, action: key)
        }
        return model.current.paletteEntries + shared
    }

    private static func overlayKey(_ key: Key, _ model: inout StudioModel) -> [Effect<StudioMessage>] {
        switch model.overlay {
        case .help(let scroll):
            switch key {
            case .escape, .character("?"), .character("q"), .enter: model.overlay = nil
            case .down, .character("j"): model.overlay = .help(scroll: scroll + 1)
            case .up, .character("k"): model.overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown, .character(" "): model.overlay = .help(scroll: scroll + 10)
            case .pageUp: model.overlay = .help(scroll: max(0, scroll - 10))
            default: break
            }
        case .palette(var palette):
            switch palette.handle(key, commands: paletteCommands(model)) {
            case .none: model.overlay = .palette(palette)
            case .cancelled: model.overlay = nil
            case .run(let pressed):
                model.overlay = nil
                return press(pressed, &model)
            }
        case .confirmLeave(var confirm, let quit):
            switch confirm.handle(key) {
            case .none: model.overlay = .confirmLeave(confirm, quit: quit)
            case .cancelled: model.overlay = nil
            case .confirmed:
                model.overlay = nil
                return leave(&model, quit: quit, force: true)
            }
        case .none:
            break
        }
        return []
    }

    private static func mouse(_ mouse: MouseEvent, _ model: inout StudioModel) -> [Effect<StudioMessage>] {
        guard model.overlay == nil else { return [] }
        let area = StudioView.contentArea(model.environment.screenSize)
        if case .press(button: 1) = mouse.kind, mouse.position.y == 0 {
            // A click on the trail goes back to that screen.
            if let depth = StudioView.trailDepth(atColumn: mouse.position.x, model),
                depth < model.stack.count - 1
            {
                var effects: [Effect<StudioMessage>] = []
                while model.stack.count - 1 > depth, model.current.leaveQuestion == nil {
                    effects += leave(&model, quit: false, force: false)
                }
                return effects
            }
            return []
        }
        guard area.contains(mouse.position) else { return [] }
        let environment = model.environment
        return model.current.mouse(mouse, in: area, environment)
    }
}
