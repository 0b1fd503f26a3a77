// Workspace — see ../shared/DESIGN.md for what this module will hold.
public enum WorkspaceModule {
    public static let name = "Workspace"
}
