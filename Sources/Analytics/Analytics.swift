// Analytics — funnel, drop-off, time in stage, A/B, channels, handoffs: queries over the
// workspace plus the pure statistics in Statistics/.
public enum AnalyticsModule {
    public static let name = "Analytics"
}
