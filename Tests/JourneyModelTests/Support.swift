import Foundation

@testable import JourneyModel

/// Reads and validates YAML text as `t.journey.yaml`, returning the printed diagnostics.
func problems(_ yaml: String) -> [String] {
    JourneyReader.readAndValidate(bytes: Array(yaml.utf8), file: "t.journey.yaml").diagnostics.map(
        \.description)
}

/// A small valid journey with `nodes` spliced in (each line already indented by two spaces).
func journeyText(nodes: String, entryNext: String = "a", extra: String = "") -> String {
    """
    journey: t
    name: T
    entry:
      trigger: { type: event, event: lead.created }
      next: \(entryNext)
    \(extra)nodes:
    \(nodes)
    """
}

/// The repository's top directory, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func sampleJourneyFiles() throws -> [URL] {
    let folder = repositoryRoot.appendingPathComponent("sample-journeys")
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        .filter { $0.lastPathComponent.hasSuffix(".journey.yaml") }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
}

/// Runs `body` on another thread and reports whether it finished within `seconds`:
/// a guard against hangs, not a performance assertion.
func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    return done.wait(timeout: .now() + seconds) == .success
}
