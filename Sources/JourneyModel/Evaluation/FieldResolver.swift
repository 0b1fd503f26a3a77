import Foundation

/// What a leaf's field holds for a lead at the context's time: a property, a count of
/// events in a window, an engagement figure, or the local clock in the lead's time zone.
enum FieldResolver {
    static func actual(_ leaf: ConditionLeaf, in context: EvaluationContext) -> Value? {
        switch leaf.type {
        case .property: return context.lead.properties[leaf.field]
        case .behavior: return .number(Double(behaviorCount(leaf, context)))
        case .engagement: return engagement(leaf, context)
        case .time: return time(leaf.field, context)
        }
    }

    /// Events matching the field inside the leaf's window.
    static func behaviorCount(_ leaf: ConditionLeaf, _ context: EvaluationContext) -> Int {
        let field = leaf.field
        guard let within = leaf.within else { return context.count { $0.matches(field) } }
        let span = TimeInterval(within.seconds)
        switch leaf.since ?? .now {
        case .now:
            let start = context.now.addingTimeInterval(-span)
            return context.count { $0.time >= start && $0.matches(field) }
        case .lastSend:
            let channel = leaf.field.split(separator: ".").first.flatMap { Channel(rawValue: String($0)) }
            var lastSend: Date?
            for event in context.events where event.time <= context.now && event.type == "sent" {
                if channel == nil || event.channel == channel {
                    lastSend = max(lastSend ?? event.time, event.time)
                }
            }
            guard let lastSend else { return 0 }
            let end = lastSend.addingTimeInterval(span)
            return context.count { $0.time >= lastSend && $0.time <= end && $0.matches(field) }
        }
    }

    static func engagement(_ leaf: ConditionLeaf, _ context: EvaluationContext) -> Value? {
        if leaf.field == "score" { return context.lead.properties["score"] ?? .number(0) }
        let tally = EngagementTally(context, within: leaf.within)
        switch leaf.field {
        case "opens": return .number(Double(tally.opened))
        case "clicks": return .number(Double(tally.clicked))
        case "replies": return .number(Double(tally.replied))
        case "responses": return .number(Double(tally.responses))
        case "messages": return .number(Double(tally.sent))
        case "response_rate":
            return .number(tally.sent == 0 ? 0 : Double(tally.responses) / Double(tally.sent))
        case "days_since_last_response":
            guard let last = tally.lastResponse else { return nil }
            return .number((context.now.timeIntervalSince(last) / 86_400).rounded(.down))
        default: return nil
        }
    }

    static func time(_ field: String, _ context: EvaluationContext) -> Value? {
        let local = LocalTime.components(of: context.now, in: context.lead.timeZone)
        func days(since date: Date) -> Value {
            .number((context.now.timeIntervalSince(date) / 86_400).rounded(.down))
        }
        switch field {
        case "local_hour": return .number(Double(local.hour))
        case "local_time": return .string(TimeOfDay(hour: local.hour, minute: local.minute).description)
        case "weekday": return .string(local.weekday.rawValue)
        case "month": return .number(Double(local.month))
        case "date":
            return .string(
                String(format: "%04d-%02d-%02d", local.year, local.month, local.day))
        case "days_since_created": return days(since: context.lead.createdAt)
        case "days_since_entry": return context.enteredAt.map(days(since:))
        case "hours_since_entry":
            return context.enteredAt.map {
                .number((context.now.timeIntervalSince($0) / 3600).rounded(.down))
            }
        default: return nil
        }
    }
}

/// A lead's engagement up to the context's time (inside a window, if any), counted in one
/// pass over its events.
struct EngagementTally {
    var sent = 0
    var opened = 0
    var clicked = 0
    var replied = 0
    var lastResponse: Date?

    var responses: Int { opened + clicked + replied }

    init(_ context: EvaluationContext, within: JourneyDuration?) {
        let start = within.map { context.now.addingTimeInterval(-TimeInterval($0.seconds)) }
        for event in context.events where event.time <= context.now {
            if let start, event.time < start { continue }
            switch event.type {
            case "sent": sent += 1
            case "opened": opened += 1
            case "clicked": clicked += 1
            case "replied": replied += 1
            default: continue
            }
            if event.type != "sent" { lastResponse = max(lastResponse ?? event.time, event.time) }
        }
    }
}
