import JourneyModel
import TerminalUI

extension NodeEditor {
    /// The keys the editor answers, for the status bar and help. Each binding's action is its
    /// first key, so the canvas can show the map as hints and palette entries as they are. Help
    /// lists every key; the status bar offers only what applies where the focus is (no "add row"
    /// away from a condition, no "clear" on a choice).
    var keyMap: KeyMap<Key> {
        KeyMap(
            Self.keys.bindings.map { binding in
                var binding = binding
                binding.showsInStatusBar = binding.showsInStatusBar && applies(binding.action)
                return binding
            })
    }

    /// Whether a structure or typing key can do anything where the focus is.
    func applies(_ key: Key) -> Bool {
        guard lines.indices.contains(focus.line) else { return false }
        let line = lines[focus.line]
        switch key {
        case Self.addRow, Self.addGroup: return line.conditionKey != nil
        case Self.wrapNot: return line.isConditionRow
        case Self.addItem: return acceptsItems
        case TextFieldKeys.clear.action:
            guard let cell = currentCell, case .text = cell.value else { return false }
            return true
        default: return true
        }
    }

    /// A split takes paths, a decision branches, the policy handoff rules.
    private var acceptsItems: Bool {
        switch target {
        case .policy: return true
        case .node(let id):
            switch journey.node(id)?.body {
            case .split?, .decision?: return true
            default: return false
            }
        default: return false
        }
    }
}
