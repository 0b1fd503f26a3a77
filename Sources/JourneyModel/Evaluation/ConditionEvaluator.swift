import Foundation

/// One leaf's verdict with its reasons, for the lead inspector and `cairn lead`.
public struct LeafExplanation: Sendable, Hashable, CustomStringConvertible {
    public var leaf: ConditionLeaf
    /// What the lead had: a property value, a count of events, a local time; nil when missing.
    public var actual: Value?
    public var matched: Bool

    public var expected: String { leaf.value?.quotedDescription ?? "—" }
    public var actualText: String { actual?.quotedDescription ?? "missing" }

    /// `email.opened at_least 2 (within 7d): expected 2, actual 1 → no`
    public var description: String {
        var window = ""
        if let within = leaf.within {
            window = leaf.since == .lastSend ? " (within \(within) of the last send)" : " (within \(within))"
        }
        return "\(leaf.field) \(leaf.op.rawValue)\(window): expected \(expected), actual \(actualText) → "
            + (matched ? "yes" : "no")
    }
}

public struct ConditionEvaluation: Sendable, Hashable {
    public var matched: Bool
    /// Every leaf, in file order, evaluated (no short-circuit, so the explanation is complete).
    public var leaves: [LeafExplanation]
}

/// Evaluates conditions against a lead. Pure and deterministic.
///
/// Comparisons: strings compare case-insensitively; a string that reads as a number compares
/// as one; `HH:MM` and ISO dates order as times. A missing value fails every operator but
/// `not_equals`, `not_contains`, `not_in` and `not_exists`.
public enum ConditionEvaluator {
    public static func evaluate(_ condition: Condition, in context: EvaluationContext) -> ConditionEvaluation
    {
        // Room for a typical condition's leaves in one allocation, not one per growth.
        var leaves: [LeafExplanation]? = []
        leaves?.reserveCapacity(4)
        let matched = evaluate(condition, context, &leaves)
        return ConditionEvaluation(matched: matched, leaves: leaves ?? [])
    }

    /// Whether the condition holds, without the explanation: `evaluate(_:in:).matched`,
    /// stopping at the first item that decides an `all` or an `any`.
    public static func holds(_ condition: Condition, in context: EvaluationContext) -> Bool {
        var noExplanation: [LeafExplanation]?
        return evaluate(condition, context, &noExplanation)
    }

    /// The verdict, appending each leaf evaluated to `leaves` unless it is nil (then an `all`
    /// or `any` stops once decided; with an explanation every leaf is evaluated).
    private static func evaluate(
        _ condition: Condition, _ context: EvaluationContext, _ leaves: inout [LeafExplanation]?
    ) -> Bool {
        let explaining = leaves != nil
        switch condition {
        case .all(let items):
            var matched = true
            for item in items where !evaluate(item, context, &leaves) {
                matched = false
                if !explaining { break }
            }
            return matched
        case .any(let items):
            var matched = false
            for item in items where evaluate(item, context, &leaves) {
                matched = true
                if !explaining { break }
            }
            return matched
        case .not(let inner):
            return !evaluate(inner, context, &leaves)
        case .leaf(let leaf):
            let actual = FieldResolver.actual(leaf, in: context)
            // A behavior field is a count: it "exists" when the lead did it at least once.
            let matched =
                leaf.type == .behavior && leaf.op.isUnary
                ? ((actual?.number ?? 0) > 0) == (leaf.op == .exists)
                : compare(actual, leaf.op, leaf.value)
            leaves?.append(LeafExplanation(leaf: leaf, actual: actual, matched: matched))
            return matched
        }
    }

    /// Applies an operator to what the lead had and what the condition expects.
    public static func compare(_ actual: Value?, _ op: ConditionOperator, _ expected: Value?) -> Bool {
        let present = actual.map { $0 != .null && $0 != .string("") } ?? false
        switch op {
        case .exists: return present
        case .notExists: return !present
        case .equals: return present && equal(actual, expected)
        case .notEquals: return !(present && equal(actual, expected))
        case .contains: return present && contains(actual, expected)
        case .notContains: return !(present && contains(actual, expected))
        case .in: return present && (expected?.list ?? []).contains { equal(actual, $0) }
        case .notIn: return !(present && (expected?.list ?? []).contains { equal(actual, $0) })
        case .greaterThan: return order(actual, expected).map { $0 > 0 } ?? false
        case .lessThan: return order(actual, expected).map { $0 < 0 } ?? false
        case .atLeast: return order(actual, expected).map { $0 >= 0 } ?? false
        case .atMost: return order(actual, expected).map { $0 <= 0 } ?? false
        case .between:
            guard let bounds = expected?.list, bounds.count == 2,
                let low = order(actual, bounds[0]), let high = order(actual, bounds[1])
            else { return false }
            // Clock times whose bounds run backwards wrap midnight: 22:00-06:00.
            if let from = bounds[0].string.flatMap(TimeOfDay.init(parsing:)),
                let to = bounds[1].string.flatMap(TimeOfDay.init(parsing:)), from > to
            {
                return low >= 0 || high <= 0
            }
            return low >= 0 && high <= 0
        }
    }

    static func equal(_ a: Value?, _ b: Value?) -> Bool {
        guard let a, let b else { return false }
        if let x = numeric(a), let y = numeric(b) { return x == y }
        switch (a, b) {
        case (.string(let x), .string(let y)): return equalIgnoringCase(x, y)
        case (.bool(let x), .bool(let y)): return x == y
        case (.bool(let x), .string(let y)), (.string(let y), .bool(let x)):
            return y.lowercased() == String(x)
        default: return a == b
        }
    }

    static func contains(_ haystack: Value?, _ needle: Value?) -> Bool {
        guard let haystack, let needle else { return false }
        if let items = haystack.list { return items.contains { equal($0, needle) } }
        return haystack.description.lowercased().contains(needle.description.lowercased())
    }

    /// -1, 0 or 1 when both sides order as numbers, clock times or dates; nil otherwise.
    static func order(_ a: Value?, _ b: Value?) -> Int? {
        guard let a, let b else { return nil }
        if let x = numeric(a), let y = numeric(b) { return x < y ? -1 : (x > y ? 1 : 0) }
        if let x = a.string.flatMap(TimeOfDay.init(parsing:)),
            let y = b.string.flatMap(TimeOfDay.init(parsing:))
        {
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        if let x = a.string.flatMap(ISODate.parse), let y = b.string.flatMap(ISODate.parse) {
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        return nil
    }

    static func numeric(_ v: Value) -> Double? {
        switch v {
        case .number(let n): return n
        case .string(let s):
            // Most strings compared are words: only one that starts like a number is parsed.
            // (Infinity and NaN parse but are refused; non-ASCII may be a space to trim.)
            guard let first = s.utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "-")
                    || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") || first >= 0x80
            else { return nil }
            return Double(s.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
        default: return nil
        }
    }

    /// `caseInsensitiveCompare(_:) == .orderedSame`, without Foundation when both are ASCII.
    static func equalIgnoringCase(_ x: String, _ y: String) -> Bool {
        let a = x.utf8
        let b = y.utf8
        guard a.allSatisfy({ $0 < 0x80 }), b.allSatisfy({ $0 < 0x80 }) else {
            return x.caseInsensitiveCompare(y) == .orderedSame
        }
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { lower($0) == lower($1) }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
