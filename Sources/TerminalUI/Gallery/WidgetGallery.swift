/// `cairn ui-gallery`: every widget and theme on a few pages, to eyeball the
/// toolkit over SSH and to exercise it end to end in tests.
public enum WidgetGallery {
    public static let minimumSize = Size(width: 40, height: 12)

    /// The gallery's single key table: dispatch, status bar, help and palette.
    public static let keyMap = KeyMap<GalleryAction>([
        KeyBinding(keys: ["tab"], action: .nextPage, help: "next page", group: "Pages", statusBar: true),
        KeyBinding(keys: ["shift+tab"], action: .previousPage, help: "previous page", group: "Pages"),
        KeyBinding(keys: ["1"], action: .page(.text), help: "text page", group: "Pages"),
        KeyBinding(keys: ["2"], action: .page(.lists), help: "lists page", group: "Pages"),
        KeyBinding(keys: ["3"], action: .page(.forms), help: "forms page", group: "Pages"),
        KeyBinding(keys: ["4"], action: .page(.charts), help: "charts page", group: "Pages"),
        KeyBinding(keys: ["5"], action: .page(.canvas), help: "canvas page", group: "Pages"),
        KeyBinding(keys: ["6"], action: .page(.themes), help: "themes page", group: "Pages"),
        KeyBinding(
            keys: ["k", "up"], action: .up, help: "up", longHelp: "Move up / scroll up", group: "Moving"),
        KeyBinding(
            keys: ["j", "down"], action: .down, help: "down", longHelp: "Move down / scroll down",
            group: "Moving"),
        KeyBinding(
            keys: ["h", "left"], action: .left, help: "left", longHelp: "Scroll the canvas left",
            group: "Moving"),
        KeyBinding(
            keys: ["l", "right"], action: .right, help: "right", longHelp: "Scroll the canvas right",
            group: "Moving"),
        KeyBinding(keys: ["pgup"], action: .pageUp, help: "page up", group: "Moving", palette: false),
        KeyBinding(keys: ["pgdn"], action: .pageDown, help: "page down", group: "Moving", palette: false),
        KeyBinding(
            keys: ["enter"], action: .edit, help: "edit form", longHelp: "Edit the form (Esc to stop)",
            group: "Actions"),
        KeyBinding(
            keys: ["t"], action: .nextTheme, help: "theme", longHelp: "Switch to the next theme",
            group: "Actions", statusBar: true),
        KeyBinding(
            keys: ["d"], action: .confirm, help: "delete…",
            longHelp: "Ask a destructive question (No is the default)", group: "Actions"),
        KeyBinding(
            keys: ["n"], action: .toast, help: "notify", longHelp: "Show a toast message", group: "Actions"),
        KeyBinding(keys: ["?"], action: .help, help: "help", longHelp: "Show every key", statusBar: true),
        KeyBinding(
            keys: [":", "ctrl+p"], action: .palette, help: "commands", longHelp: "Open the command palette",
            statusBar: true, palette: false),
        KeyBinding(keys: ["q"], action: .quit, help: "quit", longHelp: "Quit the gallery", statusBar: true),
    ])

    /// The gallery as a program. `notice` (e.g. a theme file's error) shows as a toast.
    public static func program(themes: [Theme], themeName: String? = nil, notice: String? = nil)
        -> Program<GalleryModel, GalleryMessage>
    {
        let model = GalleryModel(themes: themes, themeName: themeName, notice: notice)
        var program = Program<GalleryModel, GalleryMessage>(
            model: model,
            initialEffects: notice == nil ? [] : [.after(.seconds(6), .toastExpired(generation: 0))],
            minimumSize: minimumSize, tickInterval: .milliseconds(200), theme: model.theme,
            translate: { event, _ in
                switch event {
                case .key(let key): return .key(key)
                case .mouse(let mouse): return .mouse(mouse)
                case .tick: return .tick
                case .resize(let size): return .resized(size)
                }
            },
            update: { model, message in GalleryUpdate.update(&model, message) },
            view: { model, frame in GalleryView.render(model, into: &frame) }
        )
        program.themeProvider = { $0.theme }
        return program
    }
}
