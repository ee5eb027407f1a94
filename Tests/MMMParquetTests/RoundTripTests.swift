import Foundation
import MMMCore
import MMMTestSupport
import Testing

@testable import MMMParquet

/// Writer → reader round trips without any oracle: every kind, nulls, row groups, pages, compressions.
@Suite struct RoundTripTests {
    @Test(arguments: ParquetCompression.allCases, [true, false])
    func typedTableRoundTripsExactly(compression: ParquetCompression, dictionary: Bool) throws {
        let table = try SampleTables.everyKind(rows: 1_700, seed: 3)
        let bytes = try ParquetWriter(options: SampleTables.smallPages(compression, dictionary: dictionary)).bytes(for: table)
        let back = try ParquetReader().readColumns(Data(bytes))
        #expect(back.rowCount == table.rowCount)
        #expect(back.columns.map(\.isNullable) == table.columns.map(\.isNullable))
        for (a, b) in zip(table.columns, back.columns) {
            #expect(a.name == b.name)
            #expect(firstDifference(a.values, b.values) == nil, "\(a.name): \(firstDifference(a.values, b.values) ?? "")")
        }
    }

    @Test func outputIsDeterministic() throws {
        let table = try SampleTables.everyKind(rows: 900, seed: 5)
        let writer = ParquetWriter(options: SampleTables.smallPages(.snappy, dictionary: true))
        #expect(try writer.bytes(for: table) == writer.bytes(for: table))
    }

    @Test func footerHasRowGroupsStatisticsAndEncodings() throws {
        let table = try SampleTables.everyKind(rows: 1_500, seed: 9)
        let bytes = try ParquetWriter(options: SampleTables.smallPages(.gzip, dictionary: true)).bytes(for: table)
        let (metadata, _) = try bytes.withUnsafeBufferPointer {
            try ParquetFileDecoder(file: $0, limits: ParquetReadLimits()).footer()
        }
        #expect(metadata.rowGroups.map(\.numRows) == [700, 700, 100])
        #expect(metadata.columnOrderCount == table.columns.count)
        // Column "small_count" (40 distinct values) is dictionary-encoded; "id" (all distinct) is not.
        let small = try #require(metadata.rowGroups[0].columns[2].metaData)
        let ids = try #require(metadata.rowGroups[0].columns[11].metaData)
        #expect(small.encodings.contains(Encoding.rleDictionary.rawValue))
        #expect(small.dictionaryPageOffset != nil)
        #expect(!ids.encodings.contains(Encoding.rleDictionary.rawValue))
        #expect(ids.codec == CompressionCodec.gzip.rawValue)
        // Statistics of "id" in row group 1: rows 700..<1400, no nulls.
        let stats = try #require(metadata.rowGroups[1].columns[11].metaData?.statistics)
        #expect(stats.nullCount == 0)
        #expect(stats.minValue == PlainEncoder.bytes(of: Int64(700)))
        #expect(stats.maxValue == PlainEncoder.bytes(of: Int64(1399)))
        // Null counts match the data.
        let flags = try #require(table["flag"]?.values)
        let flagNulls = (0..<700).filter { flags.isNull($0) }.count
        #expect(metadata.rowGroups[0].columns[0].metaData?.statistics?.nullCount == Int64(flagNulls))
    }

    @Test func coreTableRoundTripsWithKindsAndMissingCells() throws {
        let csv = """
            DATE,COUNTRY,REVENUE,TV_S,NOTE
            2024-01-01,DE,100.5,3,a
            2024-01-08,,NA,4,
            2024-01-15,FR,-0.25,,c

            """
        let table = try CSVReader().parse(csv)
        let back = try ParquetReader().readTable(Data(try ParquetWriter().bytes(for: table)), name: "t.parquet")
        #expect(back.columnNames == table.columnNames)
        #expect(back.columns.map(\.values.kind) == [.date, .text, .number, .number, .text])
        #expect(back["DATE"]?.dates == table["DATE"]?.dates)
        #expect(back["COUNTRY"]?.texts == ["DE", nil, "FR"])
        #expect(back["REVENUE"]?.numbers?[0] == 100.5)
        #expect(back["REVENUE"]?.numbers?[1].isNaN == true)
        #expect(back["TV_S"]?.numbers?[2].isNaN == true)
        #expect(back.sourceLine(ofRow: 2) == 3)
    }

    @Test func fileHelpersWriteAtomicallyAndRecogniseParquet() throws {
        let directory = try TemporaryDirectory.make("mmm-parquet-files")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sub/t.parquet").path
        let table = try SampleTables.everyKind(rows: 50)
        try ParquetWriter().write(table, to: path)
        #expect(ParquetReader.hasParquetMagic(path: path))
        #expect(try ParquetReader().readColumns(path: path).rowCount == 50)
        let csv = directory.appendingPathComponent("t.csv").path
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: csv))
        #expect(!ParquetReader.hasParquetMagic(path: csv))
        #expect(!ParquetReader.hasParquetMagic(path: directory.appendingPathComponent("none").path))
        let missing = #expect(throws: DataError.self) { try ParquetReader().readTable(path: directory.path + "/none.parquet") }
        #expect(missing?.description.contains("no such file") == true)
    }

    @Test func emptyAndSingleRowTables() throws {
        let empty = try ParquetTable(columns: [ParquetColumn(name: "x", values: .int64([]))])
        let back = try ParquetReader().readColumns(Data(try ParquetWriter().bytes(for: empty)))
        #expect(back.rowCount == 0)
        #expect(back.columns.map(\.name) == ["x"])
        #expect(throws: DataError.self) { try ParquetReader().readTable(Data(try ParquetWriter().bytes(for: empty))) }
        let one = try ParquetTable(columns: [ParquetColumn(name: "x", values: .string(["only"]))])
        #expect(try ParquetReader().readColumns(Data(try ParquetWriter().bytes(for: one))) == one)
    }

    @Test func invalidTablesAreRejected() {
        #expect(throws: DataError.self) {
            try ParquetTable(columns: [ParquetColumn(name: "x", values: .int64([1, nil]), isNullable: false)])
        }
        #expect(throws: DataError.self) {
            try ParquetTable(columns: [
                ParquetColumn(name: "x", values: .int64([1])), ParquetColumn(name: "x", values: .int64([2])),
            ])
        }
        #expect(throws: DataError.self) {
            try ParquetTable(columns: [
                ParquetColumn(name: "x", values: .int64([1])), ParquetColumn(name: "y", values: .int64([2, 3])),
            ])
        }
    }

    @Test func differenceFinderReportsMismatches() {
        #expect(firstDifference(.double([1, .nan]), .double([1, .nan])) == nil)
        #expect(firstDifference(.double([0.0]), .double([-0.0])) != nil)
        #expect(firstDifference(.string(["a", nil]), .string(["a", "b"])) != nil)
        #expect(firstDifference(.int64([1]), .timestamp([1])) != nil)
    }
}
