import CairnResources
import ReplayEngine
import TerminalUI
import Workspace

/// The replay form: cohort (or a new synthetic one: size, profile, seed), replay seed, mode.
/// The synthesis fields appear only while "new synthetic cohort" is chosen.
struct ReplaySetup: Sendable, Hashable {
    static let newCohort = "new synthetic cohort…"
    static let modes: [ReplayMode] = [.mixed, .recorded, .simulated]
    static let profilesFolder = "sample-journeys/cohorts"

    enum Field: Int {
        case cohort, seed, mode, size, profile, cohortSeed
    }

    var form: FormState
    var cohorts: [CohortSummary]
    /// The synthesis fields, kept while hidden so their values survive switching back.
    private var synthesisFields: [FormField]

    init(cohorts: [CohortSummary], preferred: String = WorkspaceSeed.sampleCohort) {
        self.cohorts = cohorts
        let names = cohorts.map(\.name) + [Self.newCohort]
        let cohortIndex = names.firstIndex(of: preferred) ?? 0
        form = FormState(fields: [
            FormField("Cohort", value: .choice(SelectState(options: names, selected: cohortIndex))),
            FormField("Seed", value: .text(TextInputState(text: "1")), placeholder: "a whole number"),
            FormField(
                "Mode", value: .choice(SelectState(options: Self.modes.map(\.rawValue), selected: 0))),
        ])
        synthesisFields = [
            FormField("Size", value: .text(TextInputState(text: "1000")), placeholder: "leads"),
            FormField(
                "Profile", value: .choice(SelectState(options: Self.profiles.map(\.name), selected: 0))),
            FormField("Cohort seed", value: .text(TextInputState(text: "1")), placeholder: "a whole number"),
        ]
        if cohorts.isEmpty { syncSynthesisFields() }
    }

    /// The behaviour profiles cairn carries, by name (`b2b-saas`).
    static var profiles: [(name: String, yaml: String)] {
        CairnResources.paths(under: profilesFolder, suffix: ".profile.yaml").map { path in
            let file = path.split(separator: "/").last.map(String.init) ?? path
            return (String(file.dropLast(".profile.yaml".count)), CairnResources.files[path] ?? "")
        }
    }

    var isNewCohort: Bool { choice(.cohort) == Self.newCohort }

    func choice(_ field: Field) -> String? {
        guard form.fields.indices.contains(field.rawValue),
            case .choice(let state) = form.fields[field.rawValue].value
        else { return nil }
        return state.value
    }

    func text(_ field: Field) -> String {
        guard form.fields.indices.contains(field.rawValue) else { return "" }
        return form.fields[field.rawValue].textValue?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    /// Passes a key to the form, then shows or hides the synthesis fields to match the cohort.
    mutating func handle(_ key: Key) -> Bool {
        let used = form.handle(key)
        syncSynthesisFields()
        return used
    }

    private mutating func syncSynthesisFields() {
        let shown = form.fields.count > Field.size.rawValue
        if isNewCohort, !shown {
            form.fields += synthesisFields
        } else if !isNewCohort, shown {
            synthesisFields = Array(form.fields[Field.size.rawValue...])
            form.fields.removeLast(form.fields.count - Field.size.rawValue)
            form.focus = min(form.focus, form.fields.count - 1)
        }
    }

    /// The request the form describes, or `nil` with the problems shown under their fields.
    mutating func request(journey: String, version: Int?) -> ReplayRequest? {
        for index in form.fields.indices { form.fields[index].error = nil }
        let seed = UInt64(text(.seed))
        if seed == nil { form.fields[Field.seed.rawValue].error = "a whole number, 0 or more" }
        let mode = ReplayMode(rawValue: choice(.mode) ?? "") ?? .mixed
        var synthesis: ReplayRequest.Synthesis?
        var cohort = choice(.cohort) ?? ""
        if isNewCohort {
            let size = Int(text(.size))
            if size.map({ !(1...Workspace.maxSynthesisSize).contains($0) }) ?? true {
                form.fields[Field.size.rawValue].error =
                    "1 to \(Workspace.maxSynthesisSize.formatted()) leads"
            }
            let cohortSeed = Int64(text(.cohortSeed))
            if cohortSeed == nil { form.fields[Field.cohortSeed.rawValue].error = "a whole number" }
            let profile = Self.profiles.first { $0.name == choice(.profile) }
            if profile == nil { form.fields[Field.profile.rawValue].error = "no behaviour profile" }
            if let size, let cohortSeed, let profile {
                cohort = Self.unusedName(
                    "\(profile.name)-\(size)-s\(cohortSeed)", taken: Set(cohorts.map(\.name)))
                synthesis = ReplayRequest.Synthesis(
                    cohort: cohort, profileName: profile.name, profileYAML: profile.yaml, size: size,
                    seed: cohortSeed)
            }
        }
        guard !form.hasErrors, let seed else { return nil }
        return ReplayRequest(
            order: ReplayOrder(journey: journey, version: version, cohort: cohort, seed: seed, mode: mode),
            synthesis: synthesis)
    }

    /// `base`, or `base-2`, `base-3`… when the name is taken.
    static func unusedName(_ base: String, taken: Set<String>) -> String {
        guard taken.contains(base) else { return base }
        var suffix = 2
        while taken.contains("\(base)-\(suffix)") { suffix += 1 }
        return "\(base)-\(suffix)"
    }
}
