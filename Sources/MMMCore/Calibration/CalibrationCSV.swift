import Foundation

/// Reads lift studies from a CSV with Robyn's `calibration_input` columns.
///
/// Required columns: `channel, liftStartDate, liftEndDate, liftAbs`; optional: `spend, confidence, metric,
/// calibration_scope`. Any other column is an error (a misspelt `calibration_scope` would otherwise silently mean
/// `immediate`). Every problem is one ``DataError`` naming the file, line, column and value.
public enum CalibrationCSV {
    /// Reads and checks a calibration file against a configuration.
    /// - Parameters:
    ///   - path: the CSV file.
    ///   - config: the job configuration (for ``CalibrationChecks``).
    /// - Returns: the studies in file order.
    /// - Throws: ``DataError`` (exit code 3) for a missing or malformed file, a missing or unknown column, a bad cell,
    ///   or a study that fails Robyn's checks.
    public static func read(path: String, config: JobConfig) throws -> [CalibrationStudy] {
        var options = CSVReader.Options()
        options.inferTypes = false
        let (table, _) = try CSVFile.load(path: path, reader: CSVReader(options: options))
        return try studies(in: table, file: path, config: config)
    }

    /// Parses studies from a table read as text.
    /// - Throws: ``DataError`` naming `file`.
    public static func studies(in table: DataTable, file: String, config: JobConfig) throws -> [CalibrationStudy] {
        let names = table.columnNames
        for name in names where !CalibrationStudy.jsonKeys.contains(name) {
            throw DataError(
                .invalidValue, "unknown column", file: file, line: 1, column: name,
                hint: "calibration columns are \(CalibrationStudy.CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for name in CalibrationStudy.CodingKeys.allCases.map(\.rawValue) where CalibrationStudy.requiredJSONKeys.contains(name) {
            guard names.contains(name) else {
                throw DataError(.missingColumn(name), "required column '\(name)' is missing", file: file, line: 1)
            }
        }
        func cell(_ column: String, _ row: Int) -> String? {
            guard let text = table[column]?.texts?[row] else { return nil }
            let trimmed = text.trimmedWhitespace
            return trimmed.isEmpty || ["NA", "NaN", "null"].contains(trimmed) ? nil : trimmed
        }
        var studies: [CalibrationStudy] = []
        for row in 0..<table.rowCount {
            let line = table.sourceLine(ofRow: row)
            func fail(_ column: String, _ message: String, hint: String? = nil) -> DataError {
                DataError(.invalidValue, message, file: file, line: line, column: column, hint: hint)
            }
            func required(_ column: String) throws -> String {
                guard let value = cell(column, row) else { throw fail(column, "the cell is empty", hint: "every study needs a \(column)") }
                return value
            }
            func date(_ column: String) throws -> CalendarDate {
                let text = try required(column)
                guard let value = DateFormat.isoDate.parse(text) else {
                    throw fail(column, "'\(text)' is not a date", hint: "write dates as YYYY-MM-DD")
                }
                return value
            }
            func number(_ column: String) throws -> Double? {
                guard let text = cell(column, row) else { return nil }
                guard let value = NumberParser.parse(text), value.isFinite else {
                    throw fail(column, "'\(text)' is not a number", hint: "numbers use '.' as decimal point and no thousands separators")
                }
                return value
            }
            let channel = try required("channel")
            let start = try date("liftStartDate")
            let end = try date("liftEndDate")
            guard let lift = try number("liftAbs") else { throw fail("liftAbs", "the cell is empty", hint: "every study needs a liftAbs") }
            var study = CalibrationStudy(channel: channel, liftStartDate: start, liftEndDate: end, liftAbs: lift)
            study.spend = try number("spend")
            study.confidence = try number("confidence")
            study.metric = cell("metric", row)
            if let scope = cell("calibration_scope", row) {
                guard let value = CalibrationScope(rawValue: scope) else {
                    throw fail("calibration_scope", "unknown value '\(scope)'", hint: "use 'immediate' or 'total'")
                }
                study.calibrationScope = value
            }
            if let problem = CalibrationChecks.problem(study, config: config) {
                throw fail(problem.key, problem.message)
            }
            studies.append(study)
        }
        return studies
    }
}

extension CalibrationCSV {
    /// Renders studies as a calibration CSV that ``read(path:config:)`` reads back (every column, empty when unset).
    /// - Parameter studies: the studies.
    /// - Returns: the CSV text.
    public static func render(_ studies: [CalibrationStudy]) -> String {
        let header = CalibrationStudy.CodingKeys.allCases.map(\.rawValue)
        let rows = studies.map { s in
            [
                s.channel, s.liftStartDate.description, s.liftEndDate.description, NumberFormatting.shortest(s.liftAbs),
                s.spend.map(NumberFormatting.shortest) ?? "", s.confidence.map(NumberFormatting.shortest) ?? "",
                s.metric ?? "", s.calibrationScope.rawValue,
            ]
        }
        return CSVWriter().string(header: header, rows: rows)
    }
}
