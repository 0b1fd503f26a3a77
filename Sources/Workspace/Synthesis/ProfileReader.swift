import JourneyModel
import Yams

/// Reads a behavior profile with located errors (`file:line:col: error: ...`).
public enum ProfileReader {
    static let topKeys = [
        "profile", "description", "lead_id_prefix", "created_at", "time_zone", "responsiveness_spread",
        "segments",
    ]
    static let segmentKeys = [
        "name", "weight", "properties", "consent", "preferred_channel", "responses", "preference_boost",
        "fatigue",
    ]
    static let distributionKinds = ["constant", "choice", "uniform", "normal", "us_state", "flag"]
    static let channelNames = Channel.allCases.map(\.rawValue)

    public static func read(_ text: String, file: String) -> Result<SynthesisProfile, WorkspaceError> {
        let checker = YAMLChecker(file: file)
        let profile = read(text, checker: checker)
        if let profile, !checker.hasErrors { return .success(profile) }
        return .failure(.invalidProfile(checker.diagnostics.sortedByLocation()))
    }

    static func read(_ text: String, checker c: YAMLChecker) -> SynthesisProfile? {
        guard let root = c.compose(text, expected: "a behaviour profile"),
            let top = c.mapping(root, what: "the profile", allowed: topKeys)
        else { return nil }
        let name = c.text(top, "profile", what: "the profile", required: true)
        let description = c.text(top, "description", what: "the profile")
        let prefix = c.text(top, "lead_id_prefix", what: "the profile") ?? "L"
        var from: Int64?
        var to: Int64?
        if let created = c.mapping(top["created_at"], what: "created_at", allowed: ["from", "to"]) {
            from = instant(c, created, "from")
            to = instant(c, created, "to")
            if let f = from, let t = to, t <= f {
                c.error("created_at 'to' must be after 'from'", at: created.node)
            }
        } else if top["created_at"] == nil {
            c.error("missing 'created_at' (e.g. { from: 2026-09-01, to: 2026-12-01 })", at: root)
        }
        let spread = c.number(top, "responsiveness_spread", what: "the profile", range: 0...3) ?? 0.3
        var segments: [SynthesisProfile.Segment] = []
        if let items = c.sequence(top["segments"], what: "segments") {
            if items.isEmpty { c.error("segments must list at least one segment", at: top["segments"]) }
            for item in items {
                if let segment = self.segment(c, item) { segments.append(segment) }
            }
            let names = segments.map(\.name)
            for (i, n) in names.enumerated() where names[..<i].contains(n) {
                c.error("segment '\(n)' appears twice", at: items[i])
            }
        } else if top["segments"] == nil {
            c.error("missing 'segments'", at: root)
        }
        let zone = timeZone(c, top["time_zone"], segments: segments)
        guard let name, let from, let to, let zone else { return nil }
        return SynthesisProfile(
            name: name, description: description, leadIDPrefix: prefix, createdFrom: from, createdTo: to,
            timeZone: zone,
            responsivenessSpread: spread, segments: segments)
    }

    static func instant(_ c: YAMLChecker, _ fields: Fields, _ key: String) -> Int64? {
        guard let text = c.text(fields, key, what: "created_at", required: true) else { return nil }
        guard let seconds = EpochSeconds.parse(text) else {
            c.error("created_at '\(key)' must be an ISO-8601 date or time, not '\(text)'", at: fields[key])
            return nil
        }
        return seconds
    }

    static func timeZone(_ c: YAMLChecker, _ node: Node?, segments: [SynthesisProfile.Segment])
        -> SynthesisProfile.TimeZoneRule?
    {
        guard let node else { return .fixed("UTC") }
        if case .scalar(let scalar) = node {
            guard RecordRules.knownZones.contains(scalar.string) else {
                c.error(
                    "unknown time zone '\(scalar.string)'"
                        + Suggestion.hint(for: scalar.string, among: RecordRules.knownZones.sorted()),
                    at: node)
                return nil
            }
            return .fixed(scalar.string)
        }
        guard let fields = c.mapping(node, what: "time_zone", allowed: ["from_state", "choice"]) else {
            return nil
        }
        if let property = c.text(fields, "from_state", what: "time_zone") {
            let usesStates = segments.allSatisfy { segment in
                segment.properties.contains {
                    $0.name == property && { if case .usState = $0 { true } else { false } }($0.distribution)
                }
            }
            if !usesStates {
                c.error(
                    "time_zone from_state: every segment must draw '\(property)' with us_state",
                    at: fields["from_state"])
            }
            return .fromState(property: property)
        }
        if let weights = c.weights(fields["choice"], what: "time_zone choice") {
            for (zone, _) in weights where !RecordRules.knownZones.contains(zone) {
                c.error(
                    "unknown time zone '\(zone)'"
                        + Suggestion.hint(for: zone, among: RecordRules.knownZones.sorted()),
                    at: fields["choice"])
            }
            return .choice(weights.map(\.0), weights: weights.map(\.1))
        }
        c.error(
            "time_zone must be a zone name, { from_state: PROPERTY } or { choice: { ZONE: WEIGHT } }",
            at: node)
        return nil
    }

    static func segment(_ c: YAMLChecker, _ node: Node) -> SynthesisProfile.Segment? {
        guard let fields = c.mapping(node, what: "a segment", allowed: segmentKeys) else { return nil }
        let name = c.text(fields, "name", what: "a segment", required: true)
        let what = "segment '\(name ?? "?")'"
        let weight = c.number(fields, "weight", what: what, required: true, range: 0...1e12)
        let properties = segmentProperties(c, fields, what: what)
        let consent = segmentConsent(c, fields, what: what, at: node)
        let preferred =
            c.weights(fields["preferred_channel"], what: "preferred_channel", allowedNames: channelNames)?
            .compactMap { name, weight in Channel(rawValue: name).map { ($0, weight) } } ?? [(.email, 1)]
        let responses = segmentResponses(c, fields, what: what, at: node)
        let boost = c.number(fields, "preference_boost", what: what, range: 1...10) ?? 1.5
        var perMessage = 0.0
        var floor = 1.0
        if let fatigue = c.mapping(fields["fatigue"], what: "fatigue", allowed: ["per_message", "floor"]) {
            perMessage = c.number(fatigue, "per_message", what: "fatigue", required: true, range: 0...1) ?? 0
            floor = c.number(fatigue, "floor", what: "fatigue", range: 0...1) ?? 0
        }
        guard let name, let weight else { return nil }
        return SynthesisProfile.Segment(
            name: name, weight: weight, properties: properties, consent: consent, preferredChannel: preferred,
            behavior: SegmentBehavior(
                responses: responses, preferenceBoost: boost, fatiguePerMessage: perMessage,
                fatigueFloor: floor))
    }

    private static func segmentProperties(
        _ c: YAMLChecker, _ fields: Fields, what: String
    ) -> [(String, PropertyDistribution)] {
        var properties: [(String, PropertyDistribution)] = []
        if let props = c.mapping(fields["properties"], what: "the properties of \(what)", allowed: []) {
            for (property, value, _) in props.entries {
                if let distribution = distribution(c, value, what: "property '\(property)'") {
                    properties.append((property, distribution))
                }
            }
        }
        return properties
    }

    private static func segmentConsent(
        _ c: YAMLChecker, _ fields: Fields, what: String, at node: Node
    ) -> [Channel: Double] {
        var consent: [Channel: Double] = [:]
        if let rates = c.mapping(fields["consent"], what: "consent", allowed: channelNames) {
            for (channel, value, _) in rates.entries {
                if let rate = c.number(value, what: "consent rate for \(channel)", range: 0...1),
                    let ch = Channel(rawValue: channel)
                {
                    consent[ch] = rate
                }
            }
        } else if fields["consent"] == nil {
            c.error(
                "missing 'consent' in \(what) (rates per channel, e.g. { email: 0.9, sms: 0.4 })", at: node)
        }
        return consent
    }

    private static func segmentResponses(
        _ c: YAMLChecker, _ fields: Fields, what: String, at node: Node
    ) -> [String: ChannelResponse] {
        var responses: [String: ChannelResponse] = [:]
        if let byChannel = c.mapping(fields["responses"], what: "responses", allowed: channelNames) {
            for (channel, value, _) in byChannel.entries {
                guard
                    let rates = c.mapping(
                        value, what: "responses on \(channel)", allowed: ["open", "click", "reply", "delay"])
                else { continue }
                let w = "responses on \(channel)"
                let open = c.number(rates, "open", what: w, required: true, range: 0...1) ?? 0
                let click = c.number(rates, "click", what: w, range: 0...1) ?? 0
                let reply = c.number(rates, "reply", what: w, range: 0...1) ?? 0
                let delay = c.duration(rates, "delay", what: w) ?? 3600
                responses[channel] = ChannelResponse(
                    open: open, click: click, reply: reply, medianDelaySeconds: delay)
            }
        } else if fields["responses"] == nil {
            c.error("missing 'responses' in \(what) (open/click/reply rates per channel)", at: node)
        }
        return responses
    }

    static func distribution(_ c: YAMLChecker, _ node: Node, what: String) -> PropertyDistribution? {
        if case .scalar = node {
            // A bare value is a constant.
            return YAMLJSON.json(node).propertyValue.map(PropertyDistribution.constant)
        }
        guard
            let fields = c.mapping(
                node, what: what, allowed: distributionKinds + ["min", "max", "integer"])
        else { return nil }
        let kinds = fields.entries.map(\.name).filter(distributionKinds.contains)
        guard kinds.count == 1, let kind = kinds.first, let body = fields[kind] else {
            c.error("\(what) needs exactly one of: \(distributionKinds.joined(separator: ", "))", at: node)
            return nil
        }
        let integer: Bool = {
            if case .scalar(let s)? = fields["integer"] { return s.string == "true" }
            return false
        }()
        let low = c.number(fields, "min", what: what)
        let high = c.number(fields, "max", what: what)
        switch kind {
        case "constant":
            guard let value = YAMLJSON.json(body).propertyValue else {
                c.error("\(what): a constant must be a text, number, boolean or list", at: body)
                return nil
            }
            return .constant(value)
        case "choice":
            guard let weights = c.weights(body, what: "\(what) choice") else { return nil }
            guard case .mapping(let mapping) = body else { return nil }
            let values = mapping.map { key, _ in YAMLJSON.json(key).propertyValue ?? .string(key.string ?? "")
            }
            return .choice(values, weights: weights.map(\.1))
        case "uniform": return uniform(c, body, what: what, integer: integer)
        case "normal": return normal(c, body, what: what, low: low, high: high, integer: integer)
        case "us_state":
            guard case .scalar(let s) = body, ["population", "uniform"].contains(s.string) else {
                c.error("\(what): us_state is 'population' or 'uniform'", at: body)
                return nil
            }
            return .usState(byPopulation: s.string == "population")
        case "flag":
            guard let p = c.number(body, what: "\(what) flag probability", range: 0...1) else { return nil }
            return .flag(p)
        default:
            return nil
        }
    }

    private static func uniform(_ c: YAMLChecker, _ body: Node, what: String, integer: Bool)
        -> PropertyDistribution?
    {
        guard let bounds = c.sequence(body, what: "\(what) uniform"), bounds.count == 2,
            let a = c.number(bounds[0], what: "\(what) uniform low"),
            let b = c.number(bounds[1], what: "\(what) uniform high"), a <= b
        else {
            c.error("\(what): uniform takes [LOW, HIGH] with LOW ≤ HIGH", at: body)
            return nil
        }
        return .uniform(low: a, high: b, integer: integer)
    }

    private static func normal(
        _ c: YAMLChecker, _ body: Node, what: String, low: Double?, high: Double?, integer: Bool
    ) -> PropertyDistribution? {
        guard let params = c.mapping(body, what: "\(what) normal", allowed: ["mean", "sd"]),
            let mean = c.number(params, "mean", what: "\(what) normal", required: true),
            let sd = c.number(params, "sd", what: "\(what) normal", required: true, range: 0...1e12)
        else { return nil }
        return .normal(mean: mean, sd: sd, min: low, max: high, integer: integer)
    }
}
