/// Versions the workspace file records, so a newer file is recognised instead of corrupted.
public enum WorkspaceVersion {
    /// The Cairn release writing the file, stored in `meta` as `written_by`.
    public static let app = "0.1.0"
    /// `PRAGMA application_id` of every Cairn workspace: "CAIR" in ASCII. It lives in the
    /// SQLite header, so tools such as `file(1)` can tell a workspace from other databases.
    public static let applicationID: Int32 = 0x4341_4952
}
