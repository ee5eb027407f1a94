import MMMCore
import Testing

@testable import MMMEngine

@Suite("Holidays reshaped to the data cadence (Robyn set_holidays)")
struct HolidayCadenceTests {
    private func day(_ text: String) throws -> CalendarDate { try #require(DateFormat.isoDate.parse(text)) }

    private func calendar() throws -> HolidayCalendar {
        HolidayCalendar(entries: [
            .init(date: try day("2020-12-25"), name: "Christmas Day", country: "DE", year: 2020),  // Friday
            .init(date: try day("2020-12-26"), name: "Second Day of Christmas", country: "DE", year: 2020),  // Sat
            .init(date: try day("2020-12-31"), name: "New Year's Eve", country: "DE", year: 2020),  // Thursday
            .init(date: try day("2021-01-01"), name: "New Year's Day", country: "DE", year: 2021),  // Friday
            .init(date: try day("2020-12-25"), name: "Christmas Day", country: "FR", year: 2020),
            .init(date: try day("2021-01-10"), name: "Some Sunday", country: "de", year: 2021),  // Sunday
        ])
    }

    @Test func weeklyFloorsToTheFirstDatesWeekdayAndPastesNames() throws {
        let got = try calendar().occurrences(country: "DE", cadence: .weekly, firstDate: try day("2020-11-30"))
        #expect(got == [
            .init(date: try day("2020-12-21"), name: "Christmas Day, Second Day of Christmas"),
            // Same week, different `year`: two holidays on one date, as dplyr's group_by(ds, country, year) gives.
            .init(date: try day("2020-12-28"), name: "New Year's Eve"),
            .init(date: try day("2020-12-28"), name: "New Year's Day"),
            .init(date: try day("2021-01-04"), name: "Some Sunday"),
        ])
    }

    @Test func weeksStartingOnSundayFloorToSundays() throws {
        let got = try calendar().occurrences(country: "DE", cadence: .weekly, firstDate: try day("2020-11-29"))
        #expect(got.map(\.date.description) == ["2020-12-20", "2020-12-27", "2020-12-27", "2021-01-10"])
        #expect(got.map(\.date.isoWeekday).allSatisfy { $0 == 7 })
    }

    @Test func monthlyCutsToTheFirstOfTheMonth() throws {
        let got = try calendar().occurrences(country: "DE", cadence: .monthly, firstDate: try day("2020-01-01"))
        #expect(got == [
            .init(date: try day("2020-12-01"), name: "Christmas Day, Second Day of Christmas, New Year's Eve"),
            .init(date: try day("2021-01-01"), name: "New Year's Day, Some Sunday"),
        ])
    }

    @Test func dailyKeepsRowsAndFiltersTheCountry() throws {
        let got = try calendar().occurrences(country: "fr", cadence: .daily, firstDate: try day("2020-01-01"))
        #expect(got == [.init(date: try day("2020-12-25"), name: "Christmas Day")])
    }

    @Test func demoWeeklyHolidaysPasteChristmas() throws {
        let occurrences = HolidayCalendar.builtIn.occurrences(
            country: "DE", cadence: .weekly, firstDate: try day("2015-11-23"))
        let christmas2015 = occurrences.filter { $0.date == (try? day("2015-12-21")) }
        #expect(christmas2015.map(\.name) == ["Christmas Day, Second Day of Christmas"])
        #expect(occurrences.allSatisfy { $0.date.isoWeekday == 1 })
    }
}
