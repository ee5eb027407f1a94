import MMMCore

/// A table of national holidays in Robyn's `dt_holidays` shape: one row per (date, holiday name, country, year).
///
/// Use ``builtIn`` (Robyn's table for DE, FR, GB and US, compiled into the library) or read a user CSV with the
/// same columns through ``init(csvPath:)`` / ``init(table:source:)``.
public struct HolidayCalendar: Sendable, Equatable {
    /// One holiday on one day in one country.
    public struct Entry: Sendable, Equatable, Hashable {
        /// The holiday's date.
        public var date: CalendarDate
        /// The holiday's name, e.g. `Christmas Day`.
        public var name: String
        /// Country code as written in the table, e.g. `DE`.
        public var country: String
        /// The `year` column: Robyn groups weekly and monthly holidays by it, so it is kept as given.
        public var year: Int

        /// Creates an entry.
        public init(date: CalendarDate, name: String, country: String, year: Int) {
            self.date = date
            self.name = name
            self.country = country
            self.year = year
        }
    }

    /// The rows, in table order (the order decides how names are pasted together for weekly and monthly data).
    public let entries: [Entry]

    /// Creates a calendar from rows.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Robyn's `dt_prophet_holidays` rows for DE, FR, GB and US (2,320 rows, 1995–2044), parsed once on first use.
    public static var builtIn: HolidayCalendar { BuiltInHolidays.calendar }

    /// The distinct country codes, sorted.
    public var countries: [String] { Array(Set(entries.map(\.country))).sorted() }

    /// Whether the calendar has rows for a country (compared case-insensitively).
    public func contains(country: String) -> Bool {
        let wanted = country.uppercased()
        return entries.contains { $0.country.uppercased() == wanted }
    }

    /// The rows of one country (compared case-insensitively), in table order.
    public func entries(country: String) -> [Entry] {
        let wanted = country.uppercased()
        return entries.filter { $0.country.uppercased() == wanted }
    }
}

/// Holds the parsed built-in table; a `static let` is initialised once, lazily and thread-safely.
enum BuiltInHolidays {
    static let calendar: HolidayCalendar = {
        // The embedded text is checked by a test against the shared CSV, so parsing cannot fail in a shipped build;
        // an empty calendar (and then a clear "unknown country" error) beats a crash if it ever did.
        (try? HolidayCalendar(csvText: EmbeddedHolidayTable.csvText, source: "built-in holidays"))
            ?? HolidayCalendar(entries: [])
    }()
}
