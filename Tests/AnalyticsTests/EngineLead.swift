import ReplayEngine

/// The engine's lead type, named apart from the workspace's `CohortLead`.
typealias EngineLead = CohortLead
