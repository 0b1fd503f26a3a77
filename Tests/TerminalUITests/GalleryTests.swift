import Foundation
import Testing

@testable import TerminalUI

private let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

private func shippedThemes() -> [Theme] {
    ["default", "light", "high-contrast", "solarized-dark"].compactMap { name in
        let url = themesDirectory.appendingPathComponent(name + ".yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return try? Theme.parse(yaml: text, name: name + ".yaml")
    }
}

@Suite struct GalleryTests {
    @Test func keyTableHasNoConflicts() {
        #expect(WidgetGallery.keyMap.problems.isEmpty)
    }

    @Test(arguments: GalleryPage.allCases)
    func everyPageAtTwoSizes(page: GalleryPage) {
        let program = WidgetGallery.program(themes: shippedThemes())
        var model = program.model
        model.page = page
        model.samples = (0..<60).map { Double(($0 * 7) % 11) }
        model.progress = Progress(completed: 1800, total: 5000, elapsed: 4)
        for size in [Size(width: 80, height: 24), Size(width: 40, height: 12)] {
            assertSnapshot(
                program.render(model, size: size), named: "gallery-\(page.title.lowercased())-\(size)")
        }
    }

    @Test func everyThemeRendersTheThemesPage() {
        let themes = shippedThemes()
        #expect(themes.count == 4)
        let program = WidgetGallery.program(themes: themes)
        for (index, theme) in themes.enumerated() {
            var model = program.model
            model.page = .themes
            model.themeIndex = index
            for depth in ColorDepth.allCases {
                let frame = program.render(model, size: Size(width: 80, height: 24), depth: depth)
                #expect(frame.buffer.plainText.contains(theme.name))
            }
            assertSnapshot(
                program.render(model, size: Size(width: 80, height: 24)), named: "gallery-theme-\(theme.name)"
            )
        }
    }

    @Test func scriptedSession() {
        var program = WidgetGallery.program(themes: shippedThemes())
        let screen = TestScreen(
            width: 80, height: 24,
            events: Event.keys("tab", "j", "j") + [.key(.character("?"))] + Event.keys("esc", ":")
                + Event.typing("theme")
                + Event.keys("enter", "d", "enter", "3", "enter", "tab") + Event.typing("d")
                + Event.keys("esc"))
        let result = program.run(on: screen)
        #expect(result.ending == .inputClosed)
        #expect(result.model.page == .forms)
        #expect(result.model.list.selected == 2)
        #expect(result.model.themeIndex == 1)  // the palette ran "theme"
        #expect(result.model.deleteCount == 0)  // Enter on the dialog means No
        #expect(result.model.form.fields[1].textValue == "3xd")
        #expect(result.model.form.fields[1].error != nil)
        #expect(!result.model.isEditingForm)
        #expect(screen.frames.contains { $0.plainText.contains("Gallery keys") })
        #expect(screen.frames.contains { $0.plainText.contains("Delete journey") })
        #expect(screen.frames.contains { $0.plainText.contains("Kept it") })
    }

    @Test func clicksPickTabsAndTheWheelScrolls() {
        var program = WidgetGallery.program(themes: [])
        let click = MouseEvent(kind: .press(button: 1), position: Point(x: 17, y: 0))
        let wheel = MouseEvent(kind: .wheelDown, position: Point(x: 5, y: 5))
        let screen = TestScreen(
            width: 80, height: 24,
            events: [.mouse(click), .mouse(MouseEvent(kind: .press(button: 1), position: Point(x: 9, y: 0)))]
                + [.mouse(wheel), .mouse(wheel)])
        let result = program.run(on: screen)
        #expect(screen.frames[1].text(ofRow: 1).contains("Node editor"))
        #expect(result.model.page == .lists)
        #expect(result.model.list.selected == 2)
    }

    @Test func quitAndTheMinimumSizeGuard() {
        var program = WidgetGallery.program(themes: [])
        let screen = TestScreen(
            width: 30, height: 8, events: [.resize(Size(width: 40, height: 12))] + Event.keys("q", "tab"))
        let result = program.run(on: screen)
        #expect(result.ending == .quit)
        #expect(result.model.page == .text)
        #expect(screen.frames[0].plainText.contains("needs at least 40×12"))
        #expect(!screen.lastFrame.plainText.contains("needs at least"))
    }

    @Test func aBadThemeNoticeShowsAsAToast() {
        let loaded = ThemeLoader.load(yaml: "roles:\n  text: { fg: nope }\n", fileName: "mine.yaml")
        let program = WidgetGallery.program(themes: [loaded.theme], notice: loaded.problem)
        let frame = program.render(program.model, size: Size(width: 80, height: 24))
        #expect(frame.buffer.plainText.contains("mine.yaml:2:15: error"))
    }
}
