// Studio — see ../shared/DESIGN.md for what this module will hold.
public enum StudioModule {
    public static let name = "Studio"
}
