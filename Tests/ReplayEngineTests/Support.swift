import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// Reads a journey written inline; the test fails (and an empty journey comes back) when the
/// text does not read and validate.
func journey(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Journey {
    let result = JourneyReader.readAndValidate(bytes: Array(yaml.utf8), file: "test.journey.yaml")
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors)", sourceLocation: sourceLocation)
    return result.journey
        ?? Journey(
            id: "broken", name: "broken", entry: Entry(trigger: .event("lead.created"), next: "x"), nodes: [])
}

/// Reads a journey the validator would refuse (a loop without a wait), to test the engine's
/// own safety limits.
func unvalidatedJourney(_ yaml: String) -> Journey {
    JourneyReader.read(yaml, file: "test.journey.yaml").journey
        ?? Journey(
            id: "broken", name: "broken", entry: Entry(trigger: .event("lead.created"), next: "x"), nodes: [])
}

/// `2026-03-02T09:00:00Z` and the like.
func at(_ text: String) -> Date {
    ISODate.parse(text) ?? Date(timeIntervalSince1970: 0)
}

let utc = TimeZone(identifier: "UTC") ?? .current
let newYork = TimeZone(identifier: "America/New_York") ?? .current

func member(
    _ id: String, created: String, zone: TimeZone = utc, consents: Set<Channel> = Set(Channel.allCases),
    properties: [String: Value] = [:], events: [(String, Channel?, String)] = [],
    behavior: LeadBehavior? = nil
) -> CohortLead {
    let lead = Lead(
        id: id, properties: properties, timeZone: zone, consents: consents, createdAt: at(created))
    let recorded = events.map { LeadEvent(leadID: id, type: $0.0, channel: $0.1, time: at($0.2)) }
    return CohortLead(lead: lead, events: recorded, behavior: behavior)
}

/// Runs a replay into a collecting recorder.
@discardableResult
func replay(
    _ journey: Journey, _ cohort: [CohortLead], agents: [Agent] = [],
    configuration: ReplayConfiguration = ReplayConfiguration()
) -> CollectingRecorder {
    let recorder = CollectingRecorder()
    Replay.run(
        journey: journey, cohort: cohort, agents: agents, configuration: configuration, recorder: recorder)
    return recorder
}

extension CollectingRecorder {
    func messages(of leadID: String) -> [MessageRecord] {
        messages.filter { $0.execution.leadID == leadID }
    }

    func stays(of leadID: String, rotation: Int = 1) -> [NodeStay] {
        nodeStays.filter { $0.execution == ExecutionKey(leadID: leadID, rotation: rotation) }
    }

    func rotations(of leadID: String) -> [ExecutionEnded] {
        executionsEnded.filter { $0.execution.leadID == leadID }
    }
}

/// A sequence that counts how many leads were read from it.
final class CountingCohort: Sequence {
    let members: [CohortLead]
    private(set) var read = 0

    init(_ members: [CohortLead]) {
        self.members = members
    }

    func makeIterator() -> AnyIterator<CohortLead> {
        var index = 0
        return AnyIterator { [self] in
            guard index < members.count else { return nil }
            defer { index += 1 }
            read += 1
            return members[index]
        }
    }
}

/// The order a writer relies on: each execution starts once, ends once, and nothing of it
/// comes before its start or after its end — but a conversion after exit.
func recordOrderProblems(_ records: [ReplayRecord]) -> [String] {
    var started: Set<ExecutionKey> = []
    var ended: Set<ExecutionKey> = []
    var problems: [String] = []
    for (index, record) in records.enumerated() {
        let key = record.execution
        switch record {
        case .executionStarted:
            if !started.insert(key).inserted { problems.append("\(index): \(key) started twice") }
        case .executionEnded:
            if !started.contains(key) { problems.append("\(index): \(key) ended before it started") }
            if !ended.insert(key).inserted { problems.append("\(index): \(key) ended twice") }
        case .conversion(let conversion) where conversion.afterExit:
            if !ended.contains(key) {
                problems.append("\(index): \(key) converted after an exit it has not had")
            }
        default:
            if !started.contains(key) || ended.contains(key) {
                problems.append("\(index): \(record) outside its execution")
            }
        }
    }
    if started != ended { problems.append("started \(started.count), ended \(ended.count)") }
    return problems
}
