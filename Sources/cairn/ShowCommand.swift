import ArgumentParser
import Foundation
import JourneyModel

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an indented outline of a journey's graph: entry, branches, loops marked."
    )

    @Argument(help: "A journey file (*.journey.yaml).")
    var file: String

    func run() throws {
        let report = ValidateCommand.check(file)
        guard let journey = report.journey else {
            for diagnostic in report.diagnostics {
                FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            }
            throw ExitCode(1)
        }
        for warning in report.diagnostics.warnings {
            FileHandle.standardError.write(Data("\(warning)\n".utf8))
        }
        print(JourneyOutline.render(journey), terminator: "")
    }
}
