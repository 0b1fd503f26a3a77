/// How far a long job has come, with rate and time left derived from elapsed time.
public struct Progress: Hashable, Sendable {
    public var completed: Int
    public var total: Int
    /// Seconds since the job started.
    public var elapsed: Double

    public init(completed: Int, total: Int, elapsed: Double) {
        self.completed = completed
        self.total = total
        self.elapsed = elapsed
    }

    public var fraction: Double {
        total > 0 ? min(1, max(0, Double(completed) / Double(total))) : 0
    }

    /// Items per second so far; `nil` before there is anything to measure.
    public var rate: Double? {
        elapsed > 0 && completed > 0 ? Double(completed) / elapsed : nil
    }

    /// Seconds left at the current rate; `nil` when unknown.
    public var remaining: Double? {
        guard let rate, rate > 0 else { return nil }
        return Double(max(0, total - completed)) / rate
    }

    /// `1.2k/5k · 412/s · ETA 0:09`
    public var summary: String {
        var parts = ["\(NumberFormat.compact(Double(completed)))/\(NumberFormat.compact(Double(total)))"]
        if let rate { parts.append("\(NumberFormat.compact(rate))/s") }
        if let remaining, completed < total { parts.append("ETA \(NumberFormat.duration(remaining))") }
        return parts.joined(separator: " · ")
    }
}

/// `label ███████▌      42% 1.2k/5k · 412/s · ETA 0:09`
public struct ProgressBar: Widget {
    public var progress: Progress
    public var label: String

    public init(_ progress: Progress, label: String = "") {
        self.progress = progress
        self.label = label
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let percent = "\(Int((progress.fraction * 100).rounded(.down)))%"
        let labelText = label.isEmpty ? "" : label + " "
        let labelWidth = min(DisplayWidth.of(labelText), area.width / 4)
        // The longest detail that still leaves the bar ten cells.
        var candidates = [percent + " " + progress.summary]
        if let remaining = progress.remaining, progress.completed < progress.total {
            candidates.append(percent + " ETA " + NumberFormat.duration(remaining))
        }
        candidates.append(percent)
        let room = area.width - labelWidth - 11
        let detail = candidates.first { DisplayWidth.of($0) <= room } ?? percent
        let detailWidth = DisplayWidth.of(detail)
        let barWidth = max(0, area.width - labelWidth - detailWidth - 1)
        frame.write(
            labelText, at: area.origin, style: frame.theme[.text],
            clip: Rect(x: area.x, y: area.y, width: labelWidth, height: 1))
        let barX = area.x + labelWidth
        let eighths = Int((progress.fraction * Double(barWidth * 8)).rounded(.down))
        let filled =
            String(repeating: frame.glyphs.full, count: eighths / 8)
            + (eighths % 8 > 0 ? frame.glyphs.horizontalSteps[eighths % 8 - 1] : "")
        let track = String(repeating: frame.glyphs.shade, count: barWidth)
        frame.buffer.write(track, x: barX, y: area.y, style: frame.theme[.border], clip: area)
        frame.buffer.write(filled, x: barX, y: area.y, style: frame.theme[.accent], clip: area)
        frame.buffer.write(
            detail, x: area.maxX - detailWidth, y: area.y, style: frame.theme[.muted], clip: area)
    }
}
