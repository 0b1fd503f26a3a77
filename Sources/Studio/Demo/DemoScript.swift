import Foundation

/// What the trainer says at each step of `cairn demo`: a caption per step (the journey, its
/// replay, its dashboard), and the dashboard panel that proves the point. Captions name their
/// figures as `{in:node}` (leads arriving at the node), `{pct:node}` (that as a share of the
/// entries), `{entries}` and `{conversions}`; `DemoCaption` fills them from the run. This is
/// the demo's own data: journey files keep their `description`, which the first step shows.
struct DemoScript: Sendable, Hashable {
    enum Step: Int, CaseIterable, Sendable {
        case journey, replay, dashboard

        var title: String {
            switch self {
            case .journey: return "the journey"
            case .replay: return "the replay"
            case .dashboard: return "the dashboard"
            }
        }
    }

    /// Step 1, after the journey's description.
    var journey: String
    /// Step 2, once the replay has finished.
    var replay: String
    /// Step 3, over the dashboard, which opens on `panel`.
    var dashboard: String
    var panel: DashboardPanel

    /// The script of a journey, or a plain one for a journey the demo has no words for.
    static func of(_ journey: String) -> DemoScript {
        scripts[journey]
            ?? DemoScript(
                journey: "Enter replays it over the demo cohort.",
                replay: "{entries} leads entered; {conversions} converted.",
                dashboard: "The funnel: how many leads reached each step of the main path.", panel: .funnel)
    }

    static let scripts: [String: DemoScript] = [
        "welcome-series": DemoScript(
            journey:
                "Four touches in a week. At opened-welcome, leads who did not open the welcome email get an SMS nudge.",
            replay:
                "{entries} leads entered. {in:sms-nudge} ({pct:sms-nudge}) did not open the welcome email and got the SMS; {in:special-offer} reached the day-7 offer.",
            dashboard:
                "The funnel follows the main path from the welcome email to the offer: leads per step and the share of entries.",
            panel: .funnel),
        "re-engagement": DemoScript(
            journey:
                "Dormant leads get a win-back email, then an SMS, then a last try on chat. Each wait listens for an answer; silence moves the lead on.",
            replay:
                "{in:sms-nudge} stayed silent after the email and got the SMS, {in:chat-final-attempt} the chat. {in:reactivated} answered and re-engaged; {in:mark-dormant} stayed dormant.",
            dashboard:
                "Channels: what email, SMS and chat each sent, and the opens, clicks and replies they drew.",
            panel: .channels),
        "high-intent-fast-track": DemoScript(
            journey:
                "Hot leads (score 80+, or two clicks in a week) get an SMS at once, a booking link, an opportunity in the CRM and a human rep.",
            replay:
                "{entries} hot leads entered. {in:rep-follow-up} clicked the booking link and the rep calls; {in:booking-reminder} needed a reminder; {in:not-booked} never clicked.",
            dashboard: "Handoffs: how many leads went to a human rep, to whom, and how long they waited.",
            panel: .handoffs),
        "geographic-campaigns": DemoScript(
            journey:
                "A weekly campaign by region: the decision reads the lead's state code (CA, NY, TX…), then an A/B-tested offer with a 10% holdout.",
            replay:
                "West coast {in:west-coast}, northeast {in:northeast}, Texas {in:texas}, national {in:national}. {in:offer-test} reached the A/B offer; {in:dealer-alert} were near a dealer.",
            dashboard:
                "A/B: cash rebate against low APR, each against the 10% holdout: leads, conversions, lift and its 95% interval.",
            panel: .abTest),
    ]
}
