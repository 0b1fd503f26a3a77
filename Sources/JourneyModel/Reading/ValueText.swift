import Foundation

/// Condition and `update` values typed as one line of YAML flow text (`California`, `80`,
/// `[CA, OR]`, `"80"`), read exactly as a journey file reads them and written back as Cairn
/// writes them, so a form that edits a value agrees with the file format.
public enum ValueText {
    /// Why a text is not a value, in the reader's words.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The value the text means as `key`'s value in a journey file (YAML 1.2 core schema:
    /// `yes` and `21:00` stay text, quoted text is always text).
    public static func parse(_ text: String, key: String = "value") -> Result<Value, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") {
            // A bare '#' starts a YAML comment: the file would read nothing there.
            return .failure(Problem(message: "expected a value for '\(key)', found nothing"))
        }
        switch JourneyReader.compose(Array(trimmed.utf8), file: key) {
        case .failure(let diagnostic):
            return .failure(Problem(message: diagnostic.message))
        case .success(let node):
            let context = ReadContext(file: key)
            let value = context.leadValue(node, key: key, nodeID: nil)
            if let value, context.diagnostics.isEmpty { return .success(value) }
            return .failure(
                Problem(message: context.diagnostics.first?.message ?? "expected a value for '\(key)'"))
        }
    }

    /// The text Cairn writes for the value: `California`, `80`, `"80"`, `[CA, OR]`.
    public static func write(_ value: Value) -> String {
        YAMLText.value(value)
    }
}
