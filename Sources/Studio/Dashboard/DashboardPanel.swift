/// The dashboard's panels, in the order of their tabs (keys 1–8).
enum DashboardPanel: Int, CaseIterable, Sendable, Hashable {
    case funnel, dropoff, timeInStage, abTest, channels, handoffs, health, trend

    /// The tab's name (short, so all eight fit in 80 columns).
    var title: String {
        switch self {
        case .funnel: return "Funnel"
        case .dropoff: return "Drop-off"
        case .timeInStage: return "Time"
        case .abTest: return "A/B"
        case .channels: return "Channels"
        case .handoffs: return "Handoffs"
        case .health: return "Health"
        case .trend: return "Trend"
        }
    }

    /// The panel's heading in the grid, where there is room.
    var heading: String {
        switch self {
        case .timeInStage: return "Time in stage"
        case .abTest: return "A/B tests"
        case .health: return "Run health"
        default: return title
        }
    }

    var next: DashboardPanel { DashboardPanel(rawValue: (rawValue + 1) % Self.allCases.count) ?? .funnel }
    var previous: DashboardPanel {
        DashboardPanel(rawValue: (rawValue + Self.allCases.count - 1) % Self.allCases.count) ?? .funnel
    }
}
