import Foundation
import JourneyModel
import Workspace

/// What home does to journeys in the workspace; each runs off the UI thread.
enum JourneyActions {
    /// Saves `journey` as a new journey (version 1); refuses an id already taken.
    static func create(_ journey: Journey, message: String, in workspace: Workspace) throws(WorkspaceError)
        -> String
    {
        if try workspace.journeys(includeArchived: true).contains(where: { $0.journey == journey.id }) {
            throw .invalidArgument("a journey with id \(journey.id) already exists: pick another name")
        }
        let outcome = try workspace.saveJourney(
            journey, yaml: JourneyWriter.write(journey), file: "\(journey.id).journey.yaml", message: message)
        return outcome.journey
    }

    /// Copies the latest version of `source` under a new id and name.
    static func duplicate(_ source: String, id: String, name: String, in workspace: Workspace)
        throws(WorkspaceError)
        -> String
    {
        let stored = try workspace.journeyVersion(source)
        let read = JourneyReader.read(bytes: Array(stored.yaml.utf8), file: "\(source) v\(stored.version)")
        guard var journey = read.journey else { throw .invalidJourney(read.diagnostics) }
        journey.id = id
        journey.name = name
        return try create(journey, message: "Copied from \(source) v\(stored.version)", in: workspace)
    }

    /// Imports a journey file as a new version of its journey (or a new journey).
    static func importFile(_ path: String, into workspace: Workspace) throws(WorkspaceError)
        -> JourneySaveOutcome
    {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .invalidArgument("cannot read \(path): \(error.localizedDescription)")
        }
        return try workspace.saveJourney(
            yaml: text, file: path, message: "Imported from \(path)", origin: .import)
    }

    /// Writes the latest version of `journey` to `path`, replacing the file whole or not at all.
    static func export(_ journey: String, to path: String, from workspace: Workspace) throws(WorkspaceError)
        -> Int
    {
        let stored = try workspace.journeyVersion(journey)
        do {
            try stored.yaml.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .invalidArgument("cannot write \(path): \(error.localizedDescription)")
        }
        return stored.version
    }
}
