import Foundation
import MMMCore
import Testing

@testable import MMMEngine

@Suite("Built-in holiday table")
struct EmbeddedHolidayTableTests {
    @Test func embeddedTextEqualsTheFixtureCSVByteForByte() throws {
        let path = Fixtures.robyn("holidays_sample.csv").path
        let fixture = try #require(FileManager.default.contents(atPath: path))
        #expect(Data(EmbeddedHolidayTable.csvText.utf8) == fixture)
    }

    @Test func builtInCalendarEqualsTheFixtureCSVRowForRow() throws {
        let fromFile = try HolidayCalendar(csvPath: Fixtures.robyn("holidays_sample.csv").path)
        let builtIn = HolidayCalendar.builtIn
        #expect(builtIn.entries.count == 2320)
        #expect(builtIn == fromFile)
        #expect(builtIn.entries.first == HolidayCalendar.Entry(
            date: try #require(CalendarDate(year: 1995, month: 1, day: 1)), name: "New Year's Day", country: "DE",
            year: 1995))
    }

    @Test("rows per country, as in Tests/Fixtures/robyn/README.md", arguments: [
        ("DE", 451), ("FR", 547), ("GB", 734), ("US", 588),
    ])
    func rowsPerCountry(country: String, rows: Int) {
        #expect(HolidayCalendar.builtIn.entries(country: country).count == rows)
        #expect(HolidayCalendar.builtIn.entries(country: country.lowercased()).count == rows)
    }

    @Test func countriesAreListed() {
        #expect(HolidayCalendar.builtIn.countries == ["DE", "FR", "GB", "US"])
        #expect(!HolidayCalendar.builtIn.contains(country: "UK"))
    }

    /// Tests/Fixtures/robyn/README.md counts 39 DE holidays from the first demo date through 2019 (Christmas 2019 included);
    /// 37 of them fall in the demo's weeks (2015-11-23 to 2019-11-17).
    @Test func demoRangeGermanHolidays() throws {
        let first = try #require(CalendarDate(year: 2015, month: 11, day: 23))
        let entries = HolidayCalendar.builtIn.entries(country: "DE")
        func count(through last: CalendarDate) -> Int { entries.filter { $0.date >= first && $0.date <= last }.count }
        #expect(count(through: try #require(CalendarDate(year: 2019, month: 12, day: 31))) == 39)
        #expect(count(through: try #require(CalendarDate(year: 2019, month: 11, day: 17))) == 37)
    }
}
