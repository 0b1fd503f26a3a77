import Foundation
import ReplayEngine
import Testing

@testable import JourneyModel
@testable import Workspace

@Suite struct EpochSecondsTests {
    @Test func parsesTheISOFormsFilesUse() {
        #expect(EpochSeconds.parse("1970-01-01") == 0)
        #expect(EpochSeconds.parse("2026-11-02T09:30:00Z") == 1_793_611_800)
        #expect(EpochSeconds.parse("2026-11-02T11:30:00+02:00") == 1_793_611_800)
        #expect(EpochSeconds.parse("2026-11-02T04:00:00-0530") == 1_793_611_800)
        #expect(EpochSeconds.parse("2026-11-02 09:30:00.750Z") == 1_793_611_800)
        #expect(EpochSeconds.parse("2028-02-29") != nil)
        #expect(EpochSeconds.parse("1969-12-31T23:59:59Z") == -1)
    }

    @Test func refusesWhatIsNotAnInstant() {
        for text in [
            "", "2026-13-01", "2026-02-29", "2026-11-02T09:30:00", "2026-11-02T24:00:00Z", "02/11/2026",
            "2026-11-02T09:30Zulu", "yesterday", "2026-1-2",
        ] {
            #expect(EpochSeconds.parse(text) == nil, "\(text) should not parse")
        }
    }

    @Test func formatsAsUTC() {
        #expect(EpochSeconds.format(1_793_611_800) == "2026-11-02T09:30:00Z")
        #expect(EpochSeconds.format(-1) == "1969-12-31T23:59:59Z")
        #expect(EpochSeconds.parse(EpochSeconds.format(951_782_400)) == 951_782_400)
    }
}

@Suite struct TextDiffTests {
    @Test func printsAUnifiedDiffWithContext() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n"
        let new = "a\nb\nc\nD\ne\nf\ng\nh\ni\n"
        #expect(
            TextDiff.unified(old, new, oldName: "v1", newName: "v2", context: 1) == """
                --- v1
                +++ v2
                @@ -3,3 +3,3 @@
                 c
                -d
                +D
                 e
                @@ -8 +8,2 @@
                 h
                +i

                """)
    }

    @Test func identicalTextsGiveNothing() {
        #expect(TextDiff.unified("a\nb\n", "a\nb\n", oldName: "x", newName: "y").isEmpty)
    }
}

@Suite struct HashAndValueTests {
    @Test func sha256MatchesKnownVectors() {
        #expect(
            ContentHash.sha256Hex(of: "")
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            ContentHash.sha256Hex(of: "abc")
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            ContentHash.sha256Hex(of: String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func csvCellsAreTypedAsASpreadsheetUserExpects() {
        #expect(CSVValue.infer("") == nil)
        #expect(CSVValue.infer("42") == .number(42))
        #expect(CSVValue.infer("-3.5") == .number(-3.5))
        #expect(CSVValue.infer("0") == .number(0))
        #expect(CSVValue.infer("0.5") == .number(0.5))
        #expect(CSVValue.infer("02134") == .string("02134"))
        #expect(CSVValue.infer("true") == .bool(true))
        #expect(CSVValue.infer("1e5") == .string("1e5"))
        #expect(CSVValue.infer("CA") == .string("CA"))
    }
}

@Suite struct WordTableTests {
    @Test func findsEveryWordItHoldsAcrossGrowth() {
        var table = WordTable()
        let words =
            (0..<300).map { "word-\($0)" } + ["", "é", "a much longer word than fits inline in a string"]
        for (value, word) in words.enumerated() { table.insert(word, Int64(value)) }
        #expect(table.count == words.count)
        for (value, word) in words.enumerated() { #expect(table.value(of: word) == Int64(value)) }
        #expect(table.value(of: "word-300") == nil)
        #expect(table.value(of: "Word-1") == nil)
    }

    @Test func runWordsNumberInTheOrderFirstSeen() {
        var words = RunWords()
        #expect(words.number("welcome") == 0)
        #expect(words.number("wait") == 1)
        #expect(words.number("welcome") == 0)
        #expect(words.list == ["welcome", "wait"])
    }

    @Test func runWordsNumberNodesByTheEnginesNumberAndOutcomesByTheirText() {
        var words = RunWords()
        #expect(words.number("welcome") == 0)
        func stay(_ node: String, _ number: Int, next: String?, label: String?, _ outcome: StayOutcome)
            -> NodeStay
        {
            NodeStay(
                execution: ExecutionKey(leadID: "L1", rotation: 1), nodeID: node, visit: 1,
                enteredAt: Date(timeIntervalSince1970: 0), exitedAt: nil, outcome: outcome, nextNodeID: next,
                edgeLabel: label, nodeNumber: number, nextNodeNumber: next == nil ? NodeStay.unnumbered : 7)
        }
        // Numbered by the engine: the word is found by the number once seen.
        #expect(words.node("split", numbered: 3) == 1)
        #expect(words.node("split", numbered: 3) == 1)
        #expect(words.node("welcome", numbered: 5) == 0)
        // Unnumbered ids are numbered by their text.
        #expect(words.node("lost", numbered: NodeStay.unnumbered) == 2)
        #expect(words.node("lost", numbered: NodeStay.unnumbered) == 2)
        // A node's outcome is remembered for the next stay, and changes with the label.
        #expect(words.outcome(of: stay("split", 3, next: "a", label: "variant-a", .next)) == 3)
        #expect(words.outcome(of: stay("split", 3, next: "a", label: "variant-a", .next)) == 3)
        #expect(words.outcome(of: stay("split", 3, next: "b", label: "variant-b", .next)) == 4)
        #expect(words.outcome(of: stay("split", 3, next: nil, label: nil, .holdout)) == 5)
        #expect(words.outcome(of: stay("welcome", 5, next: nil, label: "", .completed)) == 6)
        #expect(words.outcome(of: stay("lost", NodeStay.unnumbered, next: nil, label: nil, .failed)) == 7)
        #expect(
            words.list == [
                "welcome", "split", "lost", "variant-a", "variant-b", "holdout", "completed", "failed",
            ])
    }
}

@Suite struct VerdictsTextTests {
    static func verdict(_ actual: Value?, matched: Bool) -> LeafVerdict {
        LeafVerdict(
            branchIndex: 0,
            explanation: LeafExplanation(
                leaf: ConditionLeaf(type: .property, field: "company", op: .equals, value: "x"),
                actual: actual,
                matched: matched))
    }

    @Test func writesTheBitsThenTheActualValuesAsAJSONList() {
        let text = RecordedStay.verdictsText([
            Self.verdict(.number(43), matched: false), Self.verdict(nil, matched: true),
        ])
        #expect(text == #"01["43","missing"]"#)
        #expect(RecordedStay.verdictsText([]) == "[]")
    }

    @Test func escapesQuotesAndBackslashesAsTheCarefulPathDoes() throws {
        let verdicts = [
            Self.verdict(.string(#"Acme "West" \ co"#), matched: true),
            Self.verdict(.number(2.5), matched: false),
        ]
        let text = RecordedStay.verdictsText(verdicts)
        #expect(text == #"10["\"Acme \"West\" \\ co\"","2.5"]"#)
        #expect(text == RecordedStay.carefulVerdictsText(verdicts))
        #expect(
            try JSONSerialization.jsonObject(with: Data(text.dropFirst(2).utf8)) as? [String] == [
                #""Acme "West" \ co""#, "2.5",
            ])
    }

    @Test func takesTheCarefulPathForControlCharacters() {
        let verdicts = [Self.verdict(.string("line\nbreak\u{1}"), matched: true)]
        #expect(RecordedStay.verdictsText(verdicts) == RecordedStay.carefulVerdictsText(verdicts))
        #expect(RecordedStay.verdictsText(verdicts) == #"1["\"line\nbreak\u0001\""]"#)
    }
}

@Suite struct PathCounterTests {
    @Test func countsEachPathTakenByItsWords() {
        var counter = PathCounter(maxDistinct: 10, maxLength: 3)
        counter.count([0, 1, 2])
        counter.count([0, 1, 2])
        counter.count([0, 2])
        counter.count([0, 1])
        // Longer paths count as their first maxLength stays.
        counter.count([0, 1, 2, 1])
        counter.count([])
        #expect(
            counter.paths(words: ["entry", "email", "exit"]) == [
                "entry email exit": 3, "entry exit": 1, "entry email": 1, "": 1,
            ])
    }

    @Test func givesUpPastTheDistinctLimit() {
        var counter = PathCounter(maxDistinct: 2, maxLength: 8)
        counter.count([0])
        counter.count([1])
        #expect(counter.paths(words: ["a", "b", "c"]) == ["a": 1, "b": 1])
        counter.count([2])
        #expect(counter.gaveUp)
        #expect(counter.paths(words: ["a", "b", "c"]) == nil)
        counter.count([0])
        #expect(counter.paths(words: ["a", "b", "c"]) == nil)
    }
}
