import Foundation

/// Reads a stream line by line with a fixed buffer, so a gigabyte of JSON Lines costs
/// kilobytes of memory. `\n` and `\r\n` both end a line.
struct LineReader {
    private let stream: InputStream
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    /// The stream failed to read (as opposed to ending).
    private(set) var failed = false
    private static let chunk = 1 << 16
    /// Longer lines are cut off and reported, not buffered without end.
    static let maxLineBytes = 1 << 20

    init(stream: InputStream) {
        self.stream = stream
        if stream.streamStatus == .notOpen { stream.open() }
    }

    /// The next line's bytes without its terminator; `tooLong` when it exceeded the limit.
    mutating func next() -> (bytes: ArraySlice<UInt8>, tooLong: Bool)? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                return (line, false)
            }
            if buffer.count - start > Self.maxLineBytes {
                // Skip to the end of this overlong line.
                let kept = buffer[start..<start + 64]
                while !finished {
                    if let newline = buffer[start...].firstIndex(of: 0x0A) {
                        start = newline + 1
                        return (kept, true)
                    }
                    buffer.removeAll(keepingCapacity: true)
                    start = 0
                    fill()
                }
                start = buffer.count
                return (kept, true)
            }
            if finished {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = buffer.count
                return (line, false)
            }
            searchFrom = buffer.count
            if start > 0 {
                buffer.removeSubrange(0..<start)
                searchFrom -= start
                start = 0
            }
            fill()
        }
    }

    private mutating func fill() {
        var chunk = [UInt8](repeating: 0, count: Self.chunk)
        let count = stream.read(&chunk, maxLength: Self.chunk)
        if count <= 0 {
            failed = count < 0
            finished = true
            stream.close()
        } else {
            buffer.append(contentsOf: chunk[0..<count])
        }
    }
}
