import ArgumentParser
import Foundation
import TerminalUI

/// `cairn ui-gallery`: every widget and theme of the terminal toolkit, for
/// eyeballing over SSH and for the end-to-end terminal tests. Hidden from help.
struct UIGalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui-gallery",
        abstract: "Show every widget and theme of the terminal toolkit.",
        shouldDisplay: false
    )

    @OptionGroup var screen: ScreenOptions

    /// For the end-to-end tests: quitting throws from inside the screen, to
    /// check that a thrown error restores the terminal too.
    @Flag(help: .hidden)
    var throwOnQuit = false

    struct DeliberateFailure: Error, CustomStringConvertible {
        var description: String { "quit with a deliberate error (--throw-on-quit)" }
    }

    func run() throws {
        let (themes, selected, problems) = screen.themes()
        var program = WidgetGallery.program(themes: themes, themeName: selected, notice: problems.first)
        _ = try ScreenOptions.onTerminal {
            try NcursesScreen.run(options: NcursesScreen.Options(mouse: screen.mouse)) { terminal in
                let outcome = program.run(on: terminal)
                if throwOnQuit { throw DeliberateFailure() }
                return outcome
            }
        }
    }
}
