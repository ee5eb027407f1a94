import Foundation
import MMMCore

extension HolidayCalendar {
    /// The columns a holiday table must have (matched case-insensitively; other columns are ignored).
    public static let requiredColumns = ["ds", "holiday", "country", "year"]

    /// Reads a user holidays CSV with columns `ds, holiday, country, year` (Robyn's `dt_holidays` layout).
    /// - Parameter csvPath: path of the CSV file.
    /// - Throws: ``DataError`` naming the file, line and column of the first bad row.
    public init(csvPath: String) throws {
        let name = (csvPath as NSString).lastPathComponent
        var options = CSVReader.Options()
        // Read every cell as text: a country code such as `NA` (Namibia) must not turn into a missing value.
        options.inferTypes = false
        let table = try CSVReader(options: options).read(path: csvPath)
        try self.init(table: table, source: name)
    }

    /// Parses holidays CSV text (the built-in table and tests use this).
    /// - Throws: ``DataError``.
    init(csvText: String, source: String) throws {
        var options = CSVReader.Options()
        options.inferTypes = false
        do {
            let table = try CSVReader(options: options).parse(csvText)
            try self.init(table: table, source: source)
        } catch let error as DataError {
            throw error.inFile(source)
        }
    }

    /// Builds a calendar from a table with columns `ds, holiday, country, year`.
    /// - Parameters:
    ///   - table: the table; `ds` may be a date or text column, `year` a number or text column.
    ///   - source: the file name used in error messages.
    /// - Throws: ``DataError`` for a missing column, an empty or unparseable cell; the line is the CSV line
    ///   (header = line 1).
    public init(table: DataTable, source: String? = nil) throws {
        func column(_ name: String) throws -> Column {
            guard let index = table.indexIgnoringCase(name) else {
                throw DataError(
                    .missingColumn(name), "the holidays table has no '\(name)' column", file: source,
                    hint: "holiday tables need the columns ds, holiday, country, year (Robyn's dt_holidays layout)")
            }
            return table.columns[index]
        }
        let ds = try column("ds"), holiday = try column("holiday")
        let country = try column("country"), year = try column("year")
        var entries: [Entry] = []
        entries.reserveCapacity(table.rowCount)
        var dateFormat: DateFormat?
        for row in 0..<table.rowCount {
            func fail(_ column: Column, _ reason: DataError.Reason, _ message: String, _ hint: String) -> DataError {
                DataError(reason, message, file: source, line: row + 2, column: column.name, hint: hint)
            }
            let date: CalendarDate
            if case .date(let values) = ds.values, let value = values[row] {
                date = value
            } else {
                let text = ds.cellText(row).trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else {
                    throw fail(ds, .unparseableDate, "the date is empty", "give every holiday a date as YYYY-MM-DD")
                }
                if dateFormat == nil { dateFormat = DateFormat.detect(text) }
                guard let format = dateFormat, let value = format.parse(text) else {
                    throw fail(ds, .unparseableDate, "'\(text)' is not a date", "write dates as YYYY-MM-DD")
                }
                date = value
            }
            let name = holiday.cellText(row)
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail(holiday, .invalidValue, "the holiday name is empty", "name every holiday")
            }
            let code = country.cellText(row).trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty else {
                throw fail(country, .invalidValue, "the country is empty", "give an ISO-3166 code such as DE")
            }
            let yearText = year.cellText(row).trimmingCharacters(in: .whitespaces)
            guard let yearValue = Self.integer(yearText) else {
                throw fail(
                    year, .notANumber, yearText.isEmpty ? "the year is empty" : "year '\(yearText)' is not a whole number",
                    "write the holiday's calendar year, e.g. \(date.components.year)")
            }
            entries.append(Entry(date: date, name: name, country: code, year: yearValue))
        }
        self.init(entries: entries)
    }

    /// A whole number written as `2016` or `2016.0`.
    private static func integer(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        guard let value = Double(text), value.isFinite, value == value.rounded(), abs(value) < 1e9 else { return nil }
        return Int(value)
    }
}
