import YAMLSource
import Yams

/// What reading a journey file gives: the journey when it is well formed, every problem
/// found on the way (located), and where each part stood for later checks.
public struct JourneyReadResult: Sendable {
    public var journey: Journey?
    public var diagnostics: [Diagnostic]
    public var sourceMap: SourceMap
}

/// Reads `*.journey.yaml` text into a `Journey`. It checks shape — YAML syntax, types,
/// unknown and missing keys, ids, durations, times, schedules, channels — and leaves the
/// graph's meaning (references, reachability, cycles, weights) to `JourneyValidator`.
public enum JourneyReader {
    /// The largest journey file read; larger ones are refused before parsing.
    public static let maxFileBytes = YAMLLoader.maxBytes

    /// How a journey file too large or empty is refused.
    static let fileKind = YAMLFileKind(
        tooLarge: "file is over \(YAMLLoader.maxSizeText); a journey file may be at most that large",
        empty: "file is empty; expected a journey (see docs/journey-format.md)")

    /// The file's YAML tree through the one hardened loader, or its one located error.
    static func compose(_ bytes: [UInt8], file: String) -> Result<Node, Diagnostic> {
        YAMLLoader.load(bytes, file: file, kind: fileKind).mapError { error in
            Diagnostic(.error, error.message, at: error.location)
        }
    }

    static let topKeys = ["journey", "name", "description", "entry", "goal", "policy", "nodes"]

    public static func read(_ text: String, file: String) -> JourneyReadResult {
        read(bytes: Array(text.utf8), file: file)
    }

    public static func read(bytes: [UInt8], file: String) -> JourneyReadResult {
        let context = ReadContext(file: file)
        switch compose(bytes, file: file) {
        case .failure(let diagnostic):
            return JourneyReadResult(journey: nil, diagnostics: [diagnostic], sourceMap: context.sourceMap)
        case .success(let root):
            let journey = context.journey(root)
            let diagnostics = context.diagnostics
            return JourneyReadResult(
                journey: diagnostics.hasErrors ? nil : journey, diagnostics: diagnostics,
                sourceMap: context.sourceMap)
        }
    }

    /// Reads, then validates: everything `cairn validate` reports, in file order.
    public static func readAndValidate(bytes: [UInt8], file: String) -> JourneyReadResult {
        var result = read(bytes: bytes, file: file)
        if let journey = result.journey {
            result.diagnostics += JourneyValidator.validate(journey, sourceMap: result.sourceMap)
            if result.diagnostics.hasErrors { result.journey = nil }
        }
        result.diagnostics = result.diagnostics.sortedByLocation()
        return result
    }
}

extension ReadContext {
    static let slugPattern = Journey.slugPattern

    static func isSlug(_ text: String) -> Bool { Journey.isSlug(text) }

    func journey(_ root: Node) -> Journey? {
        guard case .mapping = root else {
            error(
                "expected a journey: a mapping with keys journey, name, entry and nodes; found \(describe(root))",
                at: root)
            return nil
        }
        guard let top = fields(root, "the journey", allowed: JourneyReader.topKeys, path: "") else {
            return nil
        }
        let id = text(top, "journey", required: true, what: "the journey")
        if let id, !Self.isSlug(id) {
            errorAt(top, "journey", "journey id '\(id)' must be a slug: \(Self.slugPattern)")
        }
        let name = text(top, "name", required: true, what: "the journey")
        let description = text(top, "description")
        let entry = top["entry"].flatMap { self.entry($0, path: top.path("entry")) }
        if top["entry"] == nil { error("missing 'entry' in the journey", at: root) }
        let goal = top["goal"].flatMap { self.goal($0, path: top.path("goal")) }
        let policy = top["policy"].flatMap { self.policy($0, path: top.path("policy")) } ?? Policy()
        let nodes = top["nodes"].map { self.nodes($0, path: top.path("nodes")) } ?? []
        if top["nodes"] == nil { error("missing 'nodes' in the journey", at: root) }
        guard let id, let name, let entry else { return nil }
        return Journey(
            id: id, name: name, description: description, entry: entry, goal: goal, policy: policy,
            nodes: nodes)
    }

    // MARK: - Entry

    func entry(_ node: Node, path: String) -> Entry? {
        guard
            let f = fields(
                node, "the entry", allowed: ["trigger", "audience", "reentry", "next"], path: path)
        else { return nil }
        let trigger = f["trigger"].flatMap { self.trigger($0, path: f.path("trigger")) }
        if f["trigger"] == nil { error("missing 'trigger' in the entry", at: node) }
        let audience = f["audience"].flatMap { condition($0, path: f.path("audience"), nodeID: nil) }
        let reentry: ReentryRule? = f["reentry"].map { self.reentry($0) } ?? .never
        let next = text(f, "next", required: true, what: "the entry")
        guard let trigger, let next, let reentry else { return nil }
        return Entry(trigger: trigger, audience: audience, reentry: reentry, next: next)
    }

    func trigger(_ node: Node, path: String) -> Trigger? {
        let keys = ["type", "event", "schedule", "when", "webhook"]
        guard let f = fields(node, "the trigger", allowed: keys, path: path),
            let type = text(f, "type", required: true, what: "the trigger")
        else { return nil }
        switch type {
        case "event":
            return text(f, "event", required: true, what: "an event trigger").map(Trigger.event)
        case "webhook":
            return text(f, "webhook", required: true, what: "a webhook trigger").map(Trigger.webhook)
        case "condition":
            guard let when = present(f, "when", required: true, what: "a condition trigger") else {
                return nil
            }
            return condition(when, path: f.path("when"), nodeID: nil).map(Trigger.condition)
        case "time":
            guard let text = text(f, "schedule", required: true, what: "a time trigger"),
                let scheduleNode = f["schedule"]
            else { return nil }
            do {
                return .time(try Schedule(parsing: text))
            } catch {
                // Point at the problem inside the schedule text, past an opening quote if any.
                var location = self.location(scheduleNode)
                let quoted = scheduleNode.scalar.map { $0.style != .plain } ?? false
                location.column += error.column - (quoted ? 0 : 1)
                report(Diagnostic(.error, "bad schedule '\(text)': \(error.message)", at: location))
                return nil
            }
        default:
            let types = ["time", "event", "condition", "webhook"]
            errorAt(
                f, "type", "unknown trigger type '\(type)'" + Suggestion.hintOrList(for: type, among: types))
            return nil
        }
    }

    /// `never`, `always`, `after 30d`, or `{after: 30d}`; nil after reporting a problem.
    func reentry(_ node: Node) -> ReentryRule? {
        let expected = "expected never, always or {after: DURATION}"
        switch node {
        case .scalar(let s):
            switch s.string {
            case "never": return .never
            case "always": return .always
            default:
                let words = s.string.split(separator: " ")
                if words.count == 2, words[0] == "after", let d = JourneyDuration(parsing: String(words[1])) {
                    return .after(d)
                }
                error("bad reentry '\(s.string)' (\(expected))", at: node)
                return nil
            }
        case .mapping:
            guard let f = fields(node, "reentry", allowed: ["after"], path: "entry.reentry"),
                let d = duration(f, "after", required: true)
            else { return nil }
            return .after(d)
        default:
            error("bad reentry (\(expected)), found \(describe(node))", at: node)
            return nil
        }
    }

    // MARK: - Goal and policy

    func goal(_ node: Node, path: String) -> JourneyGoal? {
        guard let f = fields(node, "the goal", allowed: ["name", "when"], path: path),
            let when = present(f, "when", required: true, what: "the goal")
        else { return nil }
        let name = text(f, "name")
        return condition(when, path: f.path("when"), nodeID: nil).map { JourneyGoal(name: name, when: $0) }
    }

    func policy(_ node: Node, path: String) -> Policy? {
        let keys = [
            "frequency_cap", "channel_caps", "when_capped", "quiet_hours", "max_steps", "stale_after",
            "max_sends_per_minute", "max_steps_per_minute", "handoff_rules",
        ]
        guard let f = fields(node, "the policy", allowed: keys, path: path) else { return nil }
        var policy = Policy()
        policy.frequencyCap = f["frequency_cap"].flatMap { frequencyCap($0, path: f.path("frequency_cap")) }
        if let caps = f["channel_caps"],
            let capFields = fields(
                caps, "channel_caps", allowed: Channel.allCases.map(\.rawValue),
                path: f.path("channel_caps"))
        {
            for channel in Channel.allCases {
                if let cap = capFields[channel.rawValue] {
                    policy.channelCaps[channel] = frequencyCap(cap, path: capFields.path(channel.rawValue))
                }
            }
        }
        policy.whenCapped = choice(f, "when_capped", CapBehavior.self, what: "cap behaviour") ?? .defer
        if let quiet = f["quiet_hours"],
            let q = fields(quiet, "quiet_hours", allowed: ["from", "to"], path: f.path("quiet_hours"))
        {
            let from = timeOfDay(q, "from", required: true)
            let to = timeOfDay(q, "to", required: true)
            if let from, let to { policy.quietHours = QuietHours(from: from, to: to) }
        }
        policy.maxStepsPerLead = integer(f, "max_steps", minimum: 1, maximum: Policy.maxStepsLimit)
        policy.staleAfter = duration(f, "stale_after", minimum: Policy.minimumStaleAfter)
        policy.maxSendsPerMinute = integer(f, "max_sends_per_minute", minimum: 1)
        policy.maxStepsPerMinute = integer(f, "max_steps_per_minute", minimum: 1)
        if let rules = f["handoff_rules"] {
            policy.handoffRules = handoffRules(rules, path: f.path("handoff_rules"))
        }
        return policy
    }

    func frequencyCap(_ node: Node, path: String) -> FrequencyCap? {
        guard let f = fields(node, "a frequency cap", allowed: ["per_day", "per_week"], path: path) else {
            return nil
        }
        let cap = FrequencyCap(
            perDay: integer(f, "per_day", minimum: 0), perWeek: integer(f, "per_week", minimum: 0))
        if f["per_day"] == nil, f["per_week"] == nil {
            error("a frequency cap needs per_day, per_week or both", at: node)
        }
        return cap
    }

    func handoffRules(_ node: Node, path: String) -> [HandoffRule] {
        guard case .sequence(let items) = node else {
            error("expected a list of handoff rules, found \(describe(node))", at: node)
            return []
        }
        var rules: [HandoffRule] = []
        for (index, item) in items.enumerated() {
            let itemPath = SourcePath.item(path, index)
            guard
                let f = fields(
                    item, "a handoff rule", allowed: ["name", "when", "to", "reason"], path: itemPath)
            else { continue }
            let name = text(f, "name", required: true, what: "a handoff rule")
            let when = present(f, "when", required: true, what: "a handoff rule").flatMap {
                condition($0, path: f.path("when"), nodeID: nil)
            }
            let to = present(f, "to", required: true, what: "a handoff rule").flatMap {
                handoffTarget($0, path: f.path("to"), nodeID: nil)
            }
            let reason = text(f, "reason", required: true, what: "a handoff rule")
            if let name, let when, let to, let reason {
                rules.append(HandoffRule(name: name, when: when, to: to, reason: reason))
            }
        }
        return rules
    }

    func handoffTarget(_ node: Node, path: String, nodeID: String?) -> HandoffTarget? {
        guard
            let f = fields(
                node, "a handoff target", allowed: ["agent", "channel", "kind", "expertise"], path: path,
                nodeID: nodeID)
        else { return nil }
        let target = HandoffTarget(
            agent: text(f, "agent"), channel: channel(f, "channel"),
            kind: choice(f, "kind", AgentKind.self, what: "agent kind"),
            expertise: textList(f, "expertise") ?? [])
        // Only when nothing was given: a misspelt value has been reported already.
        if f.values.isEmpty {
            error(
                "a handoff target needs an agent, or a channel, kind or expertise to route by", at: node,
                nodeID: nodeID)
        }
        return target
    }
}
