import Foundation
import MMMTestSupport
import Testing

/// End to end: a missing target value stops `train` with exit 3 naming the dates; a semicolon file with decimal
/// commas trains once `csv.decimal` says so.
@Suite struct InputFormatCLITests {
    static let demoData = CLI.path("Examples/data/dt_simulated_weekly.csv")
    static let demoConfig = CLI.path("Examples/configs/demo_job_config.json")

    /// The demo data with some cells changed: `edit(row, header, cells)` may rewrite a data row's cells.
    static func demo(separator: String = ",", edit: (Int, [String], inout [String]) -> Void = { _, _, _ in }) throws
        -> String
    {
        let lines = try String(contentsOfFile: demoData, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var out = [header.joined(separator: separator)]
        for (index, line) in lines.dropFirst().enumerated() {
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            edit(index, header, &cells)
            out.append(cells.joined(separator: separator))
        }
        return out.joined(separator: "\n") + "\n"
    }

    @Test func anEmptyTargetCellIsExitThreeNamingTheDate() throws {
        let dir = try scratchDirectory()
        let data = try write(try Self.demo { row, header, cells in
            if row == 40, let i = header.firstIndex(of: "revenue") { cells[i] = "" }
        }, "blank.csv", in: dir)
        let r = try CLI.run(["train", "--data", data, "--config", Self.demoConfig, "--iterations", "10", "--trials", "1",
                             "--output", dir.path])
        #expect(r.code == 3, "\(r.stderr)")
        #expect(r.stderr.contains("blank.csv:42: column 'revenue': dep_var has no value on 1 date (1 empty or NaN cell): 2016-08-29"),
                "\(r.stderr)")
        #expect(r.stderr.contains("missing_dep_var"))
    }

    @Test func semicolonsAndDecimalCommasTrainWithTheCSVOption() throws {
        let dir = try scratchDirectory()
        let data = try write(try Self.demo(separator: ";") { _, _, cells in
            cells = cells.map { $0.replacingOccurrences(of: ".", with: ",") }
        }, "eu.csv", in: dir)
        let withoutOption = try CLI.run(["data", "prepare", "--data", data, "--config", Self.demoConfig, "--output",
                                         dir.appendingPathComponent("a.csv").path])
        #expect(withoutOption.code == 3, "\(withoutOption.stderr)")
        #expect(withoutOption.stderr.contains("csv.decimal"), "\(withoutOption.stderr)")

        var config = try jsonObject(try String(contentsOfFile: Self.demoConfig, encoding: .utf8))
        config["csv"] = ["decimal": ","]
        let configPath = dir.appendingPathComponent("eu.json")
        try JSONSerialization.data(withJSONObject: config).write(to: configPath)
        let eu = dir.appendingPathComponent("eu-prepared.csv").path
        let prepared = try CLI.run(["data", "prepare", "--data", data, "--config", configPath.path, "--output", eu])
        #expect(prepared.code == 0, "\(prepared.stderr)")
        let reference = dir.appendingPathComponent("reference.csv").path
        #expect(try CLI.run(["data", "prepare", "--data", Self.demoData, "--config", Self.demoConfig, "--output", reference]).code == 0)
        #expect(try String(contentsOfFile: eu, encoding: .utf8) == (try String(contentsOfFile: reference, encoding: .utf8)),
                "the same numbers, written the same way")
        let manifest = try jsonObject(try String(contentsOfFile: eu + ".manifest.json", encoding: .utf8))
        let steps = try #require(manifest["steps"] as? [[String: Any]])
        #expect(steps.first?["notes"] as? [String] == ["delimiter semicolon (';'), detected from the header line, decimal mark ','"])
    }
}

/// `YYYY-MM-DD` of the day `offset` days after 2024-01-01 (consecutive daily test data without accidental gaps).
func isoDay(_ offset: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let date = calendar.date(byAdding: .day, value: offset, to: Date(timeIntervalSince1970: 1_704_067_200)) ?? Date()
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
}
