import Foundation
import MMMCore
import MMMParquet
import MMMTestSupport
import Testing

/// Files this library writes are read back by pyarrow and by duckdb with identical values.
@Suite struct WriterInteropTests {
    @Test func writtenFilesReadBackByPyarrowAndDuckDB() throws {
        if ParquetOracle.skipped("WriterInteropTests") { return }
        let table = try SampleTables.everyKind(rows: 2_000)
        let directory = try TemporaryDirectory.make("mmm-parquet-written")
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for compression in ParquetCompression.allCases {
            for dictionary in [true, false] {
                let path = directory.appendingPathComponent("\(compression)-\(dictionary).parquet").path
                try ParquetWriter(options: SampleTables.smallPages(compression, dictionary: dictionary))
                    .write(table, to: path)
                paths.append(path)
            }
        }
        let results = try ParquetOracle.read(paths)
        #expect(results.count == paths.count)
        for (path, result) in zip(paths, results) {
            let file = (path as NSString).lastPathComponent
            for (reader, columns) in [("pyarrow", result.pyarrow), ("duckdb", result.duckdb)] {
                #expect(columns.map(\.name) == table.columns.map(\.name), "\(reader) \(file)")
                for column in columns {
                    let written = try #require(table[column.name])
                    let difference = firstDifference(column.values, written.values)
                    #expect(difference == nil, "\(reader) \(file) column \(column.name): \(difference ?? "")")
                }
            }
        }
    }

    @Test func coreTableWrittenAsParquetReadsBackInPyarrow() throws {
        if ParquetOracle.skipped("WriterInteropTests.core") { return }
        let csv = "DATE,COUNTRY,REVENUE,TV_S\n2024-01-01,DE,100.5,3\n2024-01-08,,NA,4\n2024-01-15,FR,99,\n"
        let table = try CSVReader().parse(csv)
        let directory = try TemporaryDirectory.make("mmm-parquet-core")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("core.parquet").path
        try ParquetWriter().write(table, to: path)
        let result = try #require(try ParquetOracle.read([path]).first)
        let expected: [ParquetValues] = [
            .date([CalendarDate(year: 2024, month: 1, day: 1), CalendarDate(year: 2024, month: 1, day: 8),
                   CalendarDate(year: 2024, month: 1, day: 15)]),
            .string(["DE", nil, "FR"]), .double([100.5, nil, 99]), .double([3, 4, nil]),
        ]
        #expect(result.pyarrow.map(\.name) == ["DATE", "COUNTRY", "REVENUE", "TV_S"])
        for (column, values) in zip(result.pyarrow, expected) {
            #expect(firstDifference(column.values, values) == nil, "\(column.name)")
        }
    }
}
