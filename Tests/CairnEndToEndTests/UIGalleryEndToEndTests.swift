import Foundation
import TerminalUI
import TestSupport
import Testing

/// The `cairn` binary of this build, if it exists and has the gallery: found
/// through CAIRN_BINARY, next to the test bundle, or in the package's .build/debug.
private let galleryBinary: (path: String?, skipReason: String?) = {
    let fileManager = FileManager.default
    var candidates: [String] = []
    if let explicit = ProcessInfo.processInfo.environment["CAIRN_BINARY"] { candidates.append(explicit) }
    if let bundle = Bundle.main.executableURL?.resolvingSymlinksInPath() {
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("cairn").path)
        // On Linux the test runner lives inside Foo.xctest; the products are one level up.
        candidates.append(
            bundle.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("cairn")
                .path)
    }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug/cairn").path)
    guard let binary = candidates.first(where: { fileManager.isExecutableFile(atPath: $0) }) else {
        return (
            nil,
            "no built cairn binary (looked in \(candidates.joined(separator: ", "))); skipping gallery tests"
        )
    }
    // The gallery subcommand must be registered in the binary under test; an
    // unknown subcommand's --help shows the root help, without this usage line.
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: binary)
    probe.arguments = ["ui-gallery", "--help"]
    let output = Pipe()
    probe.standardOutput = output
    probe.standardError = FileHandle.nullDevice
    do {
        try probe.run()
    } catch {
        return (nil, "cannot run \(binary): \(error); skipping gallery tests")
    }
    let help = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    probe.waitUntilExit()
    guard help.contains("cairn ui-gallery") else {
        return (
            nil, "\(binary) has no ui-gallery subcommand (register UIGalleryCommand); skipping gallery tests"
        )
    }
    return (binary, nil)
}()

/// Whether a process still runs (an exited but unreaped one shows state Z).
private func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return false }
    return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
}

private let skipReason: String? = TmuxSession.unavailableReason ?? galleryBinary.skipReason

private func startGallery(
    _ size: Size, arguments: [String] = [], environment: [String: String] = [:]
) throws -> TmuxSession {
    let binary = try #require(galleryBinary.path)
    return try TmuxSession(command: [binary, "ui-gallery"] + arguments, size: size, environment: environment)
}

@Suite(.enabled(if: skipReason == nil, Comment(rawValue: skipReason ?? "")), .serialized)
struct UIGalleryEndToEndTests {
    @Test func at80x24NavigatesResizesAndQuitsCleanly() throws {
        let session = try startGallery(Size(width: 80, height: 24))
        defer { session.terminate() }
        try session.waitFor("6 Themes")
        try session.waitFor("Lines and table")
        try session.send(keys: "4")
        try session.waitFor("replay")
        try session.send(keys: "?")
        try session.waitFor("Gallery keys")
        try session.send(keys: "Escape")
        try session.send(keys: "Tab")
        try session.waitFor("Canvas (hjkl scroll)")
        try session.resize(to: Size(width: 30, height: 8))
        try session.waitFor("needs at least 40×12")
        try session.resize(to: Size(width: 80, height: 24))
        try session.waitFor("Canvas (hjkl scroll)")
        try session.send(keys: "q")
        let exit = try session.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.terminalSettingsRestored)
        #expect(exit.screenModesRestored)
    }

    @Test func at40x12ConfirmDefaultsToNo() throws {
        let session = try startGallery(Size(width: 40, height: 12))
        defer { session.terminate() }
        try session.waitFor("Lines and table")
        try session.send(keys: "2")
        try session.waitFor("Journeys")
        try session.send(keys: "j", "j")
        try session.send(keys: "d")
        try session.waitFor("Delete journey")
        try session.send(keys: "Enter")
        try session.waitFor("Kept it")
        try session.send(keys: "t")
        try session.waitFor("Theme: high-contrast")
        try session.send(keys: "q")
        let exit = try session.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.terminalSettingsRestored)
        #expect(exit.screenModesRestored)
    }

    @Test func mouseClicksPickTabsAndTheWheelMovesTheList() throws {
        let session = try startGallery(Size(width: 80, height: 24))
        defer { session.terminate() }
        try session.waitFor("Lines and table")
        try session.click(at: Point(x: 18, y: 0))  // the "3 Forms" tab
        try session.waitFor("Node editor")
        try session.click(at: Point(x: 10, y: 0))  // the "2 Lists" tab
        try session.waitFor("Funnel")
        try session.wheel(up: false, at: Point(x: 10, y: 5))
        try session.waitFor("2/10")
        try session.send(keys: "q")
        #expect(try session.waitForExit().status == 0)
    }

    @Test func ctrlCAndSigtermRestoreTheTerminal() throws {
        for (stop, expectedStatus) in [("ctrl-c", Int32(130)), ("sigterm", 143), ("sighup", 129)] {
            let session = try startGallery(Size(width: 80, height: 24))
            defer { session.terminate() }
            try session.waitFor("Lines and table")
            switch stop {
            case "ctrl-c": try session.send(keys: "C-c")
            case "sigterm": try session.signal(SIGTERM)
            default: try session.signal(SIGHUP)
            }
            let exit = try session.waitForExit()
            #expect(exit.status == expectedStatus, "\(stop)")
            #expect(exit.terminalSettingsRestored, "\(stop)")
            #expect(exit.screenModesRestored, "\(stop)")
        }
    }

    @Test func theProgramEndsWhenItsTerminalGoesAway() throws {
        let session = try startGallery(Size(width: 80, height: 24))
        try session.waitFor("Lines and table")
        let programs = try session.programProcessIDs()
        #expect(!programs.isEmpty)
        // Closing the pane gives the program no signal here (the wrapper shell
        // traps SIGHUP); it must notice the dead terminal by itself.
        session.terminate()
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline && programs.contains(where: isRunning) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(!programs.contains(where: isRunning), "the gallery outlived its terminal")
    }

    @Test func aThrownErrorRestoresTheTerminal() throws {
        let session = try startGallery(Size(width: 80, height: 24), arguments: ["--throw-on-quit"])
        defer { session.terminate() }
        try session.waitFor("Lines and table")
        try session.send(keys: "q")
        let exit = try session.waitForExit()
        #expect(exit.status == 1)
        #expect(exit.terminalSettingsRestored)
        #expect(exit.screenModesRestored)
        #expect(try session.capture().contains("deliberate error"))
    }

    @Test func badThemeFileShowsALocatedErrorAndUsesTheDefault() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let themeFile = directory.appendingPathComponent("bad.yaml")
        try "name: bad\nroles:\n  text: { fg: nope }\n".write(
            to: themeFile, atomically: true, encoding: .utf8)
        let session = try startGallery(Size(width: 100, height: 24), arguments: ["--theme", themeFile.path])
        defer { session.terminate() }
        try session.waitFor("bad.yaml:3:15: error: unknown colour")
        // The status bar names the theme in use; wait for it rather than race the next frame.
        try session.waitFor("default")
        try session.send(keys: "q")
        #expect(try session.waitForExit().status == 0)
    }

    @Test func asciiLinesWithoutUTF8AndNoColorMeansNoColour() throws {
        let ascii = try startGallery(Size(width: 80, height: 24), environment: ["LANG": "C", "LC_ALL": "C"])
        defer { ascii.terminate() }
        try ascii.waitFor("+ Paragraph ---")
        try ascii.send(keys: "q")
        #expect(try ascii.waitForExit().status == 0)

        let mono = try startGallery(Size(width: 80, height: 24), environment: ["NO_COLOR": "1"])
        defer { mono.terminate() }
        try mono.waitFor("Lines and table")
        let styled = try mono.capture(escapes: true)
        #expect(!styled.contains("[38;"), "foreground colour escapes despite NO_COLOR")
        #expect(!styled.contains("[48;"), "background colour escapes despite NO_COLOR")
        try mono.send(keys: "q")
        #expect(try mono.waitForExit().status == 0)
    }
}
