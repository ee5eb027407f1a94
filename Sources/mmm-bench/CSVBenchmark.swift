import Foundation
import MMMCore

/// `mmm-bench csv [--rows N]`: read throughput of the CSV reader (tokenise + type inference + exact number parsing)
/// on a generated daily marketing table, in MB/s, best of 5 runs.
enum CSVBenchmark {
    static func run(_ arguments: [String]) async throws {
        let rows = try BenchArguments.positive("--rows", in: arguments, default: 400_000)
        let text = generate(rows: rows)
        let data = Data(text.utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-bench-\(UUID().uuidString).csv").path
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let megabytes = Double(data.count) / 1_000_000
        var best = Double.infinity
        var columns = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let table = try CSVReader().read(path: path)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            columns = table.columns.count
            best = min(best, seconds)
        }
        let table = try CSVReader().read(path: path)
        var bestWrite = Double.infinity
        var written = 0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            written = CSVWriter().bytes(for: table).count
            bestWrite = min(bestWrite, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(String(format: "csv read: %.1f MB, %d rows × %d columns, best of 5: %.3f s = %.0f MB/s", megabytes, rows, columns, best, megabytes / best))
        print(String(format: "csv write: %.1f MB, best of 3: %.3f s = %.0f MB/s", Double(written) / 1e6, bestWrite, Double(written) / 1e6 / bestWrite))
    }

    /// A realistic table: a date, a quoted country label, 16 spend/exposure columns with 2–17 significant digits.
    static func generate(rows: Int) -> String {
        var out = "DATE,COUNTRY,CAMPAIGN,REVENUE"
        for c in 0..<16 { out += ",CH\(c)_COST" }
        out += "\n"
        out.reserveCapacity(rows * 200)
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        let start = CalendarDate(year: 2015, month: 1, day: 1) ?? CalendarDate(daysSinceEpoch: 0)
        for r in 0..<rows {
            out += start.adding(days: r % 3650).description
            out += r % 2 == 0 ? ",DE" : ",FR"
            out += r % 7 == 0 ? ",\"brand, always on\"" : ",performance"
            out += "," + String(Double(next() % 10_000_000) / 100)
            for c in 0..<16 {
                let v = next()
                switch c % 4 {
                case 0: out += "," + String(v % 100_000)
                case 1: out += "," + String(Double(v % 1_000_000_000) / 1000)
                case 2: out += "," + String(Double(v) / 3.0e6)
                default: out += v % 10 == 0 ? "," : "," + String(v % 1000)
                }
            }
            out += "\n"
        }
        return out
    }
}
