// JourneyModel — the journey language: graph, nodes, conditions, triggers,
// actions, leads and events; YAML read/write with source locations;
// validation; condition evaluation; schedule arithmetic. Pure: no I/O but text.
public enum JourneyModelModule {
    public static let name = "JourneyModel"
}
