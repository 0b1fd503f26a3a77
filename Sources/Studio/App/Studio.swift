import TerminalUI

/// The studio: `cairn` with no arguments, `cairn dashboard`, `cairn demo`.
public enum Studio {
    /// The smallest terminal the studio draws in; smaller shows "needs at least 80×24".
    public static let minimumSize = Size(width: 80, height: 24)

    /// The studio as a program over `environment`, starting with the screens of `start`
    /// (the last one shown; Esc walks back through the others).
    public static func program(
        environment: StudioEnvironment, start: [Route] = [.journeys], theme: Theme = .fallback,
        notice: String? = nil
    ) -> Program<StudioModel, StudioMessage> {
        let model = StudioModel(
            environment: environment, start: start.isEmpty ? [.journeys] : start, theme: theme)
        return Program(
            model: model,
            initialEffects: model.stack.flatMap { $0.onAppear(environment) }
                + (notice.map { [.toast($0, .warning)] } ?? []),
            minimumSize: minimumSize,
            tickInterval: .milliseconds(200),
            theme: theme,
            translate: { event, _ in .event(event) },
            update: StudioUpdate.update,
            view: StudioView.render)
    }

    /// Runs the studio on the terminal until the user quits.
    public static func run(
        environment: StudioEnvironment, start: [Route] = [.journeys], theme: Theme = .fallback,
        notice: String? = nil, mouse: Bool = true, beforeSignalExit: (@Sendable () -> Void)? = nil
    ) throws {
        var program = program(environment: environment, start: start, theme: theme, notice: notice)
        let options = NcursesScreen.Options(mouse: mouse, beforeSignalExit: beforeSignalExit)
        _ = try NcursesScreen.run(options: options) { screen in
            program.run(on: screen)
        }
    }
}
