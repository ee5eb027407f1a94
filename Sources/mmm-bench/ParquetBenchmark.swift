import Foundation
import MMMCore
import MMMParquet

/// `mmm-bench parquet [--rows N]`: reading and writing the CSV benchmark's table as Parquet (each compression)
/// against the CSV path on the same table, in rows/s and MB/s of each format's own file; best of 5 reads, 3 writes.
/// `--keep DIR` leaves the files in DIR.
enum ParquetBenchmark {
    static func run(_ arguments: [String]) async throws {
        let rows = try BenchArguments.positive("--rows", in: arguments, default: 400_000)
        let csv = Data(CSVBenchmark.generate(rows: rows).utf8)
        let keep = BenchArguments.value("--keep", in: arguments)
        let directory = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("mmm-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
        let csvPath = directory.appendingPathComponent("table.csv").path
        try csv.write(to: URL(fileURLWithPath: csvPath))
        let table = try CSVReader().read(path: csvPath)
        print("table: \(rows) rows × \(table.columns.count) columns (1 date, 2 text, 17 number columns)")
        print("times are the best of 5 reads / 3 writes; cpu = this process's CPU seconds (stable on a busy machine)")
        print("format           size MB   read s  read rows/s  read MB/s   write s  write rows/s   read cpu  write cpu")
        let csvRead = try best(5) { _ = try CSVReader().read(path: csvPath) }
        let csvWrite = try best(3) { try CSVWriter().write(table, to: csvPath) }
        report("csv", bytes: csv.count, read: csvRead, write: csvWrite, rows: rows)
        for compression in ParquetCompression.allCases {
            var options = ParquetWriter.Options()
            options.compression = compression
            let writer = ParquetWriter(options: options)
            let path = directory.appendingPathComponent("table-\(compression).parquet").path
            let write = try best(3) { try writer.write(table, to: path) }
            let read = try best(5) { _ = try ParquetReader().readTable(path: path) }
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            report("parquet \(compression)", bytes: size, read: read, write: write, rows: rows)
            guard sameCells(try ParquetReader().readTable(path: path), table) else {
                throw BenchArguments.BadValue(description: "parquet \(compression) did not read back the table it wrote")
            }
        }
    }

    /// Cell-by-cell equality with missing numbers (NaN) equal to each other.
    private static func sameCells(_ a: DataTable, _ b: DataTable) -> Bool {
        guard a.columnNames == b.columnNames else { return false }
        return zip(a.columns, b.columns).allSatisfy { x, y in
            switch (x.values, y.values) {
            case (.number(let p), .number(let q)): return p.count == q.count && zip(p, q).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
            default: return x.values == y.values
            }
        }
    }

    private static func report(_ name: String, bytes: Int, read: Timing, write: Timing, rows: Int) {
        let mb = Double(bytes) / 1e6
        print(
            name.padding(toLength: 15, withPad: " ", startingAt: 0)
                + String(
                    format: " %8.1f %8.3f %12.0f %10.0f %9.3f %13.0f %10.3f %10.3f", mb, read.wall, Double(rows) / read.wall,
                    mb / read.wall, write.wall, Double(rows) / write.wall, read.cpu, write.cpu))
    }

    /// Best wall-clock and best CPU seconds of several runs.
    struct Timing {
        var wall = Double.infinity
        var cpu = Double.infinity
    }

    /// The shortest of `runs` timings of `body`.
    private static func best(_ runs: Int, _ body: () throws -> Void) throws -> Timing {
        var timing = Timing()
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = cpuSeconds()
            try body()
            timing.cpu = min(timing.cpu, cpuSeconds() - cpuStart)
            timing.wall = min(timing.wall, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return timing
    }

    /// CPU time of this process (both paths are single-threaded, so this is their work, whatever else runs).
    private static func cpuSeconds() -> Double {
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }
}
