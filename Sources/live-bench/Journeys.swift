/// The bench's journeys. `benchPolicy` lifts the runaway guard's ceilings: a benchmark sends
/// and steps far more in a minute than a journey would be let to.
enum BenchJourneys {
    /// Enters on `enroll_long` and waits a day: the 99,000 executions that are only waiting.
    static let long = """
        journey: bench-long
        name: Bench long wait
        entry:
          trigger: { type: event, event: enroll_long }
          reentry: never
          next: hold
        nodes:
          - id: hold
            kind: wait
            wait: { for: 1d }
            next: done
          - id: done
            kind: exit
            reason: waited
        \(benchPolicy)
        """

    /// Enters on `enroll_burst`, waits 20 s, sends an email: the 1,000 that fall due together.
    static let burst = """
        journey: bench-burst
        name: Bench burst
        entry:
          trigger: { type: event, event: enroll_burst }
          reentry: never
          next: hold
        nodes:
          - id: hold
            kind: wait
            wait: { for: 20s }
            next: mail
          - id: mail
            kind: action
            action: { type: send, channel: email, template: burst }
            next: done
          - id: done
            kind: exit
            reason: sent
        \(benchPolicy)
        """

    /// Several steps with two sends, on creation: the sustained load.
    static let steps = """
        journey: bench-steps
        name: Bench steps
        entry:
          trigger: { type: event, event: lead.created }
          reentry: never
          next: first
        nodes:
          - id: first
            kind: action
            action: { type: send, channel: email, template: first }
            next: mark
          - id: mark
            kind: action
            action: { type: update, field: stage, value: welcomed }
            next: pause
          - id: pause
            kind: wait
            wait: { for: 0s }
            next: second
          - id: second
            kind: action
            action: { type: send, channel: email, template: second }
            next: done
          - id: done
            kind: exit
            reason: series complete
        \(benchPolicy)
        """

    /// Waits 5 minutes after creation, then sends: the executions a restart finds overdue.
    static let restart = """
        journey: bench-restart
        name: Bench restart
        entry:
          trigger: { type: event, event: lead.created }
          reentry: never
          next: hold
        nodes:
          - id: hold
            kind: wait
            wait: { for: 5m }
            next: mail
          - id: mail
            kind: action
            action: { type: send, channel: email, template: late }
            next: done
          - id: done
            kind: exit
            reason: sent
        \(benchPolicy)
        """
}
