/// A webhook that feeds lead events into a cohort: who signs its deliveries (the secret) and
/// how a payload maps onto a lead. Field paths are dotted (`contact.email`) into the JSON body.
public struct WebhookDefinition: Sendable, Hashable {
    /// The name in `POST /api/webhooks/NAME`, and the `name` of the `webhook` events it records
    /// (what a journey's `trigger: { type: webhook, webhook: NAME }` listens for).
    public var name: String
    /// The shared secret of the HMAC-SHA256 signatures.
    public var secret: String
    /// The cohort the leads and events go into; created (empty) when it does not exist yet.
    public var cohort: String
    /// Where the lead's id is in the payload.
    public var leadIDField: String
    /// Where the event's time is (ISO-8601 text or epoch seconds); nil: the signature's time.
    public var timeField: String?
    /// Payload field path → lead property set from it.
    public var propertyMap: [String: String]

    public init(
        name: String, secret: String, cohort: String = "webhooks", leadIDField: String,
        timeField: String? = nil, propertyMap: [String: String] = [:]
    ) {
        self.name = name
        self.secret = secret
        self.cohort = cohort
        self.leadIDField = leadIDField
        self.timeField = timeField
        self.propertyMap = propertyMap
    }

    /// Names are path segments: 1 to 64 letters, digits, `-`, `_` or `.`.
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count)
            && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_.".contains($0) }
    }
}

/// A webhook as listed: everything but its secret.
public struct WebhookSummary: Sendable, Hashable, Codable {
    public var name: String
    public var cohort: String
    public var leadIDField: String
    public var timeField: String?
    public var propertyMap: [String: String]
    public var deliveries: Int
    public var createdAt: Int64
    public var updatedAt: Int64
}

/// One signed delivery, already verified by its receiver.
public struct WebhookDelivery: Sendable, Hashable {
    public var webhook: String
    /// The signature as sent: unique per delivery, so the same one twice is a replay.
    public var signature: String
    /// The signature's timestamp, epoch seconds.
    public var signedAt: Int64
    public var payload: JSON

    public init(webhook: String, signature: String, signedAt: Int64, payload: JSON) {
        self.webhook = webhook
        self.signature = signature
        self.signedAt = signedAt
        self.payload = payload
    }
}

/// What a delivery recorded.
public struct WebhookReceipt: Sendable, Hashable, Codable {
    public var webhook: String
    public var cohort: String
    public var lead: String
    /// True when the lead was new to the cohort.
    public var leadCreated: Bool
    /// The `lead_events` row.
    public var eventID: Int64
    /// When the event occurred, epoch seconds.
    public var occurredAt: Int64
    /// The lead properties the payload set.
    public var properties: [String]
    /// What the delivery changed in the `live` cohort, for whatever acts on live arrivals.
    /// Not part of the JSON receipt.
    public var arrivals: [LiveArrival] = []

    enum CodingKeys: String, CodingKey {
        case webhook, cohort, lead, leadCreated, eventID, occurredAt, properties
    }
}
