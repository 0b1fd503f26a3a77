import Analytics
import Foundation
import TerminalUI
import Workspace

/// A run's dashboard: funnel, drop-off, time in stage, A/B, channels, handoffs, run health and
/// the journey's trend over its last runs, as a grid of panels on wide terminals and as tabs on
/// narrow ones. Pick another run, compare two, read a live run over a date range, export the
/// report, or find a lead.
struct DashboardScreen: StudioScreen {
    enum Action: Hashable, Sendable {
        case show(DashboardPanel)
        case nextPanel, previousPanel, down, up, allPaths, ids
        case pickRun, compare, dates, export, findLead, refresh
        case choose, close
    }

    enum Message: Sendable {
        case loaded(Result<DashboardData, DashboardLoadFailure>)
        case compared(Result<RunComparison, DashboardLoadFailure>)
        case windowed(Result<RunWindowReport, DashboardLoadFailure>)
        case exported(Result<String, ReportExport.Failure>)
    }

    /// A mode that takes the keys first: a list of runs, or a line to type.
    enum Mode: Sendable, Hashable {
        enum Purpose: Sendable, Hashable { case open, compare }
        enum Question: Sendable, Hashable { case export, findLead, dates }
        case panels
        case pickRun(Purpose, ListState)
        case prompt(Prompt, Question)
    }

    /// The run asked for (`nil`: the newest).
    var run: Int64?
    var report: RunReport?
    var runs: [RunInfo] = []
    /// The journey's last runs up to this one (the trend panel).
    var trend: RunTrend?
    /// A live run's date range (`d`), and its figures over it (`cairn report --from --to`).
    var range: RunWindowRange?
    var window: RunWindowReport?
    var problem: String?
    var panel = DashboardPanel.funnel
    /// The stage whose histogram shows (an index into the report's time in stage).
    var stage = 0
    /// The funnel shows every node reached by any path instead of the main path (`a`).
    var allPaths = false
    /// Panels name nodes by id instead of by label (`i`).
    var showIDs = false
    var comparison: RunComparison?
    var comparisonScroll = 0
    var mode = Mode.panels
    /// Ticks since a live run was last loaded: its summaries are refreshed as it runs, so its
    /// dashboard reloads every `liveReloadTicks` ticks (2 s at 200 ms a tick).
    var ticksSinceLoad = 0
    static let liveReloadTicks = 10

    /// The run picker and the prompts take every key while they are open.
    var capturesKeys: Bool { mode != .panels }

    init(run: Int64?) {
        self.run = run
    }

    var options: PanelOptions {
        PanelOptions(stage: stage, allPaths: allPaths, ids: showIDs)
    }

    var title: String { report.map { "Run #\($0.run.id)" } ?? "Dashboard" }

    static let panelKeys = KeyMap<Action>(
        DashboardPanel.allCases.map { panel in
            KeyBinding(
                keys: ["\(panel.rawValue + 1)"], action: .show(panel), help: panel.title.lowercased(),
                longHelp: "Show the \(panel.heading.lowercased()) panel", group: "Panels")
        } + [
            KeyBinding(
                keys: ["tab"], action: .nextPanel, help: "next panel", longHelp: "Show the next panel",
                group: "Panels", palette: false),
            KeyBinding(
                keys: ["shift+tab"], action: .previousPanel, help: "previous panel",
                longHelp: "Show the previous panel", group: "Panels", palette: false),
            KeyBinding(
                keys: ["j", "down"], action: .down, help: "next stage",
                longHelp: "Next stage's histogram; scroll a comparison down", group: "Panels", palette: false),
            KeyBinding(
                keys: ["k", "up"], action: .up, help: "previous stage",
                longHelp: "Previous stage's histogram; scroll a comparison up", group: "Panels",
                palette: false),
            KeyBinding(
                keys: ["a"], action: .allPaths, help: "all paths",
                longHelp: "Funnel: every node reached by any path, or the main path (again)", group: "Panels"),
            KeyBinding(
                keys: ["i"], action: .ids, help: "ids",
                longHelp: "Name nodes by id instead of by label (again: labels)",
                group: "Panels"),
            KeyBinding(
                keys: ["r"], action: .pickRun, help: "runs", longHelp: "Pick the run to show", group: "Run",
                statusBar: true),
            KeyBinding(
                keys: ["c"], action: .compare, help: "compare",
                longHelp: "Compare this run with another (again: stop comparing)", group: "Run",
                statusBar: true),
            KeyBinding(
                keys: ["d"], action: .dates, help: "dates",
                longHelp: "A live run over a date range, as cairn report --from --to (empty: the whole run)",
                group: "Run"),
            KeyBinding(
                keys: ["e"], action: .export, help: "export",
                longHelp: "Export the report to a file (.txt, .csv or .json)", group: "Run", statusBar: true),
            KeyBinding(
                keys: ["f"], action: .findLead, help: "find lead",
                longHelp: "Open a lead's timeline in this run by its id", group: "Run", statusBar: true),
            KeyBinding(
                keys: ["ctrl+r"], action: .refresh, help: "refresh", longHelp: "Reload the run and the runs",
                group: "Run"),
        ])

    static let pickerKeys = KeyMap<Action>([
        KeyBinding(keys: ["k", "up"], action: .up, help: "up", group: "Runs", palette: false),
        KeyBinding(keys: ["j", "down"], action: .down, help: "down", group: "Runs", palette: false),
        KeyBinding(
            keys: ["enter"], action: .choose, help: "choose", longHelp: "Show (or compare with) this run",
            group: "Runs", statusBar: true),
        KeyBinding(
            keys: ["esc"], action: .close, help: "close", longHelp: "Close the list", group: "Runs",
            statusBar: true),
    ])

    static let promptKeys = KeyMap<Action>([
        KeyBinding(
            keys: ["enter"], action: .choose, help: "ok",
            longHelp: "Export to this path, find this lead, or read the run over these dates",
            group: "Prompt", statusBar: true),
        KeyBinding(
            keys: ["esc"], action: .close, help: "cancel", longHelp: "Close the prompt", group: "Prompt",
            statusBar: true),
    ])

    static var keyTables: [KeyTable] {
        [
            KeyTable("Dashboard", panelKeys),
            KeyTable("Dashboard: run list", pickerKeys, takesEveryKey: true),
            KeyTable("Dashboard: prompt", promptKeys, takesEveryKey: true),
        ]
    }

    var keyMap: KeyMap<Action> {
        switch mode {
        case .panels: return Self.panelKeys
        case .pickRun: return Self.pickerKeys
        case .prompt: return Self.promptKeys
        }
    }

    var statusMode: String {
        switch mode {
        case .panels: return comparison != nil ? "COMPARE" : window != nil ? "RANGE" : ""
        case .pickRun(.open, _): return "RUNS"
        case .pickRun(.compare, _): return "COMPARE WITH"
        case .prompt(_, .export): return "EXPORT"
        case .prompt(_, .findLead): return "FIND"
        case .prompt(_, .dates): return "DATES"
        }
    }

    var statusHints: [KeyHint] {
        if case .prompt(let prompt, _) = mode { return prompt.keyHints }
        // `d` matters on a live run only: there it is offered first.
        guard mode == .panels, report?.run.mode == "live" else { return keyMap.statusHints }
        return [KeyHint(keys: "d", help: "dates")] + keyMap.statusHints
    }

    /// The dashboard draws as a grid from this width; narrower, as tabs.
    static let gridWidth = 120

    func onAppear(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        let workspace = environment.workspace
        let run = self.run
        var effects: [Effect<StudioMessage>] = [
            .load { Message.loaded(DashboardData.load(workspace, run: run)) }
        ]
        if let range, let id = report?.run.id {
            effects.append(.load { Message.windowed(DashboardData.window(workspace, run: id, range: range)) })
        }
        return effects
    }

    mutating func tick(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        guard report?.run.state == "live", mode == .panels else { return [] }
        ticksSinceLoad += 1
        guard ticksSinceLoad >= Self.liveReloadTicks else { return [] }
        ticksSinceLoad = 0
        return onAppear(environment)
    }

    mutating func intercept(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        switch mode {
        case .panels:
            return nil
        case .pickRun:
            if let action = Self.pickerKeys.action(for: key) { return perform(action, environment) }
            return []
        case .prompt(var prompt, let question):
            switch prompt.handle(key) {
            case .editing: mode = .prompt(prompt, question)
            case .cancelled: mode = .panels
            case .submitted(let text):
                mode = .panels
                return answer(question, text, environment)
            }
            return []
        }
    }

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch action {
        case .show(let panel): self.panel = panel
        case .nextPanel: panel = panel.next
        case .previousPanel: panel = panel.previous
        case .down, .up: move(action == .down ? 1 : -1)
        case .allPaths: allPaths.toggle()
        case .ids: showIDs.toggle()
        case .pickRun: mode = .pickRun(.open, ListState(selected: selectedRunIndex))
        case .compare:
            if comparison != nil {
                comparison = nil
            } else if runs.count < 2 {
                return [.toast("Only one run in this workspace: replay again to compare two", .warning)]
            } else if let current = report?.run.id {
                // The run listed after this one (the previous run), else the one before it.
                let index = runs.firstIndex { $0.id == current } ?? 0
                mode = .pickRun(.compare, ListState(selected: index + 1 < runs.count ? index + 1 : index - 1))
            }
        case .export:
            guard let report else { return [] }
            let base = comparison.map { "compare-run\($0.first.run.id)-run\($0.second.run.id)" }
            let name = (base ?? "report-run\(report.run.id)") + ".txt"
            let prompt = Prompt(
                title: "Export the report", label: "Path:", text: name,
                note: "the extension picks the format: .txt, .csv or .json")
            mode = .prompt(prompt, .export)
        case .findLead:
            guard let run = report?.run.id else { return [] }
            mode = .prompt(
                Prompt(title: "Find a lead", label: "Lead id:", note: "opens its timeline in run #\(run)"),
                .findLead)
        case .dates: return askForDates()
        case .refresh: return onAppear(environment)
        case .choose: return choose(environment)
        case .close: mode = .panels
        }
        return []
    }

    private var selectedRunIndex: Int {
        runs.firstIndex { $0.id == report?.run.id } ?? 0
    }

    private mutating func move(_ delta: Int) {
        switch mode {
        case .pickRun(let purpose, var list):
            list.move(by: delta, count: runs.count)
            mode = .pickRun(purpose, list)
        case .panels where comparison != nil || window != nil:
            comparisonScroll = max(0, comparisonScroll + delta)
        case .panels:
            let count = report?.timeInStage.count ?? 0
            if count > 0 { stage = min(count - 1, max(0, stage + delta)) }
        case .prompt:
            break
        }
    }

    private mutating func choose(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        let workspace = environment.workspace
        switch mode {
        case .panels:
            return []
        case .pickRun(let purpose, let list):
            mode = .panels
            guard let index = list.selected, runs.indices.contains(index) else { return [] }
            let chosen = runs[index].id
            switch purpose {
            case .open:
                run = chosen
                comparison = nil
                (range, window) = (nil, nil)
                stage = 0
                return onAppear(environment)
            case .compare:
                guard let report else { return [] }
                return [
                    .load { Message.compared(DashboardData.compare(report, with: chosen, in: workspace)) }
                ]
            }
        case .prompt:
            // The prompt takes its keys in `intercept`; Enter from anywhere else does the same.
            return intercept(.enter, environment) ?? []
        }
    }

    /// Does what a prompt asked for with its (checked, trimmed) answer.
    private mutating func answer(
        _ question: Mode.Question, _ text: String, _ environment: StudioEnvironment
    ) -> [Effect<StudioMessage>] {
        switch question {
        case .findLead:
            guard let run = report?.run.id else { return [] }
            return [.send(.open(.lead(id: text, run: run)))]
        case .dates:
            return setDates(text, environment)
        case .export:
            let path = text
            guard let report else { return [] }
            let comparison = self.comparison
            return [
                .load {
                    Message.exported(
                        Result { () throws(ReportExport.Failure) in
                            let format = ReportExport.Format(path: path)
                            let text: String
                            if let comparison {
                                text = try ReportExport.render(comparison, as: format)
                            } else {
                                text = try ReportExport.render(report, as: format)
                            }
                            try ReportExport.write(text, to: path)
                            return path
                        })
                }
            ]
        }
    }

    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch message {
        case .loaded(.success(let data)):
            report = data.report
            runs = data.runs
            trend = data.trend
            problem = nil
            stage = min(stage, max(0, data.report.timeInStage.count - 1))
        case .loaded(.failure(let failure)):
            report = nil
            runs = failure.runs
            problem = failure.message
        case .compared(.success(let comparison)):
            self.comparison = comparison
            comparisonScroll = 0
        case .windowed(.success(let window)):
            self.window = window
            comparisonScroll = 0
        case .windowed(.failure(let failure)):
            (range, window) = (nil, nil)
            return [.toast("Cannot read the range: \(failure.message)", .error)]
        case .compared(.failure(let failure)):
            return [.toast("Cannot compare: \(failure.message)", .error)]
        case .exported(.success(let path)):
            return [.toast("Exported to \(path)", .success)]
        case .exported(.failure(let failure)):
            return [.toast(failure.description, .error)]
        }
        return []
    }

    mutating func mouse(_ event: MouseEvent, in area: Rect, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    {
        switch event.kind {
        case .wheelDown: move(1)
        case .wheelUp: move(-1)
        case .press(button: 1):
            if case .pickRun(let purpose, var list) = mode {
                if let row = DashboardView.pickerRow(at: event.position, in: area, runs: runs, list: list) {
                    list.selected = row
                    mode = .pickRun(purpose, list)
                }
                return []
            }
            guard case .panels = mode, comparison == nil, window == nil, let report else { return [] }
            if area.width < Self.gridWidth,
                let tab = DashboardView.tab(at: event.position, in: area, report: report)
            {
                panel = tab
            } else if let row = DashboardView.stageRow(
                at: event.position, in: area, selected: panel, report: report, stage: stage)
            {
                stage = row
            }
        default:
            break
        }
        return []
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        DashboardView.render(self, in: area, frame: &frame)
    }
}
