import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore

/// `calibration_input`: the CSV reader, the inline form, Robyn's configuration-level checks and the encoding rule.
@Suite struct CalibrationInputTests {
    static let config: JobConfig = {
        var c = JobConfig(depVar: "revenue", paidMedia: [MediaPair(spend: "tv_S", variable: "tv_S"), MediaPair(spend: "fb_S", variable: "fb_I")])
        c.organicVars = ["newsletter"]
        return c
    }()

    static let header = "channel,liftStartDate,liftEndDate,liftAbs,spend,confidence,metric,calibration_scope\n"

    func read(_ csv: String) throws -> [CalibrationStudy] {
        let dir = try TemporaryDirectory.make()
        let path = dir.appendingPathComponent("lift.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return try CalibrationCSV.read(path: path, config: Self.config)
    }

    @Test func readsRobynsColumnsWithDefaults() throws {
        let studies = try read(
            Self.header + "tv_S,2018-05-07,2018-06-03,400000,100000,0.85,revenue,total\n"
                + "fb_S+tv_S,2018-03-05,2018-04-01,2.5e5,,,,\nnewsletter,2018-01-01,2018-01-28,10,,,,immediate\n")
        #expect(studies.count == 3)
        #expect(studies[0].calibrationScope == .total && studies[0].spend == 100_000 && studies[0].confidence == 0.85)
        #expect(studies[1].channels == ["fb_S", "tv_S"] && studies[1].calibrationScope == .immediate)
        #expect(studies[1].liftAbs == 250_000 && studies[1].spend == nil && studies[1].metric == nil)
        // A CSV with only the required columns is enough.
        let minimal = try read("channel,liftStartDate,liftEndDate,liftAbs\nfb_I,2018-03-05,2018-04-01,7\n")
        #expect(minimal == [CalibrationStudy(channel: "fb_I", liftStartDate: try #require(CalendarDate(year: 2018, month: 3, day: 5)), liftEndDate: try #require(CalendarDate(year: 2018, month: 4, day: 1)), liftAbs: 7)])
    }

    struct BadCase: Sendable, CustomStringConvertible {
        var name: String
        var csv: String
        var expected: String
        var description: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "unknown column", csv: "channel,liftStartDate,liftEndDate,liftAbs,scope\ntv_S,2018-01-01,2018-01-28,1,total\n",
            expected: "lift.csv:1: column 'scope': unknown column"),
        BadCase(name: "missing column", csv: "channel,liftStartDate,liftAbs\ntv_S,2018-01-01,1\n",
            expected: "lift.csv:1: required column 'liftEndDate' is missing"),
        BadCase(name: "bad date", csv: header + "tv_S,2018-01-01,2018-02-30,1,,,,\n",
            expected: "lift.csv:2: column 'liftEndDate': '2018-02-30' is not a date"),
        BadCase(name: "not a number", csv: header + "tv_S,2018-01-01,2018-01-28,1k,,,,\n",
            expected: "lift.csv:2: column 'liftAbs': '1k' is not a number"),
        BadCase(name: "empty lift", csv: header + "tv_S,2018-01-01,2018-01-28,,,,,\n",
            expected: "lift.csv:2: column 'liftAbs': the cell is empty"),
        BadCase(name: "unknown scope", csv: header + "tv_S,2018-01-01,2018-01-28,1,,,,carryover\n",
            expected: "lift.csv:2: column 'calibration_scope': unknown value 'carryover'"),
        BadCase(name: "unknown channel", csv: header + "tv_S,2018-01-01,2018-01-28,1,,,,\nradio_S,2018-01-01,2018-01-28,1,,,,\n",
            expected: "lift.csv:3: column 'channel': 'radio_S' is not a modelled channel"),
        BadCase(name: "channel twice", csv: header + "tv_S+tv_S,2018-01-01,2018-01-28,1,,,,\n",
            expected: "names the same channel twice"),
        BadCase(name: "spend and var of one channel", csv: header + "fb_S+fb_I,2018-01-01,2018-01-28,1,,,,\n",
            expected: "names the same channel twice"),
        BadCase(name: "empty part", csv: header + "tv_S+,2018-01-01,2018-01-28,1,,,,\n", expected: "has an empty channel name"),
        BadCase(name: "zero lift", csv: header + "tv_S,2018-01-01,2018-01-28,0,,,,\n",
            expected: "lift.csv:2: column 'liftAbs': 0 must be a positive number"),
        BadCase(name: "negative lift", csv: header + "tv_S,2018-01-01,2018-01-28,-5,,,,\n", expected: "-5 must be a positive number"),
        BadCase(name: "end before start", csv: header + "tv_S,2018-01-28,2018-01-01,1,,,,\n",
            expected: "column 'liftEndDate': 2018-01-01 must be after liftStartDate 2018-01-28"),
        BadCase(name: "one-day study", csv: header + "tv_S,2018-01-28,2018-01-28,1,,,,\n", expected: "must be after liftStartDate"),
        BadCase(name: "metric is not dep_var", csv: header + "tv_S,2018-01-01,2018-01-28,1,,,conversions,\n",
            expected: "column 'metric': 'conversions' is not the dependent variable 'revenue'"),
        BadCase(name: "negative spend", csv: header + "tv_S,2018-01-01,2018-01-28,1,-3,,,\n", expected: "column 'spend': -3 must be a non-negative number"),
        BadCase(name: "confidence above 1", csv: header + "tv_S,2018-01-01,2018-01-28,1,,80,,\n", expected: "column 'confidence': 80 must be in (0, 1]"),
    ]

    @Test(arguments: badCases)
    func aBadFileIsOneDataErrorNamingLineAndColumn(c: BadCase) throws {
        do {
            _ = try read(c.csv)
            Issue.record("accepted \(c.name)")
        } catch let error as DataError {
            #expect(error.category == .inputData)
            #expect(error.description.contains(c.expected), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func inlineStudiesAreCheckedWithTheirJSONPath() throws {
        let base = #"{"dep_var":"revenue","paid_media":[{"spend":"tv_S","var":"tv_S"}],"calibration_input":"#
        let good = try JobConfigLoader.load(data: Data((base + #"[{"channel":"tv_S","liftStartDate":"2018-01-01","liftEndDate":"2018-01-28","liftAbs":5}]}"#).utf8)).config
        #expect(good.calibrationStudies.count == 1 && good.calibrationStudies[0].calibrationScope == .immediate)
        let cases: [(String, String)] = [
            (#"[{"channel":"tv_S","liftStartDate":"2018-01-01","liftEndDate":"2018-01-28","liftAbs":5},{"channel":"x","liftStartDate":"2018-01-01","liftEndDate":"2018-01-28","liftAbs":5}]}"#, "$.calibration_input[1].channel: 'x' is not a modelled channel"),
            (#"[{"channel":"tv_S","liftStartDate":"2018-01-01","liftEndDate":"2018-01-28","liftAbs":5,"scope":"total"}]}"#, "$.calibration_input[0].scope: unknown key 'scope'"),
            (#"[{"channel":"tv_S","liftStartDate":"2018-01-01","liftEndDate":"2018-01-28","liftAbs":5,"calibration_scope":"all"}]}"#, "unknown value 'all'; expected one of 'immediate', 'total'"),
            (#"[{"channel":"tv_S","liftStartDate":"2018-01-01","liftAbs":5}]}"#, "$.calibration_input[0].liftEndDate: required key is missing"),
            (#"[]}"#, "$.calibration_input: the list is empty"),
            (#"7}"#, "$.calibration_input: expected a CSV file path or a list of studies"),
            (#""tv.csv","calibration_constraint":0.5}"#, "$.calibration_constraint: 0.5 must be in 0.01…0.1"),
            (#""tv.csv","calibration_formula":"fixed"}"#, "$.calibration_formula: unknown value 'fixed'"),
            (#""tv.csv","calibrated_selection":"best"}"#, "$.calibrated_selection: unknown value 'best'"),
        ]
        for (tail, expected) in cases {
            do {
                _ = try JobConfigLoader.load(data: Data((base + tail).utf8), file: "config.json")
                Issue.record("accepted \(tail)")
            } catch let error as ConfigError {
                #expect(error.category == .usage)
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }

    @Test func configsWithoutCalibrationEncodeAsBefore() throws {
        let text = String(decoding: try StrictJSON.encode(Self.config), as: UTF8.self)
        #expect(!text.contains("calibration"))
        var calibrated = Self.config
        calibrated.calibrationInput = .file("lift.csv")
        let again = String(decoding: try StrictJSON.encode(calibrated), as: UTF8.self)
        for key in ["calibration_input", "calibration_constraint", "calibration_formula", "calibrated_selection"] {
            #expect(again.contains("\"\(key)\""), "\(key)")
        }
        #expect(try StrictJSON.decode(JobConfig.self, from: Data(again.utf8)) == calibrated)
    }

    @Test func renderedStudiesReadBack() throws {
        var study = CalibrationStudy(
            channel: "fb_S+tv_S", liftStartDate: try #require(CalendarDate(year: 2018, month: 3, day: 5)),
            liftEndDate: try #require(CalendarDate(year: 2018, month: 4, day: 1)), liftAbs: 1234.5678, scope: .total)
        study.spend = 99.5
        study.metric = "revenue"
        #expect(try read(CalibrationCSV.render([study])) == [study])
    }
}
