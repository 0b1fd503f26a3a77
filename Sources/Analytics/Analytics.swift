// Analytics — see ../shared/DESIGN.md for what this module will hold.
public enum AnalyticsModule {
    public static let name = "Analytics"
}
