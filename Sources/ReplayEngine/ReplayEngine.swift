// ReplayEngine — see ../shared/DESIGN.md for what this module will hold.
public enum ReplayEngineModule {
    public static let name = "ReplayEngine"
}
