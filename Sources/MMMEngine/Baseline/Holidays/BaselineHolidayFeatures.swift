import Foundation
import MMMCore

/// One holiday regressor: 1 on the rows the holiday falls on (Prophet's window lower = upper = 0), else 0.
struct BaselineHolidayIndicator: Equatable {
    /// The holiday's (possibly pasted) name.
    var name: String
    /// One value per row.
    var values: [Double]
}

/// Builds the holiday regressors of the decomposition.
enum BaselineHolidayFeatures {
    /// One indicator per distinct holiday name that falls on at least one data date, in order of first occurrence.
    /// Holidays that never hit a data date are left out: in Prophet their column is all zeros and the prior holds
    /// their coefficient at 0, so they change nothing.
    /// - Throws: ``BaselineError`` when the country is missing or unknown, or monthly data is not dated on the 1st.
    static func indicators(
        dates: [CalendarDate], cadence: Cadence, calendar: HolidayCalendar, country: String?
    ) throws -> [BaselineHolidayIndicator] {
        guard let country = country?.trimmingCharacters(in: .whitespaces), !country.isEmpty else {
            throw BaselineError(
                .missingCountry, "the holiday term needs a country",
                hint: "set holidays_country (or country) in the job config, or remove 'holiday' from baseline_vars")
        }
        guard calendar.contains(country: country) else {
            throw BaselineError(
                .unknownCountry,
                "country '\(country)' is not in the holiday table (it has: "
                    + calendar.countries.joined(separator: ", ") + ")",
                hint: "use one of these codes or supply a holidays CSV with columns ds, holiday, country, year")
        }
        if cadence == .monthly, let bad = dates.first(where: { $0.components.day != 1 }) {
            throw BaselineError(
                .monthlyDatesNotFirstOfMonth, "monthly data must be dated on the 1st of the month, found \(bad)",
                hint: "date each month by its first day")
        }
        var rowOf: [CalendarDate: Int] = [:]
        for (row, date) in dates.enumerated() { rowOf[date] = row }
        var order: [String] = []
        var rows: [String: [Int]] = [:]
        for occurrence in calendar.occurrences(country: country, cadence: cadence, firstDate: dates[0]) {
            guard let row = rowOf[occurrence.date] else { continue }
            if rows[occurrence.name] == nil { order.append(occurrence.name) }
            rows[occurrence.name, default: []].append(row)
        }
        return order.map { name in
            var values = [Double](repeating: 0, count: dates.count)
            for row in rows[name] ?? [] { values[row] = 1 }
            return BaselineHolidayIndicator(name: name, values: values)
        }
    }
}
