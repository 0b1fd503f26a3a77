import Foundation

extension Schedule {
    /// The next `count` fire times strictly after `instant`, in order; fewer when the schedule
    /// stops firing (a single date, or beyond the search horizon). What `cairn schedule` prints,
    /// and what a time trigger fires at.
    public func fires(after instant: Date, count: Int, in timeZone: TimeZone) -> [Date] {
        var fires: [Date] = []
        var cursor = instant
        while fires.count < count, let next = nextFire(after: cursor, in: timeZone) {
            fires.append(next)
            cursor = next
        }
        return fires
    }
}
