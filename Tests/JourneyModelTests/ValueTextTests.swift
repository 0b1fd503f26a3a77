import Testing

@testable import JourneyModel

/// Values typed in a form read as a journey file reads them, and write back as Cairn writes them.
@Suite struct ValueTextTests {
    @Test(arguments: [
        ("California", Value.string("California")), ("80", .number(80)), ("\"80\"", .string("80")),
        ("yes", .string("yes")), ("true", .bool(true)), ("21:00", .string("21:00")), ("null", .null),
        ("[CA, OR]", .list(["CA", "OR"])), ("[\"09:00\", \"17:00\"]", .list(["09:00", "17:00"])),
        ("-2.5", .number(-2.5)),
    ])
    func readsLikeTheFileFormat(text: String, expected: Value) throws {
        #expect(try ValueText.parse(text).get() == expected)
        #expect(try ValueText.parse(ValueText.write(expected)).get() == expected)
    }

    @Test func refusesWhatAFileRefuses() {
        guard case .failure(let mapping) = ValueText.parse("{ a: 1 }") else {
            Issue.record("read a mapping")
            return
        }
        #expect(
            mapping.message
                == "expected a value for 'value' (text, a number, true/false or a list), found a mapping")
        guard case .failure(let empty) = ValueText.parse("  ") else {
            Issue.record("read nothing")
            return
        }
        #expect(empty.message == "expected a value for 'value', found nothing")
        guard case .failure = ValueText.parse("[a, b") else {
            Issue.record("read an unclosed list")
            return
        }
    }
}
