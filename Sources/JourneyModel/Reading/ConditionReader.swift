import Yams

/// Reads conditions: leaves `{type, field, operator, value, within, since}` and
/// groups `{all: [...]}`, `{any: [...]}`, `{not: ...}`, nested to any depth.
extension ReadContext {
    static let leafKeys = ["type", "field", "operator", "value", "within", "since"]
    static let groupKeys = ["all", "any", "not"]

    func condition(_ node: Node, path: String, nodeID: String?) -> Condition? {
        guard case .mapping(let mapping) = node else {
            error(
                "expected a condition (a mapping with type, field, operator), found \(describe(node))",
                at: node,
                nodeID: nodeID)
            return nil
        }
        let keys = mapping.keys.compactMap(\.scalar?.string)
        if let group = keys.first(where: Self.groupKeys.contains) {
            return conditionGroup(node, group: group, path: path, nodeID: nodeID)
        }
        return conditionLeaf(node, path: path, nodeID: nodeID).map(Condition.leaf)
    }

    private func conditionGroup(_ node: Node, group: String, path: String, nodeID: String?) -> Condition? {
        guard
            let fields = self.fields(
                node, "a '\(group)' group", allowed: [group], path: path, nodeID: nodeID),
            let body = fields[group]
        else { return nil }
        let groupPath = fields.path(group)
        if group == "not" {
            return condition(body, path: groupPath, nodeID: nodeID).map(Condition.not)
        }
        guard case .sequence(let items) = body else {
            error(
                "expected a list of conditions under '\(group)', found \(describe(body))", at: body,
                nodeID: nodeID)
            return nil
        }
        if items.isEmpty {
            error("'\(group)' needs at least one condition", at: body, nodeID: nodeID)
            return nil
        }
        var conditions: [Condition] = []
        var failed = false
        for (index, item) in items.enumerated() {
            let itemPath = SourcePath.item(groupPath, index)
            record(itemPath, item)
            if let c = condition(item, path: itemPath, nodeID: nodeID) {
                conditions.append(c)
            } else {
                failed = true
            }
        }
        guard !failed else { return nil }
        return group == "all" ? .all(conditions) : .any(conditions)
    }

    private func conditionLeaf(_ node: Node, path: String, nodeID: String?) -> ConditionLeaf? {
        guard
            let fields = self.fields(node, "a condition", allowed: Self.leafKeys, path: path, nodeID: nodeID)
        else { return nil }
        let type = choice(fields, "type", ConditionType.self, what: "condition type", required: true)
        let field = text(fields, "field", required: true, what: "a condition")
        let op = choice(fields, "operator", ConditionOperator.self, what: "operator", required: true)
        let within = duration(fields, "within")
        let since = choice(fields, "since", WindowAnchor.self, what: "window anchor")
        let value = fields["value"].map { leadValue($0, key: "value", nodeID: nodeID) }
        if case .some(.none) = value { return nil }
        if let field, field.isEmpty { errorAt(fields, "field", "'field' must not be empty") }
        guard let type, let field, !field.isEmpty, let op else { return nil }
        if fields["within"] != nil, within == nil { return nil }
        if fields["since"] != nil, since == nil { return nil }
        return ConditionLeaf(
            type: type, field: field, op: op, value: value ?? nil, within: within, since: since)
    }
}
