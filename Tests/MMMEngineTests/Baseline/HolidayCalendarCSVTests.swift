import Foundation
import MMMCore
import Testing

@testable import MMMEngine

@Suite("User holiday CSV")
struct HolidayCalendarCSVTests {
    private func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("baseline-holidays-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func dataError(_ text: String) throws -> DataError? {
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try HolidayCalendar(csvPath: path)
            return nil
        } catch let error as DataError {
            return error
        }
    }

    @Test func readsRowsInFileOrderAndIgnoresExtraColumns() throws {
        let path = try write("""
            DS,holiday,country,year,n
            2020-12-25,Christmas Day,XX,2020,1
            2020-12-26,Boxing Day,xx,2020,1
            2021-01-01,"New Year's Day, observed",NA,2021.0,2

            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let calendar = try HolidayCalendar(csvPath: path)
        #expect(calendar.entries.map(\.name) == ["Christmas Day", "Boxing Day", "New Year's Day, observed"])
        #expect(calendar.entries.map(\.year) == [2020, 2020, 2021])
        // `NA` is Namibia's code, not a missing value.
        #expect(calendar.entries.last?.country == "NA")
        #expect(calendar.entries(country: "XX").count == 2)
        #expect(calendar.countries == ["NA", "XX", "xx"])
    }

    @Test func missingColumnIsNamed() throws {
        let error = try #require(try dataError("ds,holiday,year\n2020-12-25,Christmas Day,2020\n"))
        #expect(error.reason == .missingColumn("country"))
        #expect(error.description.contains("ds, holiday, country, year"))
    }

    @Test func badDateNamesLineAndColumn() throws {
        let error = try #require(try dataError("ds,holiday,country,year\n2020-12-25,A,DE,2020\n2020-13-01,B,DE,2020\n"))
        #expect(error.reason == .unparseableDate)
        #expect(error.line == 3)
        #expect(error.column == "ds")
        #expect(error.description.contains("'2020-13-01' is not a date"))
    }

    @Test func emptyNameAndCountryAreRejected() throws {
        let name = try #require(try dataError("ds,holiday,country,year\n2020-12-25,,DE,2020\n"))
        #expect(name.line == 2)
        #expect(name.column == "holiday")
        let country = try #require(try dataError("ds,holiday,country,year\n2020-12-25,A,,2020\n"))
        #expect(country.column == "country")
    }

    @Test func badYearIsRejected() throws {
        let error = try #require(try dataError("ds,holiday,country,year\n2020-12-25,A,DE,2020.5\n"))
        #expect(error.reason == .notANumber)
        #expect(error.column == "year")
        #expect(error.description.contains("e.g. 2020"))
    }

    @Test func missingFileIsReported() {
        #expect(throws: DataError.self) { try HolidayCalendar(csvPath: "/nonexistent/holidays.csv") }
    }
}
