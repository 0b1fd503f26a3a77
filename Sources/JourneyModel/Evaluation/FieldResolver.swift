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
        let events = context.events(matching: leaf.field)
        guard let within = leaf.within else { return events.count }
        let span = TimeInterval(within.seconds)
        switch leaf.since ?? .now {
        case .now:
            let start = context.now.addingTimeInterval(-span)
            return events.filter { $0.time >= start }.count
        case .lastSend:
            let channel = leaf.field.split(separator: ".").first.flatMap { Channel(rawValue: String($0)) }
            let sends = context.events(matching: nil).filter {
                $0.type == "sent" && (channel == nil || $0.channel == channel)
            }
            guard let lastSend = sends.map(\.time).max() else { return 0 }
            let end = lastSend.addingTimeInterval(span)
            return events.filter { $0.time >= lastSend && $0.time <= end }.count
        }
    }

    static func engagement(_ leaf: ConditionLeaf, _ context: EvaluationContext) -> Value? {
        var events = context.events(matching: nil)
        if let within = leaf.within {
            let start = context.now.addingTimeInterval(-TimeInterval(within.seconds))
            events = events.filter { $0.time >= start }
        }
        func count(_ type: String) -> Int { events.filter { $0.type == type }.count }
        let responses = events.filter { KnownEvent.responses.contains($0.type) }
        switch leaf.field {
        case "score": return context.lead.properties["score"] ?? .number(0)
        case "opens": return .number(Double(count("opened")))
        case "clicks": return .number(Double(count("clicked")))
        case "replies": return .number(Double(count("replied")))
        case "responses": return .number(Double(responses.count))
        case "messages": return .number(Double(count("sent")))
        case "response_rate":
            let sent = count("sent")
            return .number(sent == 0 ? 0 : Double(responses.count) / Double(sent))
        case "days_since_last_response":
            guard let last = responses.map(\.time).max() else { return nil }
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
