import MMMTestSupport
import Foundation
import Testing

@testable import MMMCore

@Suite struct RunContractsTests {
    @Test func runTimestampFormatParseAndOrder() throws {
        let t = RunTimestamp(secondsSinceEpoch: 1_795_317_495)
        #expect(t.description == "20261122T031815Z")
        #expect(RunTimestamp("20261122T031815Z") == t)
        #expect(t.iso8601 == "2026-11-22T03:18:15Z")
        for bad in ["0122_113200", "20261122_031815", "20261322T031815Z", "20261122T031815", "20261122T246000Z"] {
            #expect(RunTimestamp(bad) == nil, "\(bad)")
        }
        var generator = SeededRandom(seed: 3)
        let stamps = (0..<200).map { _ in RunTimestamp(secondsSinceEpoch: Int(generator.next() % 4_000_000_000)) }
        #expect(stamps.sorted().map(\.description) == stamps.map(\.description).sorted(), "lexical order is chronological")
        #expect(RunTimestamp(secondsSinceEpoch: -1).description == "19691231T235959Z")
    }

    @Test func isoTimeRoundTrips() {
        let date = Date(timeIntervalSince1970: 1_795_317_495)
        #expect(ISOTime.format(date) == "2026-11-22T03:18:15Z")
        #expect(ISOTime.parse("2026-11-22T03:18:15Z") == date)
        #expect(ISOTime.parse("2026-11-22T03:18:15.500Z") == Date(timeIntervalSince1970: 1_795_317_495.5))
        #expect(ISOTime.parse("2026-11-22 03:18:15") == nil)
        #expect(ISOTime.parse("2026-11-22T03:18:15+01:00") == nil)
    }

    @Test func statusLifecycle() throws {
        let start = Date(timeIntervalSince1970: 1_795_317_495)
        let running = RunStatus.running(runId: "20261122T031815Z", at: start)
        let done = running.finished(.failed, at: start.addingTimeInterval(2.5), failedStep: "train", message: "fit failed")
        #expect(done.durationSeconds == 2.5)
        for status in [running, done] {
            #expect(try StrictJSON.decode(RunStatus.self, from: try StrictJSON.encode(status)) == status)
        }
        let example = try StrictJSON.decode(RunStatus.self, path: TestPaths.repo("Examples/contracts/run_status.json"))
        #expect(example.state == .succeeded)
    }

    @Test func statusRulesPerState() {
        let base = #""schema_version":1,"run_id":"r","started_at":"2026-11-22T03:18:15Z","updated_at":"2026-11-22T03:18:15Z""#
        #expect(configError(RunStatus.self, "{\(base),\"state\":\"FAILED\",\"finished_at\":\"2026-11-22T03:18:16Z\"}")?.path == "$.failed_step")
        #expect(configError(RunStatus.self, "{\(base),\"state\":\"SKIPPED\",\"finished_at\":\"2026-11-22T03:18:16Z\"}")?.path == "$.skip_reason")
        #expect(configError(RunStatus.self, "{\(base),\"state\":\"SUCCEEDED\"}")?.path == "$.finished_at")
        #expect(configError(RunStatus.self, "{\(base),\"state\":\"COMPLETED\"}")?.message.contains("unknown value 'COMPLETED'") == true)
        #expect(configError(RunStatus.self, "{\(base),\"state\":\"RUNNING\",\"start_time\":\"x\"}")?.path == "$.start_time")
        #expect(configError(RunStatus.self, #"{"schema_version":1,"run_id":"r","state":"RUNNING","started_at":"0122_113200","updated_at":"2026-11-22T03:18:15Z"}"#)?.path == "$.started_at")
    }

    @Test func modelSummaryExampleRoundTripsAndWritesNullForNonFinite() throws {
        let summary = try StrictJSON.decode(ModelSummary.self, path: TestPaths.repo("Examples/contracts/model_summary.json"))
        #expect(summary.bestModel.modelId == "5_1293_1")
        #expect(try StrictJSON.decode(ModelSummary.self, from: try StrictJSON.encode(summary)) == summary)
        var metrics = ModelMetrics(modelId: "1_1_1")
        metrics.nrmseVal = .nan
        metrics.decompRssd = .infinity
        metrics.nrmseTrain = 0.1
        let json = String(decoding: try StrictJSON.encode(metrics), as: UTF8.self)
        #expect(json.contains("\"nrmse_val\" : null"))
        #expect(json.contains("\"decomp_rssd\" : null"))
        #expect(json.contains("\"nrmse_train\" : 0.1"))
    }

    @Test func encodingIsStable() throws {
        let config = try JobConfigLoader.load(path: TestPaths.repo("Examples/contracts/job_config.json")).config
        #expect(try StrictJSON.encode(config) == StrictJSON.encode(config))
        let text = String(decoding: try StrictJSON.encode(config), as: UTF8.self)
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted(), "top-level keys are sorted")
    }
}
