import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore

/// European exports: the delimiter is detected from the header line; a decimal comma is read only when asked for,
/// and an error says which option does that.
@Suite struct CSVFormatTests {
    private func options(_ delimiter: CSVDelimiter = .auto, _ decimal: CSVDecimalMark = .point) -> CSVReader.Options {
        CSVReader.Options(CSVSettings(delimiter: delimiter, decimal: decimal))
    }

    private func write(_ text: String) throws -> String {
        let url = try TemporaryDirectory.make().appendingPathComponent("data.csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test(arguments: [
        ("DATE;revenue;tv_S\n2024-01-01;10;1\n", CSVDelimiter.semicolon, 3),
        ("DATE\trevenue\ttv_S\n2024-01-01\t10\t1\n", .tab, 3),
        ("DATE,revenue,tv_S\n2024-01-01,10,1\n", .comma, 3),
        ("\u{FEFF}\n\nDATE;revenue\n2024-01-01;10\n", .semicolon, 2),
        ("\"a;b\",c\n1,2\n", .comma, 2),
        ("\"x,y\";\"z,w\";v\n1;2;3\n", .semicolon, 3),
        ("only\n1\n", .comma, 1),
    ])
    func delimiterIsDetectedFromTheHeaderLine(text: String, expected: CSVDelimiter, columns: Int) throws {
        let reader = CSVReader()
        let resolved = reader.resolvedDelimiter(for: Data(text.utf8))
        #expect(resolved.delimiter == expected && resolved.detected)
        let table = try reader.parse(text)
        #expect(table.columns.count == columns)
        #expect(table.rowCount == 1)
    }

    @Test func semicolonFileReadsLikeTheCommaFile() throws {
        let semicolon = try CSVReader().parse("DATE;revenue;tv_S\n2024-01-01;10.5;1\n2024-01-08;11;2\n")
        let comma = try CSVReader().parse("DATE,revenue,tv_S\n2024-01-01,10.5,1\n2024-01-08,11,2\n")
        #expect(semicolon == comma)
    }

    @Test func aConfiguredDelimiterWinsOverDetection() throws {
        let text = "a;b,c\n1;2,3\n"
        let reader = CSVReader(options: options(.comma))
        let resolved = reader.resolvedDelimiter(for: Data(text.utf8))
        #expect(resolved.delimiter == .comma && !resolved.detected)
        #expect(try reader.parse(text).columnNames == ["a;b", "c"])
        #expect(reader.formatNote(for: Data(text.utf8)) == "delimiter comma (','), as configured, decimal mark '.'")
    }

    /// Expected values are the decimal literals themselves (Swift's literal parsing is correctly rounded).
    @Test func decimalCommaNumbersAreReadExactlyWhenAskedFor() throws {
        let text = "DATE;revenue;tv_S;long\n2024-01-01;1234,56;-0,5;0,1234567890123456789012\n2024-01-08;7;1,5e3;3,\n"
        let table = try CSVReader(options: options(.auto, .comma)).parse(text)
        #expect(table["revenue"]?.numbers == [1234.56, 7])
        #expect(table["tv_S"]?.numbers == [-0.5, 1500])
        #expect(table["long"]?.numbers == [0.1234567890123456789012, 3])
        #expect(NumberParser.parse("1.5", decimalMark: CSVDecimalMark.comma.byte) == nil, "the other mark is not a number")
        #expect(NumberParser.parse("1,5") == nil)
    }

    @Test func decimalCommaWithoutTheOptionNamesTheOption() throws {
        let path = try write("DATE;revenue;tv_S\n2024-01-01;1234,56;1\n2024-01-08;1300;2\n")
        let config = JobConfig(depVar: "revenue", paidMedia: [MediaPair(spend: "tv_S", variable: "tv_S")])
        let error = try #require(dataError { _ = try DataPreparer().prepare(csvPath: path, config: config) })
        #expect(error.reason == .notANumber)
        #expect(error.line == 2 && error.column == "revenue")
        #expect(error.hint?.contains("csv.decimal ','") == true, "\(error)")
        #expect(error.hint?.contains("--decimal-comma") == true, "\(error)")
    }

    @Test func aDecimalPointUnderTheCommaOptionIsExplained() throws {
        let path = try write("DATE;revenue;tv_S\n2024-01-01;1234.56;1\n2024-01-08;1300;2\n")
        var config = JobConfig(depVar: "revenue", paidMedia: [MediaPair(spend: "tv_S", variable: "tv_S")])
        config.csv = CSVSettings(decimal: .comma)
        let error = try #require(dataError { _ = try DataPreparer().prepare(csvPath: path, config: config) })
        #expect(error.hint?.hasPrefix("csv.decimal is ','") == true, "\(error)")
    }

    @Test func unquotedDecimalCommasInACommaFileGetAHint() throws {
        let error = dataError { _ = try CSVReader().parse("DATE,revenue\n2024-01-01,1234,56\n") }
        #expect(error?.message == "expected 2 fields as in the header, found 3")
        #expect(error?.hint?.contains("decimal comma") == true)
    }

    @Test func preparationReadsWithTheConfigAndRecordsTheFormat() throws {
        var text = "DATE;revenue;tv_S\n"
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        for w in 0..<12 { text += "\(start.adding(days: 7 * w));\(1000 + w),25;\(w % 4),5\n" }
        let path = try write(text)
        var config = JobConfig(depVar: "revenue", paidMedia: [MediaPair(spend: "tv_S", variable: "tv_S")])
        config.csv = CSVSettings(decimal: .comma)
        let state = try DataPreparer().prepare(csvPath: path, config: config)
        #expect(state.table["revenue"]?.numbers?.first == 1000.25)
        #expect(state.table["tv_S"]?.numbers?[1] == 1.5)
        let read = try #require(state.manifest.steps.first)
        #expect(read.name == "read_csv")
        #expect(read.notes == ["delimiter semicolon (';'), detected from the header line, decimal mark ','"])
    }

    @Test func configFieldsAreStrict() throws {
        let base = #""dep_var":"y","paid_media":[{"spend":"s","var":"s"}]"#
        let tab = try decode(JobConfig.self, "{\(base),\"csv\":{\"delimiter\":\"\\t\",\"decimal\":\",\"}}")
        #expect(tab.csv == CSVSettings(delimiter: .tab, decimal: .comma))
        #expect(try decode(JobConfig.self, "{\(base),\"csv\":{}}").csv == CSVSettings())
        #expect(configError(JobConfig.self, "{\(base),\"csv\":{\"delimiter\":\"|\"}}")?.path == "$.csv.delimiter")
        #expect(configError(JobConfig.self, "{\(base),\"csv\":{\"decimal\":\"comma\"}}")?.path == "$.csv.decimal")
        #expect(configError(JobConfig.self, "{\(base),\"csv\":{\"sep\":\";\"}}")?.path == "$.csv.sep")
        #expect(configError(JobConfig.self, "{\(base),\"csv\":\";\"}") != nil)
        let again = try StrictJSON.decode(JobConfig.self, from: try StrictJSON.encode(tab))
        #expect(again == tab)
    }

    @Test func inspectionPointsAtADecimalComma() throws {
        let table = try CSVReader().parse("DATE;revenue\n2024-01-01;1234,56\n2024-01-08;99,5\n")
        let report = DataInspection(table: table, source: "x.csv")
        #expect(report.findings.contains("'revenue' has numbers with a decimal comma ('1234,56'); read the file with csv.decimal ','"))
    }
}
