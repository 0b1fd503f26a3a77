import JourneyModel

extension JourneyEdits {
    /// Gives node `id` the id `newID`; every way that led to it (the entry's next, edges, branches,
    /// timeouts, split paths, its own loops) follows.
    static func rename(_ id: String, to newID: String, in journey: Journey) throws(JourneyEditError)
        -> Journey
    {
        guard id != newID else { return journey }
        if let problem = idProblem(newID, renaming: id, in: journey) { throw JourneyEditError(problem) }
        var edited = journey
        guard let index = edited.nodes.firstIndex(where: { $0.id == id }) else {
            throw JourneyEditError("there is no node \(id)")
        }
        edited.nodes[index].id = newID
        for source in [Journey.entryID] + edited.nodes.map(\.id) {
            for slot in slots(of: source, in: edited) where slot.target == id {
                edited = try setting(slot.field, of: source, to: newID, in: edited)
            }
        }
        return edited
    }

    /// Why `newID` cannot be the id of node `id`, or `nil` when it can.
    static func idProblem(_ newID: String, renaming id: String, in journey: Journey) -> String? {
        if newID.isEmpty { return "a node needs an id" }
        if newID == Journey.entryID { return "'\(newID)' is the entry's own id: pick another" }
        if !Journey.isSlug(newID) { return "'\(newID)' will not do as an id: \(Journey.slugPattern)" }
        if newID != id, journey.node(newID) != nil { return "'\(newID)' is taken by another node" }
        return nil
    }
}
