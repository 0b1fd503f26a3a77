import JourneyModel
import Yams

/// A journey as JSON with the same keys as its YAML file: what the HTTP API sends and takes.
public enum JourneyJSON {
    /// The journey's canonical form (`JourneyWriter`), as JSON.
    public static func json(of journey: Journey) -> JSON {
        json(ofYAML: JourneyWriter.write(journey)) ?? .null
    }

    /// A stored version's text as JSON; nil when it is not YAML.
    public static func json(ofYAML yaml: String) -> JSON? {
        guard let node = try? Yams.compose(yaml: yaml) else { return nil }
        return YAMLJSON.json(node)
    }
}
