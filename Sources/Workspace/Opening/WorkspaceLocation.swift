import Foundation

/// Where the workspace file is: `--db PATH`, else `CAIRN_DB`, else `./cairn.db`.
public enum WorkspaceLocation {
    public static let defaultPath = "cairn.db"
    public static let environmentVariable = "CAIRN_DB"

    public static func resolve(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> String
    {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return defaultPath
    }
}
