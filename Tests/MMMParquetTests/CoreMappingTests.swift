import Foundation
import MMMCore
import MMMParquet
import Testing

/// `readTable` maps every Parquet kind onto Core's number/date/text columns the way the CSV reader types them.
@Suite struct CoreMappingTests {
    static let file = ParquetOracle.fixtures.appendingPathComponent("golden/pyarrow-snappy-v2-dict.parquet").path

    @Test func kindsMapToCoreColumns() throws {
        let typed = try ParquetReader().readColumns(path: Self.file)
        let table = try ParquetReader().readTable(path: Self.file)
        #expect(table.columnNames == typed.columns.map(\.name))
        #expect(table.sourceLines == Array(1...typed.rowCount))
        for column in typed.columns {
            let core = try #require(table[column.name])
            switch column.values {
            case .boolean(let v):
                #expect(core.numbers?.map { $0.isNaN ? nil : $0 } == v.map { $0.map { $0 ? 1.0 : 0.0 } }, "\(column.name)")
            case .int64(let v):
                #expect(core.numbers?.map { $0.isNaN ? nil : $0 } == v.map { $0.map(Double.init) }, "\(column.name)")
            case .double(let v):
                let expected = v.map { $0.flatMap { $0.isNaN ? nil : $0 } }
                #expect(core.numbers?.map { $0.isNaN ? nil : $0 } == expected, "\(column.name)")
            case .string(let v):
                #expect(core.texts == v, "\(column.name)")
            case .date(let v):
                #expect(core.dates == v, "\(column.name)")
            case .timestamp(let v):
                let days = v.map { $0.map { CalendarDate(daysSinceEpoch: Int(floor(Double($0) / 86_400_000_000))) } }
                #expect(core.dates == days, "\(column.name)")
            }
        }
        // Text columns record their first non-numeric cell, as CSV text columns do.
        let text = try #require(table["text"])
        let first = try #require(text.texts?.firstIndex { $0 != nil })
        #expect(text.firstNonNumeric?.row == first)
        #expect(table["flag"]?.values.kind == .number)
        #expect(table["ts_ns"]?.values.kind == .date)
        #expect(table["tod"]?.values.kind == .text)
    }

    /// The example data through Parquet gives the same Core table as through CSV (so preparation sees the same).
    @Test func exampleDataThroughParquetEqualsCSV() throws {
        let csvPath = ParquetOracle.fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/data/dt_simulated_weekly.csv").path
        let csv = try CSVReader().read(path: csvPath)
        let parquet = try ParquetReader().readTable(Data(try ParquetWriter().bytes(for: csv)), name: "weekly.parquet")
        #expect(parquet.columnNames == csv.columnNames)
        for (a, b) in zip(parquet.columns, csv.columns) {
            switch (a.values, b.values) {
            case (.number(let x), .number(let y)):
                #expect(x.count == y.count && zip(x, y).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(a.name)")
            default: #expect(a.values == b.values, "\(a.name)")
            }
        }
    }
}
