import Foundation
import Workspace

/// The JSON object a channel receives for one delivery attempt (docs/live.md, "Delivery"):
/// one line in a file channel, the body of an HTTP channel's POST. Canonical JSON (keys
/// sorted, no spaces), so the same attempt gives the same bytes.
public enum DeliveryObject {
    public static func json(_ entry: OutboxEntry, attempt: Int) -> JSON {
        let request = entry.request
        var fields: [String: JSON] = [
            "idempotency_key": .string(request.idempotencyKey),
            "journey": .string(request.journey),
            "version": .number(Double(request.version)),
            "node": .string(request.node),
            "lead_id": .string(request.leadID),
            "channel": .string(request.channel),
            "template": request.template.map(JSON.string) ?? .null,
            "requested_at": .number(request.requestedAt),
            "attempt": .number(Double(attempt)),
            "payload": request.payload,
        ]
        if let recipient = request.recipient { fields["to"] = .string(recipient) }
        return .object(fields)
    }

    /// The object as one line of text, without the newline.
    public static func text(_ entry: OutboxEntry, attempt: Int) -> String {
        JSONText.encode(json(entry, attempt: attempt))
    }
}
