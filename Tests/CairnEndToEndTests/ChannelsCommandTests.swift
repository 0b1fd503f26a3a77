import Foundation
import Testing

/// `cairn import channels` and `cairn channels` as a user runs them: a bad file is refused with
/// located errors and changes nothing; a good one replaces the configuration.
@Suite struct ChannelsCommandTests {
    @Test func aBadFileChangesNothingAndAGoodOneIsListed() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("w.db").path
        let good = try folder.file(
            "channels.yaml", Array("channels:\n  email: { deliver: file, path: out/email.jsonl }\n".utf8))
        let bad = try folder.file(
            "bad.yaml",
            Array("channels:\n  email: { deliver: file }\n  fax: { deliver: file, path: f }\n".utf8))
        let imported = try CairnProcess.run(["import", "channels", good, "--db", db])
        #expect(imported.status == 0 && imported.stdout.hasPrefix("imported 1 channels\n"))

        let refused = try CairnProcess.run(["import", "channels", bad, "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(bad):2:10: error: missing 'path' in channel 'email'"))
        #expect(refused.stderr.contains("\(bad):3:3: error: unknown key 'fax' in channels"))

        let listed = try CairnProcess.run(["channels", "--format", "json", "--db", db])
        let channels = try #require(
            try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(channels.count == 1)
        #expect(channels.first?["name"] as? String == "email")
        #expect(
            channels.first?["path"] as? String == folder.url.appendingPathComponent("out/email.jsonl").path)
    }
}
