import Foundation
import MMMCore
import MMMParquet
import MMMSnowflake

extension SnowflakeResult {
    /// The result as typed Parquet columns for `snowflake query --format parquet`.
    ///
    /// NUMBER with scale 0 → INT64; NUMBER with a scale, DECFLOAT and FLOAT → DOUBLE (the decimal text correctly
    /// rounded); BOOLEAN → BOOLEAN; DATE → DATE; TIMESTAMP_NTZ/LTZ/TZ → TIMESTAMP (µs, UTC instant; a TZ offset is
    /// not kept); text, TIME, VARIANT/OBJECT/ARRAY and BINARY → STRING in the CSV export's text form. SQL NULL is null.
    /// - Throws: ``DataError`` when two columns share a name.
    func parquetTable() throws -> ParquetTable {
        try ParquetTable(columns: columns.map { column in
            ParquetColumn(name: column.name, values: Self.parquetValues(column))
        })
    }

    private static func parquetValues(_ column: SnowflakeColumn) -> ParquetValues {
        switch column.values {
        case .fixed(0, let values): return .int64(values)
        case .fixed, .exactDecimal:
            return .double((0..<column.count).map { column.formattedValue(at: $0).flatMap(NumberParser.parse) })
        case .double(let values): return .double(values)
        case .boolean(let values): return .boolean(values)
        case .date(let values): return .date(values.map { $0.map { CalendarDate(daysSinceEpoch: Int($0)) } })
        case .timestamp(let values): return .timestamp(values.map { $0.map(micros) })
        case .timestampTZ(let values): return .timestamp(values.map { $0.map { micros($0.instant) } })
        case .text, .json, .time, .binary: return .string((0..<column.count).map(column.formattedValue(at:)))
        }
    }

    /// Microseconds since the epoch, sub-microsecond digits dropped (floor).
    private static func micros(_ t: SnowflakeTimestamp) -> Int64 {
        t.seconds &* 1_000_000 &+ Int64(t.nanoseconds / 1000)
    }
}
