import ReplayEngine

/// The engine's lead type, named apart from the workspace's `CohortLead` (the module `ReplayEngine`
/// also holds an enum `ReplayEngine`, so `ReplayEngine.CohortLead` cannot name it).
typealias EngineLead = CohortLead
