import Testing

@testable import MMMCore

@Suite struct CalendarDateTests {
    @Test func epochAndKnownDates() throws {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11017)
        #expect(CalendarDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        let demoStart = try #require(CalendarDate(year: 2015, month: 11, day: 23))
        #expect(demoStart.isoWeekday == 1)
        #expect(demoStart.description == "2015-11-23")
    }

    @Test func componentsRoundTripOverFourCenturies() {
        var day = CalendarDate(year: 1800, month: 1, day: 1)?.daysSinceEpoch ?? 0
        let end = CalendarDate(year: 2200, month: 12, day: 31)?.daysSinceEpoch ?? 0
        var previous: (Int, Int, Int)?
        while day <= end {
            let c = CalendarDate(daysSinceEpoch: day).components
            #expect(CalendarDate(year: c.year, month: c.month, day: c.day)?.daysSinceEpoch == day)
            if let p = previous, p.1 == c.month { #expect(c.day == p.2 + 1) }
            previous = (c.year, c.month, c.day)
            day += 1
        }
    }

    @Test(arguments: [(2023, 2, 29), (2021, 4, 31), (2020, 13, 1), (2020, 0, 10), (1900, 2, 29)])
    func invalidDatesAreRejected(year: Int, month: Int, day: Int) {
        #expect(CalendarDate(year: year, month: month, day: day) == nil)
    }

    @Test func leapDaysExist() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
    }

    @Test func weekAndMonthStarts() throws {
        let sunday = try #require(CalendarDate(year: 2024, month: 3, day: 10))
        #expect(sunday.isoWeekday == 7)
        #expect(sunday.startOfWeek.description == "2024-03-04")
        #expect(sunday.startOfMonth.description == "2024-03-01")
        let monday = try #require(CalendarDate(year: 2024, month: 3, day: 4))
        #expect(monday.startOfWeek == monday)
    }

    @Test(arguments: [
        ("2024-03-09", DateFormat.isoDate, "2024-03-09"),
        ("2024/03/09", .slashed, "2024-03-09"),
        ("09.03.2024", .dotted, "2024-03-09"),
        ("2024-03-09T23:59:59Z", .isoTimestamp, "2024-03-09"),
        ("2024-03-09 08:00:00", .isoTimestamp, "2024-03-09"),
        ("2024-03-09T08:00:00.123+01:00", .isoTimestamp, "2024-03-09"),
        ("2024-03-09T08:00", .isoTimestamp, "2024-03-09"),
    ])
    func dateFormatsParse(text: String, format: DateFormat, expected: String) {
        #expect(DateFormat.detect(text) == format)
        #expect(format.parse(text)?.description == expected)
    }

    @Test(arguments: ["2024-02-30", "2024-3-9", "03/09/2024", "2024-03-09T25:00:00Z", "2024-03-09T08:00:00X", "tomorrow", ""])
    func nonDatesAreRejected(text: String) {
        #expect(DateFormat.detect(text) == nil)
    }
}
