import Foundation
import JourneyModel

/// Reading a webhook's JSON payload by dotted field paths (`contact.id`).
enum WebhookPayload {
    static func isValidPath(_ path: String) -> Bool {
        !path.isEmpty
            && path.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty }
    }

    static func value(at path: String, in payload: JSON) -> JSON? {
        var current = payload
        for name in path.split(separator: ".") {
            guard let next = current[String(name)] else { return nil }
            current = next
        }
        return current
    }

    /// A lead id is text or a whole number.
    static func leadID(at path: String, in payload: JSON) -> String? {
        switch value(at: path, in: payload) {
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.count > 200 ? nil : trimmed
        case .number(let number)? where number == number.rounded() && abs(number) < 1e15:
            return String(Int64(number))
        default: return nil
        }
    }

    enum TimeField: Equatable {
        case absent
        case instant(Int64)
        case unreadable
    }

    /// An instant is ISO-8601 text (as in cohort files) or epoch seconds.
    static func instant(at path: String, in payload: JSON) -> TimeField {
        switch value(at: path, in: payload) {
        case nil, .null?: return .absent
        case .string(let text)?: return EpochSeconds.parse(text).map(TimeField.instant) ?? .unreadable
        case .number(let number)? where number == number.rounded() && abs(number) < 1e12:
            return .instant(Int64(number))
        default: return .unreadable
        }
    }
}
