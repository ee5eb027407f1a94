import MMMCore

extension HolidayCalendar {
    /// One modelled holiday on one row date: after reshaping to the data's cadence, each distinct ``name`` becomes
    /// one holiday indicator in the decomposition.
    package struct Occurrence: Sendable, Equatable, Hashable {
        /// The (floored) date the holiday is attached to.
        package var date: CalendarDate
        /// The holiday name; for weekly and monthly data the names of one period pasted with ", ".
        package var name: String

        /// Creates an occurrence.
        package init(date: CalendarDate, name: String) {
            self.date = date
            self.name = name
        }
    }

    /// A country's holidays reshaped to the data's cadence exactly as Robyn's `set_holidays` does.
    ///
    /// - daily: rows as they are;
    /// - weekly: each date is floored to the start of its week, where weeks start on the weekday of `firstDate`;
    ///   rows are grouped by (date, country, year) and the names pasted with ", " in table order, so for example
    ///   `Christmas Day, Second Day of Christmas` is a holiday of its own;
    /// - monthly: each date is cut to the 1st of its month, with the same grouping.
    ///
    /// Robyn groups all countries and then keeps one; filtering first gives the same rows. Country codes are
    /// compared case-insensitively, so `de` and `DE` rows group together.
    /// - Parameters:
    ///   - country: country code, compared case-insensitively.
    ///   - cadence: the data's cadence.
    ///   - firstDate: the first data date (sets the week start for weekly data).
    /// - Returns: occurrences sorted by (date, year) as dplyr's grouping orders them.
    package func occurrences(country: String, cadence: Cadence, firstDate: CalendarDate) -> [Occurrence] {
        let rows = entries(country: country)
        switch cadence {
        case .daily:
            return rows.map { Occurrence(date: $0.date, name: $0.name) }
        case .weekly:
            let weekStart = firstDate.isoWeekday
            return Self.pasted(rows) { date in
                date.adding(days: -((date.isoWeekday - weekStart + 7) % 7))
            }
        case .monthly:
            return Self.pasted(rows) { $0.startOfMonth }
        }
    }

    /// Groups rows by (floored date, country, year), pasting names in row order.
    private static func pasted(_ rows: [Entry], floor: (CalendarDate) -> CalendarDate) -> [Occurrence] {
        struct Key: Hashable, Comparable {
            var date: CalendarDate
            var country: String
            var year: Int
            static func < (a: Key, b: Key) -> Bool {
                (a.date, a.country, a.year) < (b.date, b.country, b.year)
            }
        }
        var names: [Key: [String]] = [:]
        for row in rows {
            names[Key(date: floor(row.date), country: row.country.uppercased(), year: row.year), default: []].append(row.name)
        }
        return names.keys.sorted().compactMap { key in
            names[key].map { Occurrence(date: key.date, name: $0.joined(separator: ", ")) }
        }
    }
}
