/// How the panels show a run: the stage whose histogram shows, whether the funnel shows every
/// node by any path (`a`) instead of the main path, and whether nodes go by id (`i`) instead of
/// by label.
struct PanelOptions: Sendable, Hashable {
    var stage = 0
    var allPaths = false
    var ids = false

    /// What a panel calls a node.
    func name(_ node: String, _ label: String) -> String { ids ? node : label }
}
