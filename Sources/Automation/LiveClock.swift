import Foundation

/// Where the live runtime reads the time. The system clock in `cairn serve`; tests and
/// benchmarks step a clock of their own through `LiveRuntime.iterate(at:)`.
public protocol LiveClock: Sendable {
    func now() -> Date
}

public struct SystemClock: LiveClock {
    public init() {}
    public func now() -> Date { Date() }
}
