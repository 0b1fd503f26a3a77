import Foundation
import GRDB

extension Workspace {
    /// Replaces the whole channel configuration with `yaml`'s, in one transaction: channels the
    /// file leaves out stop delivering (their outbox rows wait, pending, until configured again).
    @discardableResult
    public func importChannels(yaml: String, file: String) throws(WorkspaceError) -> [DeliveryChannel] {
        let channels = try ChannelsReader.read(yaml, file: file).get()
        let now = EpochSeconds.now()
        try write { db in
            try db.execute(sql: "DELETE FROM delivery_channels")
            for channel in channels {
                var path: String?
                var url: String?
                var secretEnv: String?
                switch channel.method {
                case .file(let filePath): path = filePath
                case .http(let address, let variable): (url, secretEnv) = (address, variable)
                }
                try db.execute(
                    sql: """
                        INSERT INTO delivery_channels (name, deliver, path, url, secret_env, timeout_seconds,
                            retries, backoff_seconds, source_file, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        channel.name, channel.deliver, path, url, secretEnv, channel.timeout, channel.retries,
                        channel.backoff, file, now,
                    ])
            }
        }
        return channels
    }

    /// The configured channels, by name.
    public func deliveryChannels() throws(WorkspaceError) -> [DeliveryChannel] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM delivery_channels ORDER BY name").compactMap(
                Self.channel)
        }
    }

    static func channel(_ row: Row) -> DeliveryChannel? {
        let method: DeliveryChannel.Method
        switch row["deliver"] as String {
        case "file":
            guard let path: String = row["path"] else { return nil }
            method = .file(path: path)
        case "http": method = .http(url: row["url"], secretEnv: row["secret_env"])
        default: return nil
        }
        return DeliveryChannel(
            name: row["name"], method: method, timeout: row["timeout_seconds"], retries: row["retries"],
            backoff: row["backoff_seconds"])
    }

    /// Where a file channel's relative path points: the workspace file's folder.
    public func resolvedDeliveryPath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = URL(fileURLWithPath: self.path).deletingLastPathComponent()
        return folder.appendingPathComponent(path).path
    }
}
