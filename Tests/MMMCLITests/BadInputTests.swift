import MMMTestSupport
import Foundation
import Testing

/// Bad input gives one clear line on stderr, a documented exit code, and no output files.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var csv: String
        var config: String
        var exitCode: Int32
        var message: String
        var description: String { name }
    }

    static let goodConfig = #"{"dep_var":"y","paid_media":[{"spend":"s","var":"s"},{"spend":"fb_S","var":"fb_I"}],"organic_vars":["org"]}"#
    static let goodCSV = "date,y,s,fb_S,fb_I,org\n2024-01-01,1,2,3,4,5\n2024-01-02,2,3,4,5,6\n2024-01-03,3,1,2,3,4\n"

    static let cases: [Case] = [
        Case(name: "malformed CSV", csv: "date,y,s\n2024-01-01,1,\"2\n", config: goodConfig, exitCode: 3,
            message: "data.csv:2: unterminated quoted field in column 3"),
        Case(name: "missing configured column", csv: goodCSV.replacingOccurrences(of: ",org", with: ",organic"),
            config: goodConfig, exitCode: 3, message: "organic var 'org' is not in the data"),
        Case(name: "non-numeric value", csv: goodCSV.replacingOccurrences(of: "2024-01-02,2,3", with: "2024-01-02,2,3k"),
            config: goodConfig, exitCode: 3, message: "data.csv:3: column 's': value '3k' is not a number"),
        Case(name: "unparseable date", csv: goodCSV.replacingOccurrences(of: "2024-01-03", with: "2024-01-32"),
            config: goodConfig, exitCode: 3, message: "data.csv:4: column 'date': value '2024-01-32' is not a date"),
        Case(name: "empty file", csv: "", config: goodConfig, exitCode: 3, message: "data.csv: the file is empty"),
        Case(name: "unknown config key", csv: goodCSV,
            config: #"{"dep_var":"y","paid_media":[{"spend":"s","var":"s"}],"adstock_type":"geometric"}"#, exitCode: 2,
            message: "config.json: $.adstock_type: unknown key 'adstock_type'"),
        Case(name: "unknown enum value", csv: goodCSV,
            config: #"{"dep_var":"y","paid_media":[{"spend":"s","var":"s"}],"adstock":"weibull"}"#, exitCode: 2,
            message: "config.json: $.adstock: unknown value 'weibull'"),
        Case(name: "var whose spend is missing", csv: goodCSV.replacingOccurrences(of: "fb_S,", with: "fbs,"),
            config: goodConfig, exitCode: 3, message: "spend column of paid media var 'fb_I' 'fb_S' is not in the data"),
        Case(name: "duplicate column names", csv: "date,y,s,s\n2024-01-01,1,2,3\n", config: goodConfig, exitCode: 3,
            message: "data.csv:1: duplicate column name 's' (columns 3 and 4)"),
        Case(name: "invalid JSON config", csv: goodCSV, config: "{\"dep_var\": ", exitCode: 2, message: "config.json: $:"),
    ]

    @Test(arguments: cases)
    func failsWithOneLineAndNoOutput(c: Case) throws {
        let dir = try scratchDirectory()
        let data = try write(c.csv, "data.csv", in: dir)
        let config = try write(c.config, "config.json", in: dir)
        let output = dir.appendingPathComponent("out.csv").path
        let r = try CLI.run(["data", "prepare", "--data", data, "--config", config, "--output", output])
        #expect(r.code == c.exitCode, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(r.stderr)")
        #expect(r.stderr.hasPrefix("error: "))
        #expect(r.stderr.contains(c.message), "\(r.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ["config.json", "data.csv"], "nothing half-written: \(left)")
    }

    @Test func errorsAreJSONWithTheJSONFlag() throws {
        let dir = try scratchDirectory()
        let data = try write("", "data.csv", in: dir)
        let config = try write(Self.goodConfig, "config.json", in: dir)
        let r = try CLI.run(["data", "prepare", "--data", data, "--config", config, "--output", dir.appendingPathComponent("o.csv").path, "--json"])
        #expect(r.code == 3)
        let error = try #require(try jsonObject(r.stdout)["error"] as? [String: Any])
        #expect(error["category"] as? String == "input_data")
        #expect(error["exit_code"] as? Int == 3)
    }

    @Test func negativeSpendWarnsButSucceeds() throws {
        let dir = try scratchDirectory()
        let data = try write(Self.goodCSV.replacingOccurrences(of: "2024-01-02,2,3", with: "2024-01-02,2,-3"), "data.csv", in: dir)
        let config = try write(Self.goodConfig, "config.json", in: dir)
        let output = dir.appendingPathComponent("out.csv").path
        let r = try CLI.run(["data", "prepare", "--data", data, "--config", config, "--output", output])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: column 's' had 1 negative values (first on 2024-01-02, sum -3); set to 0"))
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("2024-01-02,2,0,"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let unknownFlag = try CLI.run(["data", "prepare", "--data", "x.csv", "--bogus"])
        #expect(unknownFlag.code == 2)
        #expect(unknownFlag.stderr.hasPrefix("error: "))
        let missing = try CLI.run(["data", "inspect"])
        #expect(missing.code == 2)
        let both = try CLI.run(["data", "inspect", "x.csv", "--quiet", "--verbose"])
        #expect(both.code == 2)
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try CLI.run(["--help"])
        #expect(help.code == 0)
        #expect(help.stdout.contains("Exit codes: 0 ok"))
        let version = try CLI.run(["--version"])
        #expect(version.code == 0)
        #expect(!version.stdout.isEmpty)
        #expect(try CLI.run(["data", "prepare", "--help"]).stdout.contains("--trim-window"))
    }

    @Test func missingInputFileIsAnInputError() throws {
        let r = try CLI.run(["data", "inspect", "/nonexistent/data.csv"])
        #expect(r.code == 3)
        #expect(r.stderr == "error: /nonexistent/data.csv: no such file — check the path\n")
    }
}
