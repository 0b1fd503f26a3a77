import Foundation
import GRDB
import JourneyModel

/// A lead ready for the `leads` table.
struct LeadRow {
    var id: String
    var createdAt: Int64
    var timeZone: String
    var consents: Set<Channel>
    var propertiesJSON: String
    var segment: String? = nil
    var preferredChannel: Channel? = nil
    var responsiveness: Double? = nil
    /// Whether the record gave `time_zone` and `consents` (JSON Lines may leave them out): a
    /// live update changes only what its record gives.
    var timeZoneGiven = true
    var consentsGiven = true

    static let columns = [
        "cohort_id", "lead_id", "created_at", "time_zone", "consent_email", "consent_sms", "consent_chat",
        "properties", "segment", "preferred_channel", "responsiveness",
    ]

    func values(cohortID: Int64) -> [SQLValue] {
        [
            .integer(cohortID), .text(id), .integer(createdAt), .text(timeZone),
            SQLValue(consents.contains(.email)),
            SQLValue(consents.contains(.sms)), SQLValue(consents.contains(.chat)), .text(propertiesJSON),
            SQLValue(segment), SQLValue(preferredChannel?.rawValue), SQLValue(responsiveness),
        ]
    }
}

/// An event ready for the `lead_events` table.
struct EventRow {
    var leadID: String
    var type: String
    var channel: Channel?
    var occurredAt: Int64
    var dataJSON: String?

    static let columns = ["cohort_id", "lead_id", "type", "channel", "occurred_at", "data"]

    func values(cohortID: Int64) -> [SQLValue] {
        [
            .integer(cohortID), .text(leadID), .text(type), SQLValue(channel?.rawValue), .integer(occurredAt),
            SQLValue(dataJSON),
        ]
    }
}

/// The checks every lead and event field goes through, whatever the file format, so CSV and
/// JSON Lines report the same problem with the same words.
struct RecordRules {
    private var zoneCache: [String: Bool] = ["UTC": true]
    static let knownZones: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])
    static let dateExample = "e.g. 2026-11-02T09:30:00Z or 2026-11-02"

    func leadID(_ text: String?) -> Result<String, RowProblem> {
        guard let id = text?.trimmedOfSpaces, !id.isEmpty else {
            return .failure(RowProblem("missing lead id"))
        }
        guard id.count <= 200 else { return .failure(RowProblem("lead id is longer than 200 characters")) }
        return .success(id)
    }

    func instant(_ text: String?, field: String) -> Result<Int64, RowProblem> {
        guard let text = text?.trimmedOfSpaces, !text.isEmpty else {
            return .failure(RowProblem("missing \(field)"))
        }
        guard let seconds = EpochSeconds.parse(text) else {
            return .failure(
                RowProblem("\(field) '\(text)' is not an ISO-8601 date or time (\(Self.dateExample))"))
        }
        return .success(seconds)
    }

    mutating func timeZone(_ text: String?) -> Result<String, RowProblem> {
        guard let name = text?.trimmedOfSpaces, !name.isEmpty else {
            return .success("UTC")
        }
        if let known = zoneCache[name] {
            return known ? .success(name) : .failure(unknownZone(name))
        }
        let known = Self.knownZones.contains(name)
        zoneCache[name] = known
        return known ? .success(name) : .failure(unknownZone(name))
    }

    private func unknownZone(_ name: String) -> RowProblem {
        RowProblem(
            "unknown time zone '\(name)'\(Suggestion.hint(for: name, among: Self.knownZones.sorted())); "
                + "use an IANA name such as America/New_York")
    }

    func channel(_ text: String?) -> Result<Channel?, RowProblem> {
        guard let name = text?.trimmedOfSpaces, !name.isEmpty else {
            return .success(nil)
        }
        guard let channel = Channel(rawValue: name.lowercased()) else {
            return .failure(unknownChannel(name))
        }
        return .success(channel)
    }

    func unknownChannel(_ name: String) -> RowProblem {
        RowProblem("unknown channel '\(name)' (channels: email, sms, chat)")
    }

    /// `email;sms`, `email|sms` or `email sms`; empty means no consent.
    func consents(_ text: String?) -> Result<Set<Channel>, RowProblem> {
        guard let text else { return .success([]) }
        var set = Set<Channel>()
        for name in text.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == " " }) {
            guard let channel = Channel(rawValue: name.lowercased()) else {
                return .failure(unknownChannel(String(name)))
            }
            set.insert(channel)
        }
        return .success(set)
    }

    func eventType(_ text: String?) -> Result<String, RowProblem> {
        guard let type = text?.trimmedOfSpaces, !type.isEmpty else {
            return .failure(RowProblem("missing event type"))
        }
        guard type.count <= 100, type.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) else {
            return .failure(RowProblem("event type '\(type)' must be letters, digits, '_', '-' or '.'"))
        }
        return .success(type)
    }
}

/// Why one row cannot be imported.
struct RowProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

extension String {
    /// Without leading and trailing spaces and tabs. Foundation's trimming bridges through
    /// NSString, which costs more than the rest of a row's checks.
    var trimmedOfSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return self }
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? utf8.endIndex
        guard start != utf8.endIndex, let end = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else {
            return ""
        }
        return String(self[start...end])
    }
}
