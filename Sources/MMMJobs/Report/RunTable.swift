import Foundation
import MMMCore

/// One CSV table of a run folder, read with Core's reader, with column access that names the file in errors.
struct RunTable: Sendable {
    /// The file name inside the run folder, for messages.
    let name: String
    /// The parsed table.
    let table: DataTable

    /// Parses a run file.
    /// - Parameter columns: the columns to read (nil: all); the others are not typed and are missing from the table.
    /// - Throws: ``DataError`` naming the file.
    init(_ data: Data, name: String, columns: Set<String>? = nil) throws {
        self.name = name
        do {
            // Robyn's own CSVs (the R backend's runs) start with R's unnamed row-name column.
            var options = CSVReader.Options()
            options.dropsRowNames = true
            options.columns = columns
            table = try CSVReader(options: options).parse(data)
        } catch let error as DataError {
            throw error.inFile(name)
        }
    }

    var rowCount: Int { table.rowCount }

    func has(_ column: String) -> Bool { table.index(of: column) != nil }

    /// A column that must exist.
    private func column(_ name: String) throws -> Column {
        guard let column = table[name] else {
            throw DataError(
                .missingColumn(name), "column '\(name)' is missing", file: self.name,
                hint: "the run folder was not written by this version of mmm-trainer, or the file was edited")
        }
        return column
    }

    /// Numbers of a column; missing cells (`NA`, empty) are nil. A column with no value at all reads as all nil.
    func numbers(_ name: String) throws -> [Double?] {
        let column = try column(name)
        switch column.values {
        case .number(let values): return values.map { $0.isNaN ? nil : $0 }
        case .text(let values) where values.allSatisfy({ $0 == nil }): return values.map { _ in nil }
        default:
            throw DataError(
                .notANumber, "expected numbers, found '\(column.firstNonNumeric?.value ?? column.cellText(0))'",
                file: self.name, line: column.firstNonNumeric.map { $0.row + 2 }, column: name)
        }
    }

    /// Cell texts of a column (numbers and dates as written); missing cells are nil.
    func texts(_ name: String) throws -> [String?] {
        let column = try column(name)
        return (0..<rowCount).map { column.values.isMissing($0) ? nil : column.cellText($0) }
    }

    /// Dates of a date column.
    func dates(_ name: String) throws -> [CalendarDate?] {
        let column = try column(name)
        guard let dates = column.dates else {
            throw DataError(.unparseableDate, "expected dates (YYYY-MM-DD)", file: self.name, column: name)
        }
        return dates
    }

    /// Whether a `TRUE`/`FALSE` column is TRUE on each row (missing cells are false).
    func flags(_ name: String) throws -> [Bool] {
        try texts(name).map { $0?.uppercased() == "TRUE" }
    }

    /// The row indexes whose `solID` is `modelId`, in file order.
    func rows(ofModel modelId: String) throws -> [Int] {
        try texts("solID").indices(where: modelId)
    }
}

extension Array where Element == String? {
    /// Indexes holding `value`.
    fileprivate func indices(where value: String) -> [Int] {
        enumerated().compactMap { $0.element == value ? $0.offset : nil }
    }
}
