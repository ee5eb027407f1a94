import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore

/// truth.json and recovery.json decode strictly and round-trip; model_summary.json without `calibration` still reads.
@Suite struct TruthContractTests {
    @Test func examplesDecodeAndRoundTrip() throws {
        let truth = try StrictJSON.decode(Truth.self, path: TestPaths.repo("Examples/contracts/truth.json"))
        #expect(truth.paidChannels.contains { $0.placebo })
        #expect(try StrictJSON.decode(Truth.self, from: try StrictJSON.encode(truth)) == truth)
        let report = try StrictJSON.decode(RecoveryReport.self, path: TestPaths.repo("Examples/contracts/recovery.json"))
        #expect(try StrictJSON.decode(RecoveryReport.self, from: try StrictJSON.encode(report)) == report)
        let summary = try StrictJSON.decode(ModelSummary.self, path: TestPaths.repo("Examples/contracts/model_summary.json"))
        #expect(summary.calibration?.studies.isEmpty == false)
    }

    @Test func truthRejectsUnknownKeysAndRaggedRows() throws {
        let text = try String(contentsOfFile: TestPaths.repo("Examples/contracts/truth.json"), encoding: .utf8)
        let unknown = text.replacingOccurrences(of: "\"noise_sd\"", with: "\"noise\" : 1, \"noise_sd\"")
        #expect(configError(Truth.self, unknown)?.description.contains("$.noise: unknown key 'noise'") == true)
        var truth = try decode(Truth.self, text)
        truth.rows.noise.removeLast()
        let ragged = String(decoding: try StrictJSON.encode(truth), as: UTF8.self)
        #expect(configError(Truth.self, ragged)?.description.contains("one per date") == true)
    }

    @Test func summariesWrittenBeforeCalibrationStillRead() throws {
        var summary = try StrictJSON.decode(ModelSummary.self, path: TestPaths.repo("Examples/contracts/model_summary.json"))
        summary.calibration = nil
        let text = String(decoding: try StrictJSON.encode(summary), as: UTF8.self)
        #expect(!text.contains("\"calibration\""))
        #expect(try decode(ModelSummary.self, text).calibration == nil)
    }
}
