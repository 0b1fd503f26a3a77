import ReplayEngine

/// Keeps a live engine's records until the runtime takes them to write with the step.
final class LiveRecorder: ReplayRecorder {
    private var records: [ReplayRecord] = []

    func record(_ record: ReplayRecord) {
        records.append(record)
    }

    func finish(_ summary: ReplaySummary) {}

    /// The records since the last call, in order.
    func take() -> [ReplayRecord] {
        defer { records = [] }
        return records
    }
}
