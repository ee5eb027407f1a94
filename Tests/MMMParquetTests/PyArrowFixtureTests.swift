import Foundation
import MMMCore
import MMMParquet
import Testing

/// Files written by pyarrow and duckdb (every supported type, nulls, several row groups, every compression, data
/// pages v1 and v2, dictionary and plain, delta and byte-stream-split encodings, INT96) read back exactly.
@Suite struct PyArrowFixtureTests {
    @Test func filesWrittenAtTestTimeReadAsTheirWritersReadThem() throws {
        if ParquetOracle.skipped("PyArrowFixtureTests") { return }
        let (directory, files) = try ParquetOracle.generated.get()
        #expect(files.count >= 20)
        for fixture in files {
            let table = try ParquetReader().readColumns(path: directory.appendingPathComponent(fixture.file).path)
            try expectSame(table, fixture)
        }
    }

    @Test func committedGoldenFilesReadWithoutPython() throws {
        let directory = ParquetOracle.fixtures.appendingPathComponent("golden")
        let files = try OracleFile.manifest(try Data(contentsOf: directory.appendingPathComponent("manifest.json")))
        #expect(files.count >= 5)
        for fixture in files {
            let table = try ParquetReader().readColumns(path: directory.appendingPathComponent(fixture.file).path)
            try expectSame(table, fixture)
        }
    }

    private func expectSame(_ table: ParquetTable, _ fixture: OracleFile) throws {
        #expect(table.columns.map(\.name) == fixture.columns.map(\.name), "\(fixture.file)")
        for expected in fixture.columns {
            let column = try #require(table[expected.name], "\(fixture.file): \(expected.name)")
            let difference = firstDifference(column.values, expected.values)
            #expect(difference == nil, "\(fixture.file) column \(expected.name): \(difference ?? "")")
        }
    }
}
