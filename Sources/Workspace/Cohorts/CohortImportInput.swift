import Foundation

/// A file to import: a name for messages and a way to stream its bytes. Files on disk and
/// texts carried inside the binary (the seed cohort) go through the same importer.
public struct CohortImportInput: Sendable {
    public enum Format: String, Sendable {
        case csv, jsonLines
    }

    public var name: String
    public var format: Format
    /// The path on disk, checked before the import starts; nil for a text in memory.
    let path: String?
    let open: @Sendable () -> InputStream?

    public init(name: String, format: Format, path: String?, open: @escaping @Sendable () -> InputStream?) {
        self.name = name
        self.format = format
        self.path = path
        self.open = open
    }

    /// A file on disk; its extension picks the format (`.jsonl`/`.ndjson`/`.json` or `.csv`).
    public static func file(_ path: String) -> CohortImportInput {
        CohortImportInput(name: path, format: format(of: path), path: path) { InputStream(fileAtPath: path) }
    }

    public static func text(_ text: String, name: String) -> CohortImportInput {
        let data = Data(text.utf8)
        return CohortImportInput(name: name, format: format(of: name), path: nil) { InputStream(data: data) }
    }

    static func format(of name: String) -> Format {
        let lower = name.lowercased()
        return [".jsonl", ".ndjson", ".json"].contains(where: lower.hasSuffix) ? .jsonLines : .csv
    }

    /// Why the file cannot be read at all, before any transaction starts.
    func unreadableReason() -> String? {
        guard let path else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return "no such file"
        }
        if isDirectory.boolValue { return "is a directory, not a cohort file" }
        if !FileManager.default.isReadableFile(atPath: path) { return "cannot be read (permission denied)" }
        return nil
    }
}
