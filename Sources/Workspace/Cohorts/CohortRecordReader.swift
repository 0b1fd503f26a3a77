import CSV
import Foundation
import JourneyModel

/// Reads cohort files record by record and checks every row with the import's rules and
/// words: duplicate leads, events for unknown leads, bad fields, located as `file:line`.
/// Pure: no SQLite. The rows that pass go to `accept`; an import stores them (see
/// `CohortImportSession`), a test replay keeps them in memory.
final class CohortRecordReader {
    /// Where the rows that pass go, in the order they are accepted.
    struct Accept {
        var lead: (LeadRow) throws -> Void
        var event: (EventRow) throws -> Void
    }

    /// What a lead id seen before in the input means: a duplicate (an import: a cohort
    /// holds each lead once) or an update to apply in order (live records).
    enum RepeatedLeads { case refused, updates }

    private let accept: Accept
    var repeatedLeads = RepeatedLeads.refused
    /// Leads already stored, which events may name though the input does not bring them (the
    /// live cohort); nil for an import, whose cohort starts empty.
    var storedLead: ((String) throws -> Bool)?
    private var rules = RecordRules()
    /// Lead id → the line it came from, for duplicate messages and event checks.
    private var leadLines: [String: Int] = [:]
    /// JSON Lines events whose lead had not appeared yet; settled when all files are read.
    private var forwardEvents: [(file: String, line: Int, row: EventRow)] = []
    private(set) var problems: [ImportProblem] = []
    private(set) var problemCount = 0
    /// A problem with a whole file (missing column, not text): never skippable.
    private(set) var hasFileProblem = false
    private(set) var leadCount = 0
    private(set) var eventCount = 0
    /// Told the rows accepted so far, every `progressInterval` rows.
    var progress: (@Sendable (Int) -> Void)?
    static let progressInterval = 50_000

    init(accept: Accept) {
        self.accept = accept
    }

    func report(_ file: String, _ line: Int, _ message: String) {
        problemCount += 1
        if problems.count < ImportReport.maxKeptProblems {
            problems.append(ImportProblem(file: file, line: line, message: message))
        }
    }

    func reportFile(_ file: String, _ line: Int, _ message: String) {
        hasFileProblem = true
        report(file, line, message)
    }

    // MARK: Rows

    func addLead(_ row: LeadRow, file: String, line: Int) throws {
        if let first = leadLines[row.id], repeatedLeads == .refused {
            report(file, line, "duplicate lead id '\(row.id)' (first on line \(first))")
            return
        }
        if leadLines[row.id] == nil { leadLines[row.id] = line }
        try accept.lead(row)
        leadCount += 1
        reportProgress()
    }

    func addEvent(_ row: EventRow, file: String, line: Int, leadMayComeLater: Bool) throws {
        guard try isKnown(row.leadID) else {
            if leadMayComeLater {
                forwardEvents.append((file, line, row))
            } else {
                report(file, line, "event for unknown lead '\(row.leadID)'")
            }
            return
        }
        try insertEvent(row)
    }

    private func isKnown(_ leadID: String) throws -> Bool {
        if leadLines[leadID] != nil { return true }
        return try storedLead?(leadID) ?? false
    }

    private func insertEvent(_ row: EventRow) throws {
        try accept.event(row)
        eventCount += 1
        reportProgress()
    }

    private func reportProgress() {
        let rows = leadCount + eventCount
        if rows % Self.progressInterval == 0 { progress?(rows) }
    }

    /// Settles the events whose lead never came: call once every file is read.
    func finish() throws {
        for pending in forwardEvents {
            if leadLines[pending.row.leadID] != nil {
                try insertEvent(pending.row)
            } else {
                report(pending.file, pending.line, "event for unknown lead '\(pending.row.leadID)'")
            }
        }
        forwardEvents = []
    }

    // MARK: CSV

    /// What a CSV file holds, told by its header: `id` for leads, `lead_id` for events.
    enum CSVKind { case leads, events }

    static func csvKind(of input: CohortImportInput) -> CSVKind? {
        guard let stream = input.open(),
            let reader = try? CSVReader(stream: stream, hasHeaderRow: true),
            let header = reader.headerRow?.map(Self.cleanHeader)
        else { return nil }
        if header.contains("id") { return .leads }
        if header.contains("lead_id") { return .events }
        return nil
    }

    static func cleanHeader(_ name: String) -> String {
        var name = name
        if name.hasPrefix("\u{FEFF}") { name.removeFirst() }
        return name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    func importCSV(_ input: CohortImportInput, kind: CSVKind) throws {
        guard let stream = input.open() else {
            reportFile(input.name, 0, "cannot open the file")
            return
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch {
            reportFile(input.name, 1, "cannot read a CSV header row")
            return
        }
        guard let rawHeader = reader.headerRow, rawHeader != [""] else {
            reportFile(input.name, 1, "file is empty; expected a CSV header row")
            return
        }
        let header = rawHeader.map(Self.cleanHeader)
        let required = kind == .leads ? ["id", "created_at"] : ["lead_id", "type", "time"]
        for column in required where !header.contains(column) {
            reportFile(
                input.name, 1,
                "missing column '\(column)' in the header (columns: \(header.joined(separator: ", ")))")
        }
        if let duplicate = Dictionary(grouping: header, by: { $0 }).first(where: { $0.value.count > 1 })?.key
        {
            reportFile(input.name, 1, "column '\(duplicate)' appears twice in the header")
        }
        if hasFileProblem { return }
        let columns = CSVColumns(header: header, known: kind == .leads ? Self.leadColumns : Self.eventColumns)
        var line = 1 + Self.newlines(in: rawHeader) + 1
        while let fields = reader.next() {
            let rowLine = line
            line += 1 + Self.newlines(in: fields)
            if let error = Self.readFailure(reader) {
                reportFile(input.name, rowLine, "cannot read the file: \(error)")
                return
            }
            if fields.count == 1, fields[0].isEmpty { continue }  // blank line
            guard fields.count == header.count else {
                report(
                    input.name, rowLine, "row has \(fields.count) fields but the header has \(header.count)")
                continue
            }
            switch kind {
            case .leads: try csvLead(fields, columns, file: input.name, line: rowLine)
            case .events: try csvEvent(fields, columns, file: input.name, line: rowLine)
            }
        }
        if let error = Self.readFailure(reader) {
            reportFile(input.name, line, "cannot read the file: \(error)")
        }
    }

    /// CSV.swift reports the end of the stream as `cannotReadFile`; only other errors are failures.
    static func readFailure(_ reader: CSVReader) -> String? {
        guard let error = reader.error else { return nil }
        guard let csvError = error as? CSVError else { return "\(error)" }
        switch csvError {
        case .cannotReadFile: return nil
        case .unicodeDecoding: return "it is not UTF-8 text"
        case .streamErrorHasOccurred(let underlying): return underlying.localizedDescription
        default: return "\(csvError)"
        }
    }

    /// Lines a row spans beyond its first: quoted fields may hold line breaks.
    static func newlines(in fields: [String]) -> Int {
        var count = 0
        for field in fields where field.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            var previousCR = false
            for byte in field.utf8 {
                if byte == 0x0A {
                    if !previousCR { count += 1 }
                    previousCR = false
                } else if byte == 0x0D {
                    count += 1
                    previousCR = true
                } else {
                    previousCR = false
                }
            }
        }
        return count
    }

    static let leadColumns: Set<String> = ["id", "created_at", "time_zone", "consents"]
    static let eventColumns: Set<String> = ["lead_id", "type", "channel", "time"]

    private func csvLead(_ fields: [String], _ columns: CSVColumns, file: String, line: Int) throws {
        do {
            let id = try rules.leadID(columns.value("id", in: fields)).get()
            let createdAt = try rules.instant(columns.value("created_at", in: fields), field: "created_at")
                .get()
            let zone = try rules.timeZone(columns.value("time_zone", in: fields)).get()
            let consents = try rules.consents(columns.value("consents", in: fields)).get()
            var properties: [String: Value] = [:]
            for (index, name) in columns.others {
                if let value = CSVValue.infer(fields[index]) { properties[name] = value }
            }
            try addLead(
                LeadRow(
                    id: id, createdAt: createdAt, timeZone: zone, consents: consents,
                    propertiesJSON: JSONText.encode(properties)), file: file, line: line)
        } catch let problem as RowProblem {
            report(file, line, problem.message)
        }
    }

    private func csvEvent(_ fields: [String], _ columns: CSVColumns, file: String, line: Int) throws {
        do {
            let leadID = try rules.leadID(columns.value("lead_id", in: fields)).get()
            let type = try rules.eventType(columns.value("type", in: fields)).get()
            let channel = try rules.channel(columns.value("channel", in: fields)).get()
            let time = try rules.instant(columns.value("time", in: fields), field: "time").get()
            var data: [String: Value] = [:]
            for (index, name) in columns.others {
                if let value = CSVValue.infer(fields[index]) { data[name] = value }
            }
            try addEvent(
                EventRow(
                    leadID: leadID, type: type, channel: channel, occurredAt: time,
                    dataJSON: data.isEmpty ? nil : JSONText.encode(data)), file: file, line: line,
                leadMayComeLater: false)
        } catch let problem as RowProblem {
            report(file, line, problem.message)
        }
    }

    // MARK: JSON Lines

    static let leadFields = ["type", "id", "created_at", "time_zone", "consents", "properties"]
    static let eventFields = ["type", "lead_id", "event", "channel", "time", "data"]

    func importJSONLines(_ input: CohortImportInput) throws {
        guard let stream = input.open() else {
            reportFile(input.name, 0, "cannot open the file")
            return
        }
        var lines = LineReader(stream: stream)
        var number = 0
        while let (bytes, tooLong) = lines.next() {
            number += 1
            if tooLong {
                report(input.name, number, "line is longer than \(LineReader.maxLineBytes / (1 << 20)) MiB")
                continue
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                report(input.name, number, "line is not UTF-8 text")
                continue
            }
            do {
                let json = try JSON.parse(text)
                try jsonRecord(json, file: input.name, line: number)
            } catch let error as JSONSyntaxError {
                report(input.name, number, "not JSON: \(error.message) (column \(error.column))")
            } catch let problem as RowProblem {
                report(input.name, number, problem.message)
            }
        }
        if lines.failed {
            reportFile(input.name, number + 1, "cannot read the file (a read error)")
        }
    }

    private func jsonRecord(_ json: JSON, file: String, line: Int) throws {
        guard case .object(let fields) = json else {
            throw RowProblem(
                "expected a JSON object with \"type\": \"lead\" or \"event\", found \(json.kindName)")
        }
        guard let type = fields["type"] else { throw RowProblem("missing \"type\" (\"lead\" or \"event\")") }
        switch type.string {
        case "lead":
            try checkFields(fields, allowed: Self.leadFields, what: "a lead")
            let id = try rules.leadID(try text(fields["id"], "id")).get()
            let createdAt = try rules.instant(
                try text(fields["created_at"], "created_at"), field: "created_at"
            ).get()
            let zoneText = try text(fields["time_zone"], "time_zone")
            let zone = try rules.timeZone(zoneText).get()
            var consents = Set<Channel>()
            switch fields["consents"] {
            case nil, .null?: break
            case .array(let items)?:
                for item in items {
                    guard let name = item.string else {
                        throw RowProblem("\"consents\" must be a list of channel names")
                    }
                    guard let channel = Channel(rawValue: name.lowercased()) else {
                        throw rules.unknownChannel(name)
                    }
                    consents.insert(channel)
                }
            case .some(let other):
                throw RowProblem("\"consents\" must be a list of channel names, found \(other.kindName)")
            }
            let properties = try propertyValues(fields["properties"], what: "properties")
            var row = LeadRow(
                id: id, createdAt: createdAt, timeZone: zone, consents: consents,
                propertiesJSON: JSONText.encode(properties))
            row.timeZoneGiven = zoneText != nil
            row.consentsGiven = fields["consents"].map { $0 != .null } ?? false
            try addLead(row, file: file, line: line)
        case "event":
            try checkFields(fields, allowed: Self.eventFields, what: "an event")
            let leadID = try rules.leadID(try text(fields["lead_id"], "lead_id")).get()
            let eventType = try rules.eventType(try text(fields["event"], "event")).get()
            let channel = try rules.channel(try text(fields["channel"], "channel")).get()
            let time = try rules.instant(try text(fields["time"], "time"), field: "time").get()
            let data = try propertyValues(fields["data"], what: "data")
            try addEvent(
                EventRow(
                    leadID: leadID, type: eventType, channel: channel, occurredAt: time,
                    dataJSON: data.isEmpty ? nil : JSONText.encode(data)), file: file, line: line,
                leadMayComeLater: true)
        default:
            throw RowProblem("unknown record type \(JSONText.encode(type)) (expected \"lead\" or \"event\")")
        }
    }

    private func checkFields(_ fields: [String: JSON], allowed: [String], what: String) throws {
        for key in fields.keys.sorted() where !allowed.contains(key) {
            throw RowProblem(
                "unknown field \"\(key)\" in \(what)\(Suggestion.hint(for: key, among: allowed)) "
                    + "(fields: \(allowed.joined(separator: ", ")))")
        }
    }

    private func text(_ json: JSON?, _ field: String) throws -> String? {
        switch json {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case .some(let other): throw RowProblem("\"\(field)\" must be a string, found \(other.kindName)")
        }
    }

    private func propertyValues(_ json: JSON?, what: String) throws -> [String: Value] {
        switch json {
        case nil, .null?: return [:]
        case .object(let fields)?:
            var values: [String: Value] = [:]
            for (key, field) in fields {
                guard let value = field.propertyValue else {
                    throw RowProblem(
                        "\(what) field \"\(key)\" is an object; values are strings, numbers, booleans or lists"
                    )
                }
                values[key] = value
            }
            return values
        case .some(let other): throw RowProblem("\"\(what)\" must be an object, found \(other.kindName)")
        }
    }
}

/// Where each column of a CSV file is: the known ones by name, the rest as properties or data.
struct CSVColumns {
    private var positions: [String: Int] = [:]
    private(set) var others: [(index: Int, name: String)] = []

    init(header: [String], known: Set<String>) {
        for (index, name) in header.enumerated() {
            if known.contains(name) { positions[name] = index } else { others.append((index, name)) }
        }
    }

    func value(_ name: String, in fields: [String]) -> String? {
        positions[name].map { fields[$0] }
    }
}

/// How a CSV cell becomes a property value: `true`/`false` are booleans, plain numbers are
/// numbers — except ones with a leading zero such as zip codes (`02134`), which stay text —
/// an empty cell is no value, and anything else is text.
enum CSVValue {
    static func infer(_ text: String) -> Value? {
        if text.isEmpty { return nil }
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        let utf8 = Array(text.utf8)
        let digits = utf8.drop(while: { $0 == UInt8(ascii: "-") })
        let looksNumeric = utf8.allSatisfy {
            ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
        let leadingZero =
            digits.count > 1 && digits.first == 48 && digits.dropFirst().first != UInt8(ascii: ".")
        if looksNumeric, !leadingZero, let number = Double(text), number.isFinite { return .number(number) }
        return .string(text)
    }
}
