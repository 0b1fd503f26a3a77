/// How the gallery responds to messages. Overlays take keys first, then an
/// edited form, then the key table.
enum GalleryUpdate {
    static func update(_ model: inout GalleryModel, _ message: GalleryMessage) -> [Effect<GalleryMessage>] {
        switch message {
        case .tick:
            model.ticks += 1
            advanceProgress(&model)
            return []
        case .resized(let size):
            model.screenSize = size
            return []
        case .toastExpired(let generation):
            if generation == model.toastGeneration { model.toast = nil }
            return []
        case .mouse(let mouse):
            handleMouse(mouse, &model)
            return []
        case .key(let key):
            if model.overlay != nil {
                return handleOverlayKey(key, &model)
            }
            if model.isEditingForm {
                if key == .escape || (key == .enter && !formUsesEnter(model)) {
                    model.isEditingForm = false
                } else {
                    _ = model.form.handle(key)
                    model.validateForm()
                }
                return []
            }
            guard let action = WidgetGallery.keyMap.action(for: key) else { return [] }
            return perform(action, &model)
        }
    }

    static func perform(_ action: GalleryAction, _ model: inout GalleryModel) -> [Effect<GalleryMessage>] {
        let pages = GalleryPage.allCases
        switch action {
        case .quit: return [.quit]
        case .nextPage: model.page = pages[(model.page.rawValue + 1) % pages.count]
        case .previousPage: model.page = pages[(model.page.rawValue + pages.count - 1) % pages.count]
        case .page(let page): model.page = page
        case .nextTheme:
            model.themeIndex = (model.themeIndex + 1) % model.themes.count
            return showToast("Theme: \(model.theme.name)", .info, &model)
        case .help: model.overlay = .help(scroll: 0)
        case .palette: model.overlay = .palette(PaletteState())
        case .confirm:
            model.overlay = .confirm(
                ConfirmState(title: "Delete", question: "Delete journey \"Welcome series\"?"))
        case .toast: return showToast("Saved version \(model.ticks % 9 + 1)", .success, &model)
        case .edit:
            if model.page == .forms { model.isEditingForm = true }
        case .up, .down, .pageUp, .pageDown, .left, .right:
            move(action, &model)
        }
        return []
    }

    private static func move(_ action: GalleryAction, _ model: inout GalleryModel) {
        let key: Key
        switch action {
        case .up: key = .up
        case .down: key = .down
        case .pageUp: key = .pageUp
        case .pageDown: key = .pageDown
        case .left: key = .left
        default: key = .right
        }
        switch model.page {
        case .lists:
            _ = model.list.handle(key, count: GalleryView.journeys.count, pageSize: 5)
            _ = model.table.handle(key, count: GalleryView.funnel.count, pageSize: 5)
        case .canvas:
            let canvas = GalleryView.sampleCanvas
            let step = action == .pageUp || action == .pageDown ? 8 : 2
            let dx = action == .left ? -step : action == .right ? step : 0
            let dy =
                action == .up || action == .pageUp ? -step : action == .down || action == .pageDown ? step : 0
            // The canvas sits inside a bordered block between the tab row and the status bar.
            let visible = Size(width: model.screenSize.width - 2, height: model.screenSize.height - 4)
            model.viewport.scroll(dx: dx, dy: dy, extent: canvas.extent, viewport: visible)
        case .themes:
            if action == .down || action == .right {
                model.themeIndex = (model.themeIndex + 1) % model.themes.count
            }
            if action == .up || action == .left {
                model.themeIndex = (model.themeIndex + model.themes.count - 1) % model.themes.count
            }
        default:
            break
        }
    }

    private static func handleOverlayKey(_ key: Key, _ model: inout GalleryModel) -> [Effect<GalleryMessage>]
    {
        switch model.overlay {
        case .help(let scroll):
            switch key {
            case .escape, .character("?"), .character("q"): model.overlay = nil
            case .down, .character("j"): model.overlay = .help(scroll: scroll + 1)
            case .up, .character("k"): model.overlay = .help(scroll: max(0, scroll - 1))
            default: break
            }
        case .palette(var palette):
            let outcome = palette.handle(key, commands: WidgetGallery.keyMap.paletteCommands)
            switch outcome {
            case .none: model.overlay = .palette(palette)
            case .cancelled: model.overlay = nil
            case .run(let action):
                model.overlay = nil
                return perform(action, &model)
            }
        case .confirm(var confirm):
            switch confirm.handle(key) {
            case .none: model.overlay = .confirm(confirm)
            case .cancelled:
                model.overlay = nil
                return showToast("Kept it", .info, &model)
            case .confirmed:
                model.overlay = nil
                model.deleteCount += 1
                return showToast("Deleted (not really)", .warning, &model)
            }
        case .none:
            break
        }
        return []
    }

    private static func handleMouse(_ mouse: MouseEvent, _ model: inout GalleryModel) {
        switch mouse.kind {
        case .wheelUp: move(.up, &model)
        case .wheelDown: move(.down, &model)
        case .press(button: 1):
            // A click on the tab row picks the page whose title is under it.
            if mouse.position.y == 0, let page = GalleryView.page(atColumn: mouse.position.x) {
                model.page = page
            } else if model.page == .lists, mouse.position.y >= 3 {
                let index =
                    mouse.position.y - 3
                    + model.list.visibleOffset(height: 8, count: GalleryView.journeys.count)
                if GalleryView.journeys.indices.contains(index) { model.list.selected = index }
            }
        default:
            break
        }
    }

    private static func formUsesEnter(_ model: GalleryModel) -> Bool {
        guard model.form.fields.indices.contains(model.form.focus) else { return false }
        switch model.form.fields[model.form.focus].value {
        case .text: return false
        case .choice, .toggle: return true
        }
    }

    private static func showToast(_ text: String, _ kind: Toast.Kind, _ model: inout GalleryModel)
        -> [Effect<GalleryMessage>]
    {
        model.toastGeneration += 1
        model.toast = Toast(text, kind: kind)
        return [.after(.seconds(3), .toastExpired(generation: model.toastGeneration))]
    }

    private static func advanceProgress(_ model: inout GalleryModel) {
        // A pretend replay: restarts when done so the bar is always moving.
        model.progress.elapsed += 0.2
        model.progress.completed += 37 + (model.ticks * 7) % 23
        if model.progress.completed >= model.progress.total {
            model.progress = Progress(completed: 0, total: model.progress.total, elapsed: 0)
        }
        model.samples.append(Double((model.ticks * 37) % 17) + Double(model.ticks % 5))
        if model.samples.count > 200 { model.samples.removeFirst(model.samples.count - 200) }
    }
}
