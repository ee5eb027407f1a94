import Foundation
import MMMCore
import MMMParquet
import MMMTestSupport
import Testing

/// `snowflake query --format parquet` writes typed columns that read back with their values.
@Suite struct SnowflakeParquetTests {
    @Test func queryWritesTypedParquet() async throws {
        let fake = try await SnowflakeCommandTests.fake()
        let dir = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("out.parquet").path
        let r = try CLI.run(
            ["snowflake", "query", "--table", "ANALYTICS.MMM.DEMO", "--limit", "3", "--format", "parquet", "--output", file]
                + fake.flags(), environment: fake.environment())
        #expect(r.code == 0, "\(r.stderr)")
        let table = try ParquetReader().readColumns(path: file)
        #expect(table.columns.map(\.name) == ["ID", "NOTE", "PRICE", "DAY"])
        #expect(table["ID"]?.values == .int64([1, 2, 3]))
        #expect(table["NOTE"]?.values == .string(["a, \"quoted\"", nil, "x"]))
        #expect(table["PRICE"]?.values == .double([1.5, -0.05, 10]))
        #expect(
            table["DAY"]?.values
                == .date([CalendarDate(year: 2020, month: 1, day: 1), CalendarDate(year: 1969, month: 12, day: 31),
                          CalendarDate(daysSinceEpoch: 0)]))
    }
}
