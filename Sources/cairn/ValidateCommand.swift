import ArgumentParser
import Foundation
import JourneyModel

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check journey files and report every problem with its file:line:col.",
        discussion: "Exit status: 0 when every file is valid (warnings allowed), 1 when any has an error."
    )

    @Argument(help: "Journey files (*.journey.yaml).")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let reports = files.map(Self.check)
        switch format {
        case .text: print(Self.text(reports), terminator: "")
        case .json: print(try Self.json(reports))
        }
        if reports.contains(where: { $0.diagnostics.hasErrors }) { throw ExitCode(1) }
    }

    struct FileReport {
        var file: String
        var journey: Journey?
        var diagnostics: [Diagnostic]
    }

    static func check(_ file: String) -> FileReport {
        switch JourneyFileLoader.bytes(of: file) {
        case .failure(let diagnostic):
            return FileReport(file: file, journey: nil, diagnostics: [diagnostic])
        case .success(let bytes):
            let result = JourneyReader.readAndValidate(bytes: bytes, file: file)
            return FileReport(file: file, journey: result.journey, diagnostics: result.diagnostics)
        }
    }

    static func text(_ reports: [FileReport]) -> String {
        var out = ""
        for report in reports {
            for diagnostic in report.diagnostics { out += "\(diagnostic)\n" }
            if let journey = report.journey {
                let warnings = report.diagnostics.warnings.count
                let note = warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")"
                out += "\(report.file): ok — '\(journey.id)', \(journey.nodes.count) nodes\(note)\n"
            }
        }
        if reports.count > 1 {
            let bad = reports.filter { $0.diagnostics.hasErrors }.count
            out += "\(reports.count) files: \(reports.count - bad) valid, \(bad) with errors\n"
        }
        return out
    }

    struct JSONReport: Encodable {
        var valid: Bool
        var files: [JSONFile]
    }

    struct JSONFile: Encodable {
        var file: String
        var valid: Bool
        var journey: String?
        var nodes: Int?
        var diagnostics: [JSONDiagnostic]
    }

    struct JSONDiagnostic: Encodable {
        var severity: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var node: String?
    }

    static func json(_ reports: [FileReport]) throws -> String {
        let files = reports.map { report in
            JSONFile(
                file: report.file, valid: !report.diagnostics.hasErrors, journey: report.journey?.id,
                nodes: report.journey?.nodes.count,
                diagnostics: report.diagnostics.map {
                    JSONDiagnostic(
                        severity: $0.severity.rawValue, message: $0.message, file: $0.location?.file,
                        line: $0.location?.line, column: $0.location?.column, node: $0.nodeID)
                })
        }
        return try JSONOutput.text(JSONReport(valid: files.allSatisfy(\.valid), files: files))
    }
}
