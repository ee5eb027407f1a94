import Foundation
import MMMCore

extension SnowflakeResult {
    /// The result as RFC 4180 CSV (header first, LF line ends), each cell in ``SnowflakeColumn/formattedValue(at:)``'s
    /// lossless text; SQL NULL is an empty cell. This is the snapshot format `train` keeps next to a run.
    public func csvBytes() -> [UInt8] {
        let writer = CSVWriter()
        var out: [UInt8] = []
        out.reserveCapacity(rowCount * max(1, columns.count) * 12 + 256)
        func append(_ fields: [String]) {
            var line = ""
            writer.appendRecord(fields, to: &line)
            out.append(contentsOf: line.utf8)
        }
        append(columns.map(\.name))
        for row in 0..<rowCount {
            append(columns.map { $0.formattedValue(at: row) ?? "" })
        }
        return out
    }

    /// The result as one JSON array of objects (column name → value). Numbers stay JSON numbers when they are
    /// exactly representable (integers, doubles); exact decimals, dates and times are strings; VARIANT/OBJECT/ARRAY
    /// cells are embedded as JSON; NULL is null.
    public func jsonBytes() throws -> [UInt8] {
        var out: [UInt8] = Array("[".utf8)
        for row in 0..<rowCount {
            if row > 0 { out.append(contentsOf: Array(",\n".utf8)) }
            out += try jsonObject(row: row)
        }
        out += Array("]\n".utf8)
        return out
    }

    /// The result as newline-delimited JSON: one object per row.
    public func ndjsonBytes() throws -> [UInt8] {
        var out: [UInt8] = []
        for row in 0..<rowCount {
            out += try jsonObject(row: row)
            out.append(0x0A)
        }
        return out
    }

    private func jsonObject(row: Int) throws -> [UInt8] {
        var out: [UInt8] = [0x7B]
        for (index, column) in columns.enumerated() {
            if index > 0 { out.append(0x2C) }
            out += try Self.jsonString(column.name)
            out.append(0x3A)
            out += try Self.jsonValue(column, row: row)
        }
        out.append(0x7D)
        return out
    }

    private static func jsonString(_ text: String) throws -> [UInt8] {
        Array(try JSONEncoder().encode(text))
    }

    private static func jsonValue(_ column: SnowflakeColumn, row: Int) throws -> [UInt8] {
        guard let text = column.formattedValue(at: row) else { return Array("null".utf8) }
        switch column.values {
        case .fixed(let scale, _) where scale == 0: return Array(text.utf8)
        case .double(let values):
            guard let value = values[row], value.isFinite else { return try jsonString(text) }
            return Array(text.utf8)
        case .boolean: return Array(text.utf8)
        case .json:
            // Snowflake sends VARIANT/OBJECT/ARRAY as JSON text; re-encode it compactly (and validate it).
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            return Array(try JSONSerialization.data(withJSONObject: object, options: [.fragmentsAllowed, .sortedKeys]))
        default: return try jsonString(text)
        }
    }

    /// The result as a typed table, through the same CSV reader as files (so typing rules are identical).
    /// - Returns: the table and the snapshot bytes it was read from (hash these for manifests).
    /// - Throws: ``DataError`` when the result has no rows or no columns.
    public func dataTable(source: String) throws -> (table: DataTable, snapshot: Data) {
        let snapshot = Data(csvBytes())
        do {
            return (try CSVReader().parse(snapshot), snapshot)
        } catch let error as DataError {
            throw error.inFile(source)
        }
    }
}
