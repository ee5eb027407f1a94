import MMMCore
import Testing

@testable import MMMEngine

@Suite("Baseline decomposition inputs, notes and errors")
struct BaselineInputTests {
    private static func weeks(_ count: Int, from text: String = "2019-01-07") -> [CalendarDate] {
        let start = DateFormat.isoDate.parse(text) ?? CalendarDate(daysSinceEpoch: 0)
        return (0..<count).map { start.adding(days: 7 * $0) }
    }

    private static let y = (0..<60).map { 100 + Double($0 % 13) * 3 + Double($0) }

    private func reason(_ body: () throws -> Void) -> BaselineError.Reason? {
        do {
            try body()
            return nil
        } catch let error as BaselineError {
            return error.reason
        } catch {
            return nil
        }
    }

    @Test func holidayNeedsACountry() {
        #expect(reason {
            _ = try BaselineDecomposition.fit(dates: Self.weeks(60), y: Self.y, cadence: .weekly, terms: [.holiday])
        } == .missingCountry)
    }

    @Test func unknownCountryListsTheKnownOnes() throws {
        do {
            _ = try BaselineDecomposition.fit(
                dates: Self.weeks(60), y: Self.y, cadence: .weekly, terms: [.holiday], country: "UK")
            Issue.record("expected an error")
        } catch let error as BaselineError {
            #expect(error.reason == .unknownCountry)
            #expect(error.description.contains("DE, FR, GB, US"))
            #expect(error.category == .usage)
        }
    }

    @Test func datesMustIncreaseAndValuesBeFinite() {
        var dates = Self.weeks(60)
        dates.swapAt(3, 4)
        #expect(reason {
            _ = try BaselineDecomposition.fit(dates: dates, y: Self.y, cadence: .weekly, terms: [.trend])
        } == .unsortedDates)
        var y = Self.y
        y[10] = .nan
        #expect(reason {
            _ = try BaselineDecomposition.fit(dates: Self.weeks(60), y: y, cadence: .weekly, terms: [.trend])
        } == .nonFiniteValue)
        #expect(reason {
            _ = try BaselineDecomposition.fit(dates: Self.weeks(59), y: Self.y, cadence: .weekly, terms: [.trend])
        } == .invalidInput)
        #expect(reason {
            _ = try BaselineDecomposition.fit(dates: Self.weeks(1), y: [1], cadence: .weekly, terms: [.trend])
        } == .invalidInput)
    }

    @Test func factorsMustFitTheRowsAndNotClashWithTerms() {
        #expect(reason {
            _ = try BaselineDecomposition.fit(
                dates: Self.weeks(60), y: Self.y, cadence: .weekly, terms: [.trend],
                factors: [BaselineFactor(name: "promo", values: ["a", "b"])])
        } == .invalidFactor)
        #expect(reason {
            _ = try BaselineDecomposition.fit(
                dates: Self.weeks(60), y: Self.y, cadence: .weekly, terms: [.trend],
                factors: [BaselineFactor(name: "trend", values: Array(repeating: "a", count: 60))])
        } == .invalidFactor)
    }

    @Test func badOptionsAreRejected() {
        var options = BaselineFitOptions()
        options.changepointPriorScale = 0
        #expect(reason {
            _ = try BaselineDecomposition.fit(
                dates: Self.weeks(60), y: Self.y, cadence: .weekly, terms: [.trend], options: options)
        } == .invalidOption)
    }

    @Test func monthlyHolidaysNeedFirstOfMonthDates() {
        let start = CalendarDate(year: 2019, month: 1, day: 15) ?? CalendarDate(daysSinceEpoch: 0)
        let dates = (0..<24).map { start.adding(days: 31 * $0) }
        #expect(reason {
            _ = try BaselineDecomposition.fit(
                dates: dates, y: Array(Self.y.prefix(24)), cadence: .monthly, terms: [.holiday], country: "FR")
        } == .monthlyDatesNotFirstOfMonth)
    }

    @Test func weekdayIsIgnoredWithANoteUnlessDaily() throws {
        let fit = try BaselineDecomposition.fit(
            dates: Self.weeks(60), y: Self.y, cadence: .weekly, terms: [.trend, .weekday, .season])
        #expect(fit.columnNames == ["trend", "season"])
        #expect(fit.diagnostics.notes.contains { $0.contains("weekday ignored") })
    }

    @Test func noTermsMeansNothingIsFitted() throws {
        let fit = try BaselineDecomposition.fit(
            dates: Self.weeks(60), y: Self.y, cadence: .weekly, terms: [],
            factors: [BaselineFactor(name: "promo", values: (0..<60).map { $0 % 2 == 0 ? "a" : "b" })])
        #expect(fit.columns.isEmpty)
        #expect(fit.diagnostics.notes.count == 1)
    }

    @Test func dailyHolidaysSitExactlyOnTheCalendarDates() throws {
        let start = try #require(CalendarDate(year: 2019, month: 1, day: 1))
        let dates = (0..<730).map { start.adding(days: $0) }
        let y = dates.indices.map { 500 + Double($0 % 7) * 10 + Double($0) * 0.1 }
        let fit = try BaselineDecomposition.fit(
            dates: dates, y: y, cadence: .daily, terms: [.trend, .holiday, .weekday], country: "us")
        let holiday = try #require(fit["holiday"])
        let holidayDates = Set(HolidayCalendar.builtIn.entries(country: "US").map(\.date))
        for (index, date) in dates.enumerated() where !holidayDates.contains(date) {
            #expect(holiday[index] == 0)
        }
        let used = dates.filter { holidayDates.contains($0) }.count
        #expect(used > 15)
        #expect(fit.diagnostics.holidaysUsed > 5)
        #expect(fit.diagnostics.holidayNames.contains("Christmas Day"))
    }

    @Test func userCalendarReplacesTheBuiltInOne() throws {
        let dates = Self.weeks(60)
        let calendar = HolidayCalendar(entries: [
            .init(date: dates[10].adding(days: 2), name: "Company Day", country: "ZZ", year: 2019),
            .init(date: dates[30], name: "Company Day", country: "ZZ", year: 2019),
        ])
        var y = Self.y
        y[10] += 40
        y[30] += 40
        let fit = try BaselineDecomposition.fit(
            dates: dates, y: y, cadence: .weekly, terms: [.trend, .holiday], holidays: calendar, country: "ZZ")
        let holiday = try #require(fit["holiday"])
        #expect(fit.diagnostics.holidayNames == ["Company Day"])
        #expect(holiday.indices.filter { holiday[$0] != 0 } == [10, 30])
        #expect(abs(holiday[10] - 40) < 10)
    }

    @Test func monthlyDataPastesTheMonthsHolidays() throws {
        let dates = (0..<36).compactMap { CalendarDate(year: 2017 + $0 / 12, month: $0 % 12 + 1, day: 1) }
        let y = dates.indices.map { 1000 + 50 * Double($0 % 12) + 3 * Double($0) }
        let fit = try BaselineDecomposition.fit(
            dates: dates, y: y, cadence: .monthly, terms: [.trend, .season, .holiday], country: "FR")
        #expect(fit.diagnostics.holidayNames.contains("All Saints' Day, Armistice Day"))
        let holiday = try #require(fit["holiday"])
        #expect(holiday.allSatisfy { $0.isFinite })
        let holidayMonths = Set(HolidayCalendar.builtIn.entries(country: "FR").map(\.date.startOfMonth))
        for (index, date) in dates.enumerated() where !holidayMonths.contains(date) {
            #expect(holiday[index] == 0)
        }
    }

    @Test func shortHistoriesStillFit() throws {
        let fit = try BaselineDecomposition.fit(
            dates: Self.weeks(12, from: "2019-12-02"), y: Array(Self.y.prefix(12)), cadence: .weekly,
            terms: [.trend, .season, .holiday], country: "DE")
        #expect(fit.diagnostics.changepoints.count == 8)
        #expect(fit.columns.allSatisfy { $0.values.allSatisfy { $0.isFinite } })
        #expect(fit.diagnostics.rSquared > 0.9)
    }

    @Test func allZeroSeriesGivesZeroComponents() throws {
        let fit = try BaselineDecomposition.fit(
            dates: Self.weeks(60), y: Array(repeating: 0, count: 60), cadence: .weekly, terms: [.trend, .season])
        #expect(fit.columns.allSatisfy { $0.values.allSatisfy { $0 == 0 } })
    }
}
