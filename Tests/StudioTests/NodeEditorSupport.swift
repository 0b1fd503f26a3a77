import JourneyModel
import TerminalUI
import Testing

@testable import Studio

/// The journey `id` as the seeded workspace stores it.
func seededJourney(_ workspace: TestWorkspace, _ id: String) throws -> Journey {
    let version = try workspace.workspace.journeyVersion(id)
    return try #require(JourneyReader.read(version.yaml, file: "\(id).journey.yaml").journey)
}

extension NodeEditor {
    /// Presses keys written as in key maps (`tab`, `ctrl+s`); returns the last outcome.
    @discardableResult
    mutating func press(_ keys: String...) -> Outcome {
        var outcome = Outcome.editing
        for text in keys {
            guard let key = Key(parsing: text) else {
                Issue.record("bad key \(text)")
                continue
            }
            outcome = handle(key)
        }
        return outcome
    }

    mutating func type(_ text: String) {
        for character in text { _ = handle(.character(character)) }
    }

    /// Puts the focus on the cell named `key` (the `occurrence`th one), as a click would.
    mutating func focusCell(
        _ key: String, occurrence: Int = 0, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let matching = stops.filter {
            lines[$0.line].cells.indices.contains($0.cell) && lines[$0.line].cells[$0.cell].label == key
        }
        guard matching.indices.contains(occurrence) else {
            Issue.record("no cell \(key) #\(occurrence)", sourceLocation: sourceLocation)
            return
        }
        focus = matching[occurrence]
    }

    /// Clears the focused text field and types `text` into it.
    mutating func replace(with text: String) {
        _ = handle(Key(.end))
        _ = handle(.ctrl("u"))
        type(text)
    }

    /// Applies, expecting success.
    mutating func apply(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Journey? {
        guard case .saved(let journey) = press("ctrl+s") else {
            Issue.record("not applied: \(message ?? "no message")", sourceLocation: sourceLocation)
            return nil
        }
        return journey
    }
}
