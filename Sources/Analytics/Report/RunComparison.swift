/// Two runs side by side, with the difference (second − first) of every figure that has one.
public struct RunComparison: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public var section: String
        public var figure: String
        public var first: Double?
        public var second: Double?
        public var difference: Double? { first.flatMap { a in second.map { $0 - a } } }
        /// Rates print as percentages and their difference as points; counts and seconds as numbers.
        public var unit: Unit
    }

    public enum Unit: String, Sendable, Hashable, Codable {
        case count, rate, seconds
    }

    public var first: RunReport
    public var second: RunReport
    public var rows: [Row]

    public init(first: RunReport, second: RunReport) {
        self.first = first
        self.second = second
        var rows = RowBuilder(first: first, second: second)
        rows.addRunAndHealth()
        rows.addFunnel()
        rows.addDropoff()
        rows.addTimeInStage()
        rows.addSplits()
        rows.addChannels()
        rows.addHandoffs()
        self.rows = rows.rows
    }

    /// Keys of both, in first-seen order.
    static func union(_ a: [String], _ b: [String]) -> [String] {
        var seen: Set<String> = []
        return (a + b).filter { seen.insert($0).inserted }
    }
}

/// Collects the comparison's rows section by section: each figure read from both reports.
private struct RowBuilder {
    typealias Row = RunComparison.Row
    let first: RunReport
    let second: RunReport
    var rows: [Row] = []

    mutating func add(
        _ section: String, _ figure: String, _ unit: RunComparison.Unit, _ value: (RunReport) -> Double?
    ) {
        rows.append(
            Row(section: section, figure: figure, first: value(first), second: value(second), unit: unit))
    }

    static func count(_ n: Int?) -> Double? { n.map(Double.init) }

    /// A node's label in either report (the first's wins), else its id.
    func label(_ node: String) -> String {
        for report in [first, second] {
            if let stage = (report.funnel.allPaths + report.funnel.stages).first(where: { $0.node == node }) {
                return stage.label
            }
            if let stage = report.timeInStage.first(where: { $0.node == node }) { return stage.label }
        }
        return node
    }

    /// Keys of both reports, in first-seen order.
    func union(_ keys: (RunReport) -> [String]) -> [String] {
        RunComparison.union(keys(first), keys(second))
    }

    mutating func addRunAndHealth() {
        add("run", "entries", .count) { Self.count($0.run.entries) }
        add("run", "conversions", .count) { Self.count($0.run.conversions) }
        add("run", "conversion rate", .rate) { RunReportBuilder.share($0.run.conversions, $0.run.entries) }
        add("health", "execution success", .rate) { $0.health.successRate }
        for status in ["completed", "converted", "exited", "halted", "failed", "active"] {
            add("health", status, .count) { Self.count($0.health.byStatus[status]) }
        }
    }

    mutating func addFunnel() {
        for node in union({ $0.funnel.stages.map(\.node) }) {
            add("funnel", "\(label(node)) leads", .count) { r in
                Self.count(r.funnel.stages.first { $0.node == node }?.leads)
            }
            add("funnel", "\(label(node)) from entry", .rate) { r in
                r.funnel.stages.first { $0.node == node }?.rateFromEntry
            }
        }
    }

    mutating func addDropoff() {
        for key in union({ $0.dropoff.map { "\($0.node) \($0.reason)" } }) {
            add("dropoff", key, .count) { r in
                Self.count(r.dropoff.first { "\($0.node) \($0.reason)" == key }?.leads ?? 0)
            }
        }
    }

    mutating func addTimeInStage() {
        for node in union({ $0.timeInStage.map(\.node) }) {
            add("time in stage", "\(label(node)) p50", .seconds) { r in
                Self.count(r.timeInStage.first { $0.node == node }?.dwell.p50)
            }
            add("time in stage", "\(label(node)) p90", .seconds) { r in
                Self.count(r.timeInStage.first { $0.node == node }?.dwell.p90)
            }
        }
    }

    mutating func addSplits() {
        for key in union({ $0.splits.flatMap { s in s.paths.map { "\(s.node) \($0.path)" } } }) {
            add("a/b", "\(key) rate", .rate) { r in
                r.splits.flatMap { s in s.paths.map { ("\(s.node) \($0.path)", $0.rate) } }.first {
                    $0.0 == key
                }?.1 ?? nil
            }
        }
    }

    mutating func addChannels() {
        let figures: [(String, (ChannelRow) -> Int)] = [
            ("sent", { $0.sent }), ("opened", { $0.opened }), ("clicked", { $0.clicked }),
            ("replied", { $0.replied }), ("converted", { $0.converted }),
            ("unsubscribed", { $0.unsubscribed }),
        ]
        for channel in union({ $0.channels.map(\.channel) }) {
            for (figure, pick) in figures {
                add("channels", "\(channel) \(figure)", .count) { r in
                    Self.count(r.channels.first { $0.channel == channel }.map(pick))
                }
            }
        }
    }

    mutating func addHandoffs() {
        add("handoffs", "handoffs", .count) { Self.count($0.handoffs.total) }
        add("handoffs", "assigned", .count) { Self.count($0.handoffs.assigned) }
        add("handoffs", "never assigned", .count) { Self.count($0.handoffs.unassigned) }
        add("handoffs", "within 30s of all", .rate) { $0.handoffs.within30Seconds }
        add("handoffs", "queue wait p50", .seconds) { Self.count($0.handoffs.queueWaitP50) }
        add("handoffs", "queue wait p90", .seconds) { Self.count($0.handoffs.queueWaitP90) }
    }
}
