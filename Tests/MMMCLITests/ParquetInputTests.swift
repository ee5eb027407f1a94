import Foundation
import MMMCore
import MMMParquet
import MMMTestSupport
import Testing

/// `--data x.parquet` everywhere CSV is accepted, and `data prepare --output x.parquet`.
@Suite struct ParquetInputTests {
    static let demoData = CLI.path("Examples/data/dt_simulated_weekly.csv")
    static let demoConfig = CLI.path("Examples/configs/demo_job_config.json")

    /// The demo as a Parquet file written by our writer (pyarrow's files are covered by the MMMParquet tests).
    private func demoParquet(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("demo.parquet").path
        try ParquetWriter().write(try CSVReader().read(path: Self.demoData), to: path)
        return path
    }

    @Test func trainingOnParquetGivesTheSameModelAsOnCSV() throws {
        let dir = try scratchDirectory()
        let parquet = try demoParquet(in: dir)
        var summaries: [Data] = []
        for (data, root) in [(Self.demoData, "csv"), (parquet, "parquet")] {
            let r = try CLI.run([
                "train", "--data", data, "--config", Self.demoConfig, "--iterations", "60", "--trials", "1",
                "--output", dir.appendingPathComponent(root).path, "--run-id", "r", "--no-allocate", "--no-report", "--quiet",
            ])
            #expect(r.code == 0, "\(r.stderr)")
            summaries.append(try Data(contentsOf: dir.appendingPathComponent("\(root)/r/model_summary.json")))
        }
        #expect(summaries[0] == summaries[1])
        let manifest = try jsonObject(String(contentsOfFile: dir.appendingPathComponent("parquet/r/run_manifest.json").path, encoding: .utf8))
        #expect(manifest["data_source"] as? String == parquet)
        #expect(manifest["data_sha256"] as? String == (try ProcessRunner.pythonSHA256(parquet)))
    }

    @Test func preparingToParquetWritesTheSameTableAsToCSV() throws {
        let dir = try scratchDirectory()
        let csvOut = dir.appendingPathComponent("prepared.csv").path
        let parquetOut = dir.appendingPathComponent("prepared.parquet").path
        for output in [csvOut, parquetOut] {
            let r = try CLI.run(["data", "prepare", "--data", Self.demoData, "--config", Self.demoConfig, "--output", output, "--quiet"])
            #expect(r.code == 0, "\(r.stderr)")
        }
        let fromCSV = try CSVReader().read(path: csvOut)
        let fromParquet = try ParquetReader().readTable(path: parquetOut)
        #expect(fromParquet.columnNames == fromCSV.columnNames)
        #expect(fromParquet.rowCount == fromCSV.rowCount)
        for column in fromCSV.columns {
            let other = try #require(fromParquet[column.name])
            #expect(other.values == column.values, "\(column.name)")
        }
    }

    @Test func aBrokenParquetFileIsADataErrorNamingTheFile() throws {
        let dir = try scratchDirectory()
        let path = dir.appendingPathComponent("broken.parquet").path
        try Data("PAR1 this is not a parquet file".utf8).write(to: URL(fileURLWithPath: path))
        let r = try CLI.run(["train", "--data", path, "--config", Self.demoConfig, "--output", dir.path])
        #expect(r.code == 3, "\(r.stderr)")
        #expect(r.stderr.contains("broken.parquet"), "\(r.stderr)")
    }
}
