/// Why a schedule text was rejected, and where: `column` is 1-based, counted in
/// characters of the schedule text, so the validator can add it to the column
/// where the text starts in the journey file.
public struct ScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var column: Int

    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { "column \(column): \(message)" }
}
