import Foundation
import JourneyModel
import Yams

/// Reads `channels.yaml` (see sample-journeys/channels.yaml) with located errors, every
/// problem at once: `file:line:col: error: message`.
public enum ChannelsReader {
    static let fileKeys = ["deliver", "path", "retries", "backoff"]
    static let httpKeys = ["deliver", "url", "secret_env", "timeout", "retries", "backoff"]

    public static func read(_ text: String, file: String) -> Result<[DeliveryChannel], WorkspaceError> {
        let c = YAMLChecker(file: file)
        var channels: [DeliveryChannel] = []
        if let root = c.compose(text, expected: "a channel configuration"),
            let top = c.mapping(root, what: "the channel file", allowed: ["channels"])
        {
            if let list = c.mapping(top["channels"], what: "channels", allowed: DeliveryChannel.names) {
                channels = list.entries.compactMap { channel(c, name: $0.name, node: $0.value) }
                if list.entries.isEmpty { c.error("channels lists no channel", at: top["channels"]) }
            } else if top["channels"] == nil {
                c.error("missing 'channels' (a mapping of channel name to how it delivers)", at: root)
            }
        }
        if c.hasErrors { return .failure(.invalidChannels(c.diagnostics.sortedByLocation())) }
        return .success(channels)
    }

    static func channel(_ c: YAMLChecker, name: String, node: Node) -> DeliveryChannel? {
        let what = "channel '\(name)'"
        guard let kind = deliver(c, node, what: what) else { return nil }
        let allowed = kind == "file" ? fileKeys : httpKeys
        let secret =
            "secrets are not kept in the workspace; name the environment variable that holds it with secret_env"
        guard let fields = c.mapping(node, what: what, allowed: allowed, refused: ["secret": secret]) else {
            return nil
        }
        let retries =
            whole(c, fields, "retries", what: what, range: 0...100) ?? DeliveryChannel.defaultRetries
        let backoff =
            seconds(c, fields, "backoff", what: what, range: 0...86_400) ?? DeliveryChannel.defaultBackoff
        let timeout =
            seconds(c, fields, "timeout", what: what, range: 1...300) ?? DeliveryChannel.defaultTimeout
        let method: DeliveryChannel.Method?
        if kind == "file" {
            method = path(c, fields, what: what).map { .file(path: $0) }
        } else {
            method = http(c, fields, name: name, what: what)
        }
        guard let method else { return nil }
        return DeliveryChannel(
            name: name, method: method, timeout: timeout, retries: retries, backoff: backoff)
    }

    static func deliver(_ c: YAMLChecker, _ node: Node, what: String) -> String? {
        guard case .mapping(let mapping) = node else {
            c.error(
                "\(what) must be a mapping such as { deliver: file, path: deliveries/email.jsonl }", at: node)
            return nil
        }
        guard let value = mapping["deliver"] else {
            c.error("missing 'deliver' in \(what) (file or http)", at: node)
            return nil
        }
        guard let kind = value.string, kind == "file" || kind == "http" else {
            let text = value.string ?? "?"
            c.error(
                "deliver must be file or http, not '\(text)'\(Suggestion.hint(for: text, among: ["file", "http"]))",
                at: value)
            return nil
        }
        return kind
    }

    static func path(_ c: YAMLChecker, _ fields: Fields, what: String) -> String? {
        guard let path = c.text(fields, "path", what: what, required: true) else { return nil }
        if path.contains("\0") || path.hasSuffix("/") {
            c.error("'path' in \(what) must name a file, not '\(path)'", at: fields["path"])
            return nil
        }
        return path
    }

    static func http(_ c: YAMLChecker, _ fields: Fields, name: String, what: String) -> DeliveryChannel
        .Method?
    {
        let url = c.text(fields, "url", what: what, required: name != "webhook")
        if let url {
            guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
                scheme == "http" || scheme == "https", parsed.host?.isEmpty == false
            else {
                c.error(
                    "'url' in \(what) must be an http:// or https:// URL, not '\(url)'", at: fields["url"])
                return nil
            }
        } else if name != "webhook" {
            return nil
        }
        let secretEnv = c.text(fields, "secret_env", what: what)
        if let secretEnv, !isVariableName(secretEnv) {
            c.error(
                "'secret_env' in \(what) names an environment variable (letters, digits, '_'), not '\(secretEnv)'",
                at: fields["secret_env"])
            return nil
        }
        return .http(url: url, secretEnv: secretEnv)
    }

    static func whole(
        _ c: YAMLChecker, _ fields: Fields, _ key: String, what: String, range: ClosedRange<Double>
    ) -> Int? {
        guard let value = c.number(fields, key, what: what, range: range) else { return nil }
        guard value == value.rounded() else {
            c.error("'\(key)' in \(what) must be a whole number", at: fields[key])
            return nil
        }
        return Int(value)
    }

    /// A duration (`10s`, `30s`, `2m`) within `range` seconds.
    static func seconds(
        _ c: YAMLChecker, _ fields: Fields, _ key: String, what: String, range: ClosedRange<Int>
    ) -> Int? {
        guard let seconds = c.duration(fields, key, what: what) else { return nil }
        guard range.contains(seconds) else {
            c.error(
                "'\(key)' in \(what) must be between \(JourneyDuration(seconds: range.lowerBound)) and "
                    + "\(JourneyDuration(seconds: range.upperBound))", at: fields[key])
            return nil
        }
        return seconds
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
