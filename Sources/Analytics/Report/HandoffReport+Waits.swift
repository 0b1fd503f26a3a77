extension HandoffReport {
    /// The figures over all handoffs and over the assigned ones, from the assigned handoffs'
    /// queue waits: a handoff never assigned counts against the 30-second target.
    init(
        total: Int, assigned: Int, unassigned: Int, byReason: [Count], byRoute: [Count], agentLoad: [Count],
        queueWaitMean: Double?, queueWaitP50: Int?, queueWaitP90: Int?, waits: [Int]
    ) {
        let fast = waits.filter { $0 <= 30 }.count
        self.init(
            total: total, assigned: assigned, unassigned: unassigned, byReason: byReason, byRoute: byRoute,
            agentLoad: agentLoad, queueWaitMean: queueWaitMean, queueWaitP50: queueWaitP50,
            queueWaitP90: queueWaitP90, within30Seconds: total == 0 ? nil : Double(fast) / Double(total),
            within30SecondsOfAssigned: waits.isEmpty ? nil : Double(fast) / Double(waits.count),
            warning: unassigned == 0
                ? nil
                : "\(ReportFormat.count(unassigned)) of \(ReportFormat.count(total)) handoffs were never assigned: "
                    + "the queue had not drained when the run ended")
    }
}
