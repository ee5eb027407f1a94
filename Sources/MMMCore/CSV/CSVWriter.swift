import Foundation

/// Writes a ``DataTable`` (or raw rows) as RFC 4180 CSV: LF line ends, fields quoted only when needed.
///
/// Numbers use ``NumberFormatting/shortest(_:)`` and dates `YYYY-MM-DD`, so writing the same table twice gives the
/// same bytes, and reading the output back gives the same values.
public struct CSVWriter: Sendable {
    /// Field separator.
    public var delimiter: Character = ","

    /// Creates a writer.
    public init() {}

    /// The CSV text of a table, header first.
    public func string(for table: DataTable) -> String {
        var out = ""
        out.reserveCapacity(table.rowCount * table.columns.count * 10)
        appendRecord(table.columnNames, to: &out)
        for row in 0..<table.rowCount {
            appendRecord(table.columns.map { $0.cellText(row) }, to: &out)
        }
        return out
    }

    /// The CSV text of a header and rows of already-rendered fields.
    public func string(header: [String], rows: [[String]]) -> String {
        var out = ""
        appendRecord(header, to: &out)
        for row in rows { appendRecord(row, to: &out) }
        return out
    }

    /// Writes a table to `path` atomically (temporary file, then rename).
    /// - Throws: ``FileWriteError`` if the file cannot be written.
    public func write(_ table: DataTable, to path: String) throws {
        try AtomicFile.write(Data(string(for: table).utf8), to: path)
    }

    /// Appends one record and its line end.
    public func appendRecord(_ fields: [String], to out: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(delimiter) }
            out += escape(field)
        }
        out.append("\n")
    }

    /// Quotes a field if it contains the delimiter, a quote, a line break, or leading/trailing spaces.
    public func escape(_ field: String) -> String {
        let needsQuotes =
            field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r")
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
