/// The pages of the widget gallery.
public enum GalleryPage: Int, CaseIterable, Hashable, Sendable {
    case text, lists, forms, charts, canvas, themes

    public var title: String {
        switch self {
        case .text: return "Text"
        case .lists: return "Lists"
        case .forms: return "Forms"
        case .charts: return "Charts"
        case .canvas: return "Canvas"
        case .themes: return "Themes"
        }
    }
}

/// What the gallery's keys do; one table (`WidgetGallery.keyMap`) declares them.
public enum GalleryAction: Hashable, Sendable {
    case nextPage, previousPage
    case page(GalleryPage)
    case up, down, left, right, pageUp, pageDown
    case edit, nextTheme, help, palette, confirm, toast, quit
}

/// An overlay over the current page; it gets keys before the page does.
public enum GalleryOverlay: Hashable, Sendable {
    case help(scroll: Int)
    case palette(PaletteState)
    case confirm(ConfirmState)
}

/// Everything the gallery shows. A value: each update makes a new one.
public struct GalleryModel: Sendable {
    public var page: GalleryPage = .text
    public var themes: [Theme]
    public var themeIndex: Int
    public var list = ListState(selected: 0)
    public var table = ListState(selected: 0)
    public var form: FormState
    /// While editing, keys go to the form; Esc stops editing.
    public var isEditingForm = false
    public var viewport = CanvasViewport()
    public var progress = Progress(completed: 0, total: 5000, elapsed: 0)
    public var samples: [Double] = []
    public var ticks = 0
    public var overlay: GalleryOverlay?
    public var toast: Toast?
    /// Bumped per toast so an expiry message only clears the toast it was for.
    public var toastGeneration = 0
    public var deleteCount = 0
    /// The terminal's size, for scroll limits.
    public var screenSize = Size(width: 80, height: 24)

    public init(themes: [Theme], themeName: String? = nil, notice: String? = nil) {
        let available = themes.isEmpty ? [Theme.fallback] : themes
        self.themes = available
        self.themeIndex = available.firstIndex { $0.name == themeName } ?? 0
        self.form = FormState(fields: [
            FormField(
                "Name", value: .text(TextInputState(text: "Welcome series")), placeholder: "journey name"),
            FormField("Wait", value: .text(TextInputState(text: "3x")), placeholder: "e.g. 3d"),
            FormField("Channel", value: .choice(SelectState(options: ["email", "sms", "chat", "best"]))),
            FormField("Holdout", value: .toggle(true)),
        ])
        if let notice {
            self.toast = Toast(notice, kind: .warning)
        }
        validateForm()
    }

    public var theme: Theme {
        themes[min(max(0, themeIndex), themes.count - 1)]
    }

    /// Inline validation, the way the studio's node editor will do it.
    mutating func validateForm() {
        for index in form.fields.indices {
            let field = form.fields[index]
            switch field.label {
            case "Name":
                form.fields[index].error = (field.textValue ?? "").isEmpty ? "a journey needs a name" : nil
            case "Wait":
                let text = field.textValue ?? ""
                let valid = text.count > 1 && Int(text.dropLast()) != nil && "mhdw".contains(text.last ?? " ")
                form.fields[index].error = valid ? nil : "expected a duration like 3d or 12h"
            default:
                break
            }
        }
    }
}

/// Messages of the gallery program.
public enum GalleryMessage: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case tick
    case resized(Size)
    case toastExpired(generation: Int)
}
