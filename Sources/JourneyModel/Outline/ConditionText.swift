/// Conditions and steps as short human text, for outlines, the canvas and explanations.
public enum ConditionText {
    public static func describe(_ condition: Condition) -> String {
        switch condition {
        case .leaf(let leaf): return describe(leaf)
        case .not(let inner): return "not (\(describe(inner)))"
        case .all(let items):
            return items.count == 1 ? describe(items[0]) : items.map(grouped).joined(separator: " and ")
        case .any(let items):
            return items.count == 1 ? describe(items[0]) : items.map(grouped).joined(separator: " or ")
        }
    }

    private static func grouped(_ condition: Condition) -> String {
        switch condition {
        case .all(let items) where items.count > 1, .any(let items) where items.count > 1:
            return "(\(describe(condition)))"
        default: return describe(condition)
        }
    }

    public static func describe(_ leaf: ConditionLeaf) -> String {
        let value = leaf.value.map(\.quotedDescription) ?? ""
        var text: String
        switch leaf.op {
        case .exists: text = "\(leaf.field) exists"
        case .notExists: text = "no \(leaf.field)"
        case .equals: text = "\(leaf.field) = \(value)"
        case .notEquals: text = "\(leaf.field) ≠ \(value)"
        case .greaterThan: text = "\(leaf.field) > \(value)"
        case .lessThan: text = "\(leaf.field) < \(value)"
        case .atLeast: text = "\(leaf.field) ≥ \(value)"
        case .atMost: text = "\(leaf.field) ≤ \(value)"
        case .between:
            let bounds = leaf.value?.list ?? []
            text =
                bounds.count == 2
                ? "\(leaf.field) between \(bounds[0].quotedDescription) and \(bounds[1].quotedDescription)"
                : "\(leaf.field) between \(value)"
        case .contains: text = "\(leaf.field) contains \(value)"
        case .notContains: text = "\(leaf.field) does not contain \(value)"
        case .in: text = "\(leaf.field) in \(value)"
        case .notIn: text = "\(leaf.field) not in \(value)"
        }
        if let within = leaf.within {
            text += leaf.since == .lastSend ? " within \(within) of the last send" : " within \(within)"
        }
        return text
    }
}
