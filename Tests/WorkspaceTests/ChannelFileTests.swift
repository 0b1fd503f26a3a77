import Foundation
import Testing

@testable import Workspace

/// channels.yaml: the issue's example reads as written, every problem is located, and a bad
/// file changes nothing in the workspace.
@Suite struct ChannelFileTests {
    static let example = """
        channels:
          email: { deliver: file, path: deliveries/email.jsonl }
          sms:   { deliver: http, url: "https://sms.example.test/send", secret_env: SMS_SECRET, timeout: 10s, retries: 5, backoff: 30s }
          chat:  { deliver: http, url: "http://127.0.0.1:9000/chat" }
        """

    @Test func theIssuesExampleReads() throws {
        let channels = try ChannelsReader.read(Self.example, file: "channels.yaml").get()
        #expect(channels.map(\.name) == ["email", "sms", "chat"])
        #expect(channels[0].method == .file(path: "deliveries/email.jsonl"))
        #expect(channels[1].method == .http(url: "https://sms.example.test/send", secretEnv: "SMS_SECRET"))
        #expect(channels[1].timeout == 10 && channels[1].retries == 5 && channels[1].backoff == 30)
        #expect(channels[2].timeout == DeliveryChannel.defaultTimeout)
        #expect(channels[2].retries == DeliveryChannel.defaultRetries)
    }

    @Test func theSampleFileReads() throws {
        let text = try Repository.text("sample-journeys/channels.yaml")
        let channels = try ChannelsReader.read(text, file: "sample-journeys/channels.yaml").get()
        #expect(Set(channels.map(\.name)) == ["email", "sms", "chat", "notify", "handoff"])
    }

    @Test func errorsAreLocatedAndAllReported() {
        let text = """
            channels:
              email: { deliver: file }
              sms: { deliver: http, url: "ftp://x", secret: hunter2, timeout: 10 }
              fax: { deliver: file, path: fax.jsonl }
              chat: { deliver: htp, url: "http://127.0.0.1:9000/chat" }
              notify: { deliver: http, url: "http://127.0.0.1:1/n", retries: 2.5, backoff: 2d }
            """
        guard case .failure(.invalidChannels(let diagnostics)) = ChannelsReader.read(text, file: "ch.yaml")
        else {
            Issue.record("the file was accepted")
            return
        }
        let messages = diagnostics.map(\.description)
        func has(_ prefix: String, _ fragment: String) -> Bool {
            messages.contains { $0.hasPrefix(prefix) && $0.contains(fragment) }
        }
        #expect(has("ch.yaml:2:10: error:", "missing 'path' in channel 'email'"))
        #expect(
            has("ch.yaml:3:41: error:", "'secret' is not accepted in channel 'sms': secrets are not kept"))
        #expect(has("ch.yaml:3:67: error:", "'timeout' in channel 'sms' must be a duration"))
        #expect(has("ch.yaml:4:3: error:", "unknown key 'fax' in channels"))
        #expect(messages.count == 8)
        #expect(has("ch.yaml:5:20: error:", "deliver must be file or http, not 'htp' (did you mean 'http'?)"))
        #expect(has("ch.yaml:6:66: error:", "'retries' in channel 'notify' must be a whole number"))
        #expect(has("ch.yaml:6:80: error:", "'backoff' in channel 'notify' must be between 0m and 1d"))
        #expect(
            has(
                "ch.yaml:3:30: error:",
                "'url' in channel 'sms' must be an http:// or https:// URL, not 'ftp://x'"))
    }

    @Test func aBadURLAndAVariableNameAreRefused() {
        let text = """
            channels:
              sms: { deliver: http, url: "ftp://x", secret_env: "not a name" }
            """
        guard case .failure(.invalidChannels(let diagnostics)) = ChannelsReader.read(text, file: "ch.yaml")
        else {
            Issue.record("the file was accepted")
            return
        }
        #expect(
            diagnostics.first?.description.hasPrefix("ch.yaml:2:30: error: 'url' in channel 'sms'") == true)
    }

    @Test func aWebhookChannelMayLeaveTheURLToTheAction() throws {
        let channels = try ChannelsReader.read(
            "channels:\n  webhook: { deliver: http, secret_env: HOOK_SECRET }\n", file: "c.yaml"
        ).get()
        #expect(channels.first?.method == .http(url: nil, secretEnv: "HOOK_SECRET"))
    }

    @Test func anEmptyOrMissingListIsAnError() {
        for text in ["channels: {}\n", "other: 1\n", "channels:\n  email: 3\n"] {
            guard case .failure(.invalidChannels(let diagnostics)) = ChannelsReader.read(text, file: "c.yaml")
            else {
                Issue.record("accepted: \(text)")
                continue
            }
            #expect(
                diagnostics.first?.description.hasPrefix("c.yaml:1:") == true || text.contains("email: 3"))
        }
    }

    @Test func importReplacesTheWholeConfigurationAndABadFileChangesNothing() throws {
        let test = try TestWorkspace()
        try test.workspace.importChannels(yaml: Self.example, file: "channels.yaml")
        #expect(try test.workspace.deliveryChannels().map(\.name) == ["chat", "email", "sms"])
        #expect(throws: WorkspaceError.self) {
            try test.workspace.importChannels(
                yaml: "channels:\n  email: { deliver: file }\n", file: "bad.yaml")
        }
        #expect(try test.workspace.deliveryChannels().count == 3)
        try test.workspace.importChannels(
            yaml: "channels:\n  email: { deliver: file, path: /tmp/out.jsonl }\n", file: "two.yaml")
        let channels = try test.workspace.deliveryChannels()
        #expect(channels == [DeliveryChannel(name: "email", method: .file(path: "/tmp/out.jsonl"))])
    }

    @Test func noSecretIsStoredOnlyTheVariableName() throws {
        let test = try TestWorkspace()
        try test.workspace.importChannels(yaml: Self.example, file: "channels.yaml")
        let stored = try test.workspace.pool.read { db in
            try String.fetchOne(db, sql: "SELECT secret_env FROM delivery_channels WHERE name = 'sms'")
        }
        #expect(stored == "SMS_SECRET")
    }

    @Test func relativeFilePathsAreBesideTheWorkspace() throws {
        let test = try TestWorkspace()
        #expect(
            test.workspace.resolvedDeliveryPath("d/e.jsonl")
                == test.folder.appendingPathComponent("d/e.jsonl").path)
        #expect(test.workspace.resolvedDeliveryPath("/abs/e.jsonl") == "/abs/e.jsonl")
    }
}
