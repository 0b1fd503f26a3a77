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
        var rows: [Row] = []
        func add(_ section: String, _ figure: String, _ unit: Unit, _ value: (RunReport) -> Double?) {
            rows.append(
                Row(section: section, figure: figure, first: value(first), second: value(second), unit: unit))
        }
        func count(_ n: Int?) -> Double? { n.map(Double.init) }

        add("run", "entries", .count) { count($0.run.entries) }
        add("run", "conversions", .count) { count($0.run.conversions) }
        add("run", "conversion rate", .rate) { RunReportBuilder.share($0.run.conversions, $0.run.entries) }
        add("health", "execution success", .rate) { $0.health.successRate }
        for status in ["completed", "converted", "exited", "halted", "failed", "active"] {
            add("health", status, .count) { count($0.health.byStatus[status]) }
        }
        for node in Self.union(first.funnel.stages.map(\.node), second.funnel.stages.map(\.node)) {
            add("funnel", "\(node) leads", .count) { r in
                count(r.funnel.stages.first { $0.node == node }?.leads)
            }
            add("funnel", "\(node) from entry", .rate) { r in
                r.funnel.stages.first { $0.node == node }?.rateFromEntry
            }
        }
        let dropKeys = Self.union(
            first.dropoff.map { "\($0.node) \($0.reason)" }, second.dropoff.map { "\($0.node) \($0.reason)" })
        for key in dropKeys {
            add("dropoff", key, .count) { r in
                count(r.dropoff.first { "\($0.node) \($0.reason)" == key }?.leads ?? 0)
            }
        }
        for node in Self.union(first.timeInStage.map(\.node), second.timeInStage.map(\.node)) {
            add("time in stage", "\(node) p50", .seconds) { r in
                count(r.timeInStage.first { $0.node == node }?.dwell.p50)
            }
            add("time in stage", "\(node) p90", .seconds) { r in
                count(r.timeInStage.first { $0.node == node }?.dwell.p90)
            }
        }
        let pathKeys = Self.union(
            first.splits.flatMap { s in s.paths.map { "\(s.node) \($0.path)" } },
            second.splits.flatMap { s in s.paths.map { "\(s.node) \($0.path)" } })
        for key in pathKeys {
            add("a/b", "\(key) rate", .rate) { r in
                r.splits.flatMap { s in s.paths.map { ("\(s.node) \($0.path)", $0.rate) } }.first {
                    $0.0 == key
                }?.1 ?? nil
            }
        }
        for channel in Self.union(first.channels.map(\.channel), second.channels.map(\.channel)) {
            for (figure, pick) in [
                ("sent", { (c: ChannelRow) in c.sent }), ("opened", { $0.opened }),
                ("clicked", { $0.clicked }),
                ("replied", { $0.replied }), ("converted", { $0.converted }),
                ("unsubscribed", { $0.unsubscribed }),
            ] {
                add("channels", "\(channel) \(figure)", .count) { r in
                    count(r.channels.first { $0.channel == channel }.map(pick))
                }
            }
        }
        add("handoffs", "handoffs", .count) { count($0.handoffs.total) }
        add("handoffs", "queue wait p50", .seconds) { count($0.handoffs.queueWaitP50) }
        add("handoffs", "queue wait p90", .seconds) { count($0.handoffs.queueWaitP90) }
        self.rows = rows
    }

    /// Keys of both, in first-seen order.
    static func union(_ a: [String], _ b: [String]) -> [String] {
        var seen: Set<String> = []
        return (a + b).filter { seen.insert($0).inserted }
    }
}
