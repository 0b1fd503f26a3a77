import Foundation
import Testing

@testable import JourneyModel

/// The evaluator's allocation-free paths give the answers of the plain ones they replaced:
/// behavior-field matching, case-insensitive equality, numbers read from strings.
@Suite struct EvaluatorFastPathTests {
    @Test func behaviorFieldsMatchAsTheirBuiltNames() {
        let open = LeadEvent(
            leadID: "L", type: "opened", channel: .email, time: Date(timeIntervalSince1970: 0))
        let visit = LeadEvent(leadID: "L", type: "visited", time: Date(timeIntervalSince1970: 0))
        for field in [
            "email.opened", "opened", "sms.opened", "email.opene", "emailxopened", "email.openedx", ".opened",
        ] {
            #expect(open.matches(field) == (field == open.type || field == open.field), "\(field)")
        }
        for field in ["visited", "email.visited", "visite"] {
            #expect(visit.matches(field) == (field == visit.type || field == visit.field), "\(field)")
        }
    }

    @Test func caseInsensitiveEqualityAgreesWithFoundation() {
        let pairs = [
            ("California", "california"), ("CA", "ca"), ("CA", "CAL"), ("", ""), ("a", "b"), ("[", "{"),
            ("Ärger", "ärger"), ("straße", "STRASSE"), ("gold", "Gold "), ("@", "`"),
        ]
        for (x, y) in pairs {
            #expect(
                ConditionEvaluator.equalIgnoringCase(x, y) == (x.caseInsensitiveCompare(y) == .orderedSame),
                "\(x) \(y)")
        }
    }

    @Test func numbersReadFromStringsAsBefore() {
        let cases: [(String, Double?)] = [
            ("42", 42), (" 42 ", 42), ("\t-3.5", -3.5), ("+7", 7), (".5", 0.5), ("1e3", 1000), ("gold", nil),
            ("", nil), ("inf", nil), ("nan", nil), ("Infinity", nil), ("\u{00A0}12", 12), ("12abc", nil),
        ]
        for (text, expected) in cases {
            let before = Double(text.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
            #expect(before == expected, "\(text)")
            #expect(ConditionEvaluator.numeric(.string(text)) == expected, "\(text)")
        }
    }
}
