import Foundation
import Testing

@testable import JourneyModel

/// Files no one should feed Cairn still get one clear, located error — never a crash or hang.
@Suite struct HostileFileTests {
    func only(_ bytes: [UInt8]) -> [String] {
        JourneyReader.readAndValidate(bytes: bytes, file: "h.yaml").diagnostics.map(\.description)
    }

    @Test func emptyFile() {
        #expect(
            only([]) == ["h.yaml:1:1: error: file is empty; expected a journey (see docs/journey-format.md)"])
        #expect(only(Array("\n  \n# just a comment\n".utf8)) == only([]))
    }

    @Test func binaryFile() {
        let bytes: [UInt8] = Array("journey: x\n".utf8) + [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]
        #expect(only(bytes) == ["h.yaml:2:5: error: file looks binary (NUL byte); expected YAML text"])
    }

    @Test func notUTF8() {
        let bytes: [UInt8] = Array("journey: x\nname: caf".utf8) + [0xE9] + Array("\n".utf8)
        #expect(only(bytes) == ["h.yaml:2:10: error: file is not valid UTF-8 (byte 0xE9)"])
    }

    @Test func aYAMLScalarIsNotAJourney() {
        #expect(
            only(Array("just words\n".utf8)) == [
                "h.yaml:1:1: error: expected a journey: a mapping with keys journey, name, entry and nodes; found 'just words'"
            ])
    }

    @Test func aliasBomb() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in 1...12 {
            let name = "l\(level)"
            text +=
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
                + "]\n"
            previous = name
        }
        let bytes = Array(text.utf8)
        let box = ResultBox()
        #expect(
            finishes(within: 10) { box.set(JourneyReader.read(bytes: bytes, file: "h.yaml").diagnostics) })
        let found = box.get().map(\.description)
        #expect(
            found == [
                "h.yaml:1:1: error: document expands to more than 200000 YAML nodes (an alias bomb?); refusing it"
            ])
    }

    @Test func flowNestingThousandsDeep() {
        let text =
            "journey: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        let box = ResultBox()
        #expect(finishes(within: 10) { box.set(JourneyReader.read(text, file: "h.yaml").diagnostics) })
        #expect(
            box.get().map(\.description) == [
                "h.yaml:1:74: error: nesting is too deep (more than 64 levels of [ or {)"
            ])
    }

    @Test func blockNestingThousandsDeep() {
        let text = "journey:\n" + String(repeating: "- ", count: 3000) + "x\n"
        let box = ResultBox()
        #expect(finishes(within: 10) { box.set(JourneyReader.read(text, file: "h.yaml").diagnostics) })
        #expect(
            box.get().map(\.description) == [
                "h.yaml:2:401: error: nesting is too deep (indented past column 400)"
            ])
    }

    @Test func tensOfMegabytes() {
        let line = Array("# padding padding padding padding padding padding padding padding\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20 << 20)
        while bytes.count < 20 << 20 { bytes += line }
        let file = bytes
        let box = ResultBox()
        #expect(finishes(within: 10) { box.set(JourneyReader.read(bytes: file, file: "h.yaml").diagnostics) })
        #expect(
            box.get().map(\.description) == [
                "h.yaml:1:1: error: file is over 1.0 MiB; a journey file may be at most that large"
            ])
    }

    @Test func duplicateKeys() {
        let text = "journey: a\njourney: b\n"
        #expect(only(Array(text.utf8)) == ["h.yaml:1:1: error: duplicate key 'journey' in a mapping"])
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<300 {
            let length = Int(generator.next() % 400)
            let alphabet = Array("journey: name:-[]{}&*!|>'\"%@`#\n \t:,?abc123".utf8)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let result = JourneyReader.readAndValidate(bytes: bytes, file: "r.yaml")
            #expect(result.journey != nil || result.diagnostics.hasErrors)
        }
    }
}

/// Carries a value out of a thread for the hang guard.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: [Diagnostic] = []

    func set(_ v: [Diagnostic]) { lock.withLock { value = v } }
    func get() -> [Diagnostic] { lock.withLock { value } }
}

/// A tiny deterministic generator for fuzz-style tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
