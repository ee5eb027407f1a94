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
        String(decoding: bytes(for: table), as: UTF8.self)
    }

    /// The CSV bytes of a table, header first; built in one buffer, cell by cell.
    public func bytes(for table: DataTable) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(table.rowCount * table.columns.count * 12 + 256)
        let separator = delimiter.asciiValue ?? 0x2C
        for (i, name) in table.columnNames.enumerated() {
            if i > 0 { out.append(separator) }
            appendField(name, to: &out, separator: separator)
        }
        out.append(0x0A)
        for row in 0..<table.rowCount {
            for (i, column) in table.columns.enumerated() {
                if i > 0 { out.append(separator) }
                switch column.values {
                case .number(let v):
                    if !v[row].isNaN { out.append(contentsOf: NumberFormatting.shortest(v[row]).utf8) }
                case .date(let v):
                    if let d = v[row] { out.append(contentsOf: d.description.utf8) }
                case .text(let v):
                    if let t = v[row] { appendField(t, to: &out, separator: separator) }
                }
            }
            out.append(0x0A)
        }
        return out
    }

    private func appendField(_ field: String, to out: inout [UInt8], separator: UInt8) {
        var needsQuotes = false
        let utf8 = field.utf8
        if let first = utf8.first, let last = utf8.last, first == 0x20 || last == 0x20 { needsQuotes = true }
        if !needsQuotes {
            for b in utf8 where b == separator || b == 0x22 || b == 0x0A || b == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(0x22)
        for b in utf8 {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
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
        try AtomicFile.write(Data(bytes(for: table)), to: path)
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
        // Fast path: without any of these bytes none of the checks below can be true (no other character equals
        // them), and the Foundation searches they would run dominate writing large tables.
        if let separator = delimiter.asciiValue, !Self.mayNeedQuotes(field.utf8, separator: separator) { return field }
        let needsQuotes =
            field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r")
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a field starts or ends with a space or holds the separator, a quote or a line break byte.
    private static func mayNeedQuotes(_ utf8: String.UTF8View, separator: UInt8) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        for b in utf8 where b == separator || b == 0x22 || b == 0x0A || b == 0x0D { return true }
        return false
    }
}
