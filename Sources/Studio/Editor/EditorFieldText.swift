import Foundation
import JourneyModel

/// Reads the text of one field with the journey language's own parsers (`JourneyDuration`,
/// `TimeOfDay`, `Schedule`, `ValueText`), reporting a problem in the words `cairn validate`
/// uses for the same mistake in a file.
enum EditorFieldText {
    static func duration(
        _ text: String, key: String, minimum: JourneyDuration? = nil, problem: (String) -> Void
    ) -> JourneyDuration? {
        guard let duration = JourneyDuration(parsing: text) else {
            problem("bad duration '\(text)' for '\(key)' (expected a number and a unit: 30m, 2h, 3d, 1w)")
            return nil
        }
        if let minimum, duration < minimum {
            problem("'\(key)' must be at least \(minimum), found \(text)")
            return nil
        }
        return duration
    }

    static func time(_ text: String, key: String, problem: (String) -> Void) -> TimeOfDay? {
        if let time = TimeOfDay(parsing: text) { return time }
        problem("bad time '\(text)' for '\(key)' (expected HH:MM, 00:00 to 23:59)")
        return nil
    }

    static func integer(
        _ text: String, key: String, minimum: Int? = nil, maximum: Int? = nil, problem: (String) -> Void
    ) -> Int? {
        guard case .success(.number(let number)) = ValueText.parse(text, key: key),
            number == number.rounded(), abs(number) < 1e15
        else {
            problem("expected a whole number for '\(key)', found '\(text)'")
            return nil
        }
        let whole = Int(number)
        if let minimum, whole < minimum {
            problem("'\(key)' must be at least \(minimum), found \(whole)")
            return nil
        }
        if let maximum, whole > maximum {
            problem("'\(key)' must be at most \(maximum), found \(whole)")
            return nil
        }
        return whole
    }

    static func number(_ text: String, key: String, problem: (String) -> Void) -> Double? {
        guard case .success(.number(let number)) = ValueText.parse(text, key: key) else {
            problem("expected a number for '\(key)', found '\(text)'")
            return nil
        }
        return number
    }

    static func schedule(_ text: String, problem: (String) -> Void) -> Schedule? {
        do {
            return try Schedule(parsing: text)
        } catch {
            problem("bad schedule '\(text)': \(error.message)")
            return nil
        }
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces)
    }
}
