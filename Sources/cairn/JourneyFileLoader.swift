import Foundation
import JourneyModel

/// Reads a journey file's bytes without trusting it: never more than the reader accepts
/// (plus one byte, so an oversized file is recognised), never a directory or a device stream.
enum JourneyFileLoader {
    static func bytes(of path: String) -> Result<[UInt8], Diagnostic> {
        func fail(_ message: String) -> Result<[UInt8], Diagnostic> {
            .failure(Diagnostic(.error, message, at: SourceLocation(file: path, line: 1, column: 1)))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return fail("no such file")
        }
        if isDirectory.boolValue { return fail("is a directory, not a journey file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return fail("cannot open the file (permission?)")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: JourneyReader.maxFileBytes + 1) ?? Data()
            return .success([UInt8](data))
        } catch {
            return fail("cannot read the file: \(error.localizedDescription)")
        }
    }
}
