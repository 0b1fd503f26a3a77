/// A hand-computed fixture for replays of recorded history (docs/analytics.md, "Entry
/// diagnostics"): four leads, purchases spread over six months of 2025, and a win-back journey
/// on a weekly time trigger whose audience is "bought before, nothing in 90 days".
///
/// Fires are Mondays 09:00 UTC from 2025-01-06. The span runs from the first lead
/// (2025-01-01T00:00:00Z) to the last purchase (2025-06-30T12:00:00Z) plus the longest run of
/// waits (3d, then the 14d timeout): 2025-07-17T12:00:00Z, no Monday after 2025-07-14. With `within: 90d`: L-A enters 2025-04-07 (its
/// 2025-01-02 purchase 90 days past), L-D on 2025-05-05 (2025-02-03 + 90d), L-B on 2025-06-09
/// (2025-03-10 + 90d), L-C (never bought) never: 3 entries of 79 fires (14 + 23 + 28 + 14),
/// 76 refused: `purchase ≥ 1` 29 times (L-C 28, L-D on 2025-02-03 before its first purchase)
/// of 2 leads, `no purchase within 90d` 47 times (L-A 13, L-B 22, L-D 12) of 3 leads. The old
/// default (fires up to 90 days after each lead's creation) ends before any of those entries.
/// With `within: 400d` nobody enters: 108 fires (28 + 28 + 28 + 24), all refused; `no purchase
/// within 400d` refuses 79 fires (28 + 28 + 23) of 3 leads, `purchase ≥ 1` 29 of 2.
public enum WinBackFixture {
    public static let cohortJSONL = """
        {"type": "lead", "id": "L-A", "created_at": "2025-01-01T00:00:00Z", "consents": ["email"]}
        {"type": "lead", "id": "L-B", "created_at": "2025-01-01T00:00:00Z", "consents": ["email"]}
        {"type": "lead", "id": "L-C", "created_at": "2025-01-01T00:00:00Z", "consents": ["email"]}
        {"type": "lead", "id": "L-D", "created_at": "2025-02-01T00:00:00Z", "consents": ["email"]}
        {"type": "event", "lead_id": "L-A", "event": "purchase", "time": "2025-01-02T10:00:00Z"}
        {"type": "event", "lead_id": "L-B", "event": "purchase", "time": "2025-01-02T10:00:00Z"}
        {"type": "event", "lead_id": "L-B", "event": "purchase", "time": "2025-03-10T10:00:00Z"}
        {"type": "event", "lead_id": "L-B", "event": "purchase", "time": "2025-06-20T10:00:00Z"}
        {"type": "event", "lead_id": "L-D", "event": "purchase", "time": "2025-02-03T10:00:00Z"}
        {"type": "event", "lead_id": "L-D", "event": "purchase", "time": "2025-06-30T12:00:00Z"}

        """

    /// The journey, its audience's quiet window `within` (`90d`; `400d` refuses everyone), and
    /// its schedule (`weekly on mon at 09:00`).
    public static func journeyYAML(within: String = "90d", schedule: String = "weekly on mon at 09:00")
        -> String
    {
        """
        journey: win-back
        name: Win back
        entry:
          trigger: { type: time, schedule: "\(schedule)" }
          audience:
            all:
              - { type: behavior, field: purchase, operator: at_least, value: 1 }
              - { type: behavior, field: purchase, operator: not_exists, within: \(within) }
          reentry: never
          next: wait-3d
        nodes:
          - id: wait-3d
            kind: wait
            wait: { for: 3d }
            next: wait-purchase
          - id: wait-purchase
            kind: wait
            wait: { event: purchase, timeout: 14d }
            next: came-back
            on_timeout: lapsed
          - id: came-back
            kind: exit
            reason: bought again
          - id: lapsed
            kind: exit
            reason: still lapsed

        """
    }
}
