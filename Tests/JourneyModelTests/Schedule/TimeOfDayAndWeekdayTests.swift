import Testing

@testable import JourneyModel

struct TimeOfDayAndWeekdayTests {
    @Test func timeOfDayParsing() {
        #expect(TimeOfDay(parsing: "09:00") == TimeOfDay(hour: 9, minute: 0))
        #expect(TimeOfDay(parsing: "9:00") == TimeOfDay(hour: 9, minute: 0))
        #expect(TimeOfDay(parsing: "23:59") == TimeOfDay(hour: 23, minute: 59))
        for bad in ["24:00", "12:60", "9:5", "0900", "09:00:00", "-1:00", "ab:cd", "", ":", "123:00"] {
            #expect(TimeOfDay(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func timeOfDayTextAndOrder() {
        #expect(TimeOfDay(hour: 9, minute: 5).description == "09:05")
        #expect(TimeOfDay(hour: 21, minute: 0).description == "21:00")
        #expect(TimeOfDay(hour: 8, minute: 59) < TimeOfDay(hour: 9, minute: 0))
    }

    @Test func weekdayParsing() {
        #expect(Weekday(parsing: "mon") == .mon)
        #expect(Weekday(parsing: "Mon") == .mon)
        #expect(Weekday(parsing: "MONDAY") == .mon)
        #expect(Weekday(parsing: "sunday") == .sun)
        #expect(Weekday(parsing: "mo") == nil)
        #expect(Weekday(parsing: "") == nil)
    }

    @Test func weekdaysRunMondayToSunday() {
        #expect(Weekday.allCases == [.mon, .tue, .wed, .thu, .fri, .sat, .sun])
        #expect(Weekday.mon < Weekday.sun)
        #expect(Weekday.allCases.map(\.cronNumber) == [1, 2, 3, 4, 5, 6, 0])
        #expect(Weekday(cronNumber: 7) == .sun)
        #expect(Weekday(cronNumber: 8) == nil)
    }
}
