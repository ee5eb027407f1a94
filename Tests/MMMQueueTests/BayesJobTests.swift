import Foundation
import MMMCloud
import MMMCore
import MMMJobs
import MMMQueue
import Testing

/// Queue jobs for the Bayesian backend: the spec carries the backend and its settings strictly, and the worker
/// fits with exactly those settings (and does not take a run fitted with others as finished).
@Suite(.timeLimit(.minutes(8)))
struct BayesJobTests {
    private func spec(_ json: String) throws -> QueueJobSpec {
        try JSONDecoder().decode(QueueJobSpec.self, from: Data(json.utf8))
    }

    private let head = #""config": "c.json", "result": "runs/j", "outputs": "small", "allocate": false"#

    @Test func theSpecCarriesBayesianSettingsAndRefusesWrongOnes() throws {
        let spec = try spec(#"{\#(head), "backend": "bayes", "bayes": {"inference": "map", "draws": 40, "range_prior": "matched"}}"#)
        var expected = BayesSettings()
        expected.inference = .map
        expected.draws = 40
        expected.rangePrior = .matched
        #expect(spec.backend == "bayes" && spec.bayes == expected)
        #expect(try JSONDecoder().decode(QueueJobSpec.self, from: try JSONEncoder().encode(spec)) == spec)
        #expect(try self.spec(#"{\#(head), "backend": "bayes"}"#).bayes == nil)

        let refused: [(String, String)] = [
            (#""backend": "stan""#, "'stan' is not native, robyn or bayes"),
            (#""backend": "native", "bayes": {"draws": 10}"#, "only a bayes job takes Bayesian settings"),
            (#""backend": "bayes", "bayes": {"chians": 2}"#, "unknown key 'chians'; did you mean 'chains'?"),
            (#""backend": "bayes", "bayes": {"inference": "vi"}"#, "unknown value 'vi'"),
            (#""backend": "bayes", "bayes": {"chains": 0}"#, "must be at least 1 (got 0)"),
            (#""backend": "bayes", "bayes": {"target_accept": 1.5}"#, "must be in (0, 1)"),
            (#""backend": "bayes", "bayes": {"draws": null}"#, "null is not allowed"),
        ]
        for (fields, message) in refused {
            do {
                _ = try self.spec("{\(head), \(fields)}")
                Issue.record("accepted \(fields)")
            } catch let DecodingError.dataCorrupted(context) {
                #expect(context.debugDescription.contains(message), "\(fields): \(context.debugDescription)")
                #expect(!context.codingPath.isEmpty, "\(fields): the error names no key")
            } catch {
                Issue.record("\(fields): \(error)")
            }
        }
    }

    @Test func theWorkerFitsWithTheSpecsSettingsAndRefitsWhenTheyChange() async throws {
        let folder = try temporaryFolder("worker-bayes")
        let config = folder.appendingPathComponent("config.json").path
        try StrictJSON.encode(try Demo.config()).write(to: URL(fileURLWithPath: config))
        let result = folder.appendingPathComponent("runs/job-b").path
        let cloud = GoogleCloudServices(environment: GoogleCloudEnvironment(variables: [:], homeDirectory: "/nonexistent-home"))
        var settings = BayesSettings()
        settings.inference = .map
        settings.draws = 30
        let spec = QueueJobSpec(config: config, data: Demo.data, result: result, backend: "bayes", outputs: "small", allocate: false,
                                bayes: settings)
        let first = try await WorkerRun(spec: spec, cloud: cloud).run(diagnostics: DiscardingDiagnosticSink())
        guard case .succeeded = first else { Issue.record("\(first)"); return }
        let summary = try StrictJSON.decode(ModelSummary.self, path: result + "/model_summary.json")
        #expect(summary.engine.name == BayesBackend.engineInfo.name)
        let diagnostics = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: result + "/posterior_diagnostics.json"))) as? [String: Any])
        let recorded = try #require(diagnostics["settings"] as? [String: Any])
        #expect(recorded["inference"] as? String == "map" && recorded["draws"] as? Int == 30)
        #expect(try await WorkerRun(spec: spec, cloud: cloud).run(diagnostics: DiscardingDiagnosticSink())
                == .succeeded("the run folder \(result) had already finished"))
        // Other settings: the finished folder is not theirs, so it is fitted again with them.
        var other = spec
        other.bayes?.draws = 40
        let again = try await WorkerRun(spec: other, cloud: cloud).run(diagnostics: DiscardingDiagnosticSink())
        guard case .succeeded(let note) = again else { Issue.record("\(again)"); return }
        #expect(note?.contains("had already finished") != true)
        let refitted = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: result + "/posterior_diagnostics.json"))) as? [String: Any])
        #expect((refitted["settings"] as? [String: Any])?["draws"] as? Int == 40)
    }
}
