import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore
@testable import MMMEngine
@testable import MMMJobs

/// The parity job (Robyn's demo model, every hyperparameter fixed, Robyn's Prophet columns as baseline columns):
/// the native engine reproduces the numbers Robyn's own functions produced; with Robyn installed, the Robyn backend
/// must give the native engine's coefficients, NRMSE and DECOMP.RSSD to 1e-6, and a short search must succeed.
@Suite struct RobynParityTests {
    struct Fit {
        var coefficients: [String: Double]
        var nrmse: Double
        var decompRSSD: Double
    }

    static func parityJob(backend: any TrainingBackend, root: URL, runId: String, iterations: Int = 1, edit: (inout JobConfig) -> Void = { _ in })
        throws -> TrainingJob
    {
        var config = try JobConfigLoader.load(path: RobynFixtures.parityConfig).config
        edit(&config)
        var job = TrainingJob(
            config: config, source: CSVFileSource(path: RobynFixtures.parityData),
            options: TrainingOptions(iterations: iterations, trials: 1, seed: 123, threads: 2),
            store: LocalRunStore(root: root.path), runId: runId)
        job.backend = backend
        return job
    }

    /// The best model's coefficients (`rn` → `coef` of pareto_aggregated.csv, either engine's format) and errors.
    static func fit(of outcome: TrainingOutcome) throws -> Fit {
        let folder = URL(fileURLWithPath: outcome.location)
        let summary = try #require(outcome.summary)
        let rows = try RobynCSV.rows(folder.appendingPathComponent("pareto_aggregated.csv"))
        var coefficients: [String: Double] = [:]
        for row in rows where row["solID"] == summary.bestModel.modelId {
            if let name = row["rn"], let value = row["coef"].flatMap(Double.init) { coefficients[name] = value }
        }
        return Fit(
            coefficients: coefficients, nrmse: try #require(summary.bestModel.nrmse),
            decompRSSD: try #require(summary.bestModel.decompRssd))
    }

    static func close(_ a: Double, _ b: Double, rel: Double) -> Bool { abs(a - b) <= rel * max(abs(a), abs(b), 1e-9) }

    @Test func theNativeEngineReproducesRobynsRecordedModel() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let outcome = try await Self.parityJob(backend: NativeBackend(), root: root, runId: "native").run()
        let native = try Self.fit(of: outcome)
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: RobynFixtures.parityExpected)))
                as? [String: Any])
        let fit = try #require(expected["fit_train_size_0.7"] as? [String: Any])
        let names = try #require(fit["coefs_names"] as? [String])
        let values = try #require(fit["coefs"] as? [Double])
        #expect(names.count == 12)
        for (name, value) in zip(names, values) {
            let actual = try #require(native.coefficients[name], "\(name) missing")
            #expect(Self.close(actual, value, rel: 1e-6), "\(name): native \(actual), Robyn \(value)")
        }
        #expect(Self.close(native.nrmse, try #require(fit["nrmse_val"] as? Double), rel: 1e-6))
        #expect(Self.close(native.decompRSSD, try #require(fit["decomp_rssd"] as? Double), rel: 1e-6))
    }

    @Test(.timeLimit(.minutes(20))) func robynGivesTheNativeEnginesModel() async throws {
        guard let runtime = await RobynFixtures.realRuntime(for: "robynGivesTheNativeEnginesModel") else { return }
        let root = try TrainingFixtures.temporaryDirectory()
        let native = try Self.fit(of: try await Self.parityJob(backend: NativeBackend(), root: root, runId: "native").run())
        let robyn = try Self.fit(
            of: try await Self.parityJob(backend: RobynBackend(runtime: runtime), root: root, runId: "robyn").run())
        #expect(Set(robyn.coefficients.keys) == Set(native.coefficients.keys))
        for (name, value) in native.coefficients {
            let other = try #require(robyn.coefficients[name])
            #expect(Self.close(other, value, rel: 1e-6), "\(name): Robyn \(other), native \(value)")
        }
        #expect(abs(robyn.nrmse - native.nrmse) <= 1e-6)
        #expect(abs(robyn.decompRSSD - native.decompRSSD) <= 1e-6)
    }

    @Test(.timeLimit(.minutes(30))) func aShortRobynSearchSucceeds() async throws {
        guard let runtime = await RobynFixtures.realRuntime(for: "aShortRobynSearchSucceeds") else { return }
        let root = try TrainingFixtures.temporaryDirectory()
        let job = try Self.parityJob(backend: RobynBackend(runtime: runtime), root: root, runId: "search", iterations: 60) {
            for key in $0.customHyperparameters.keys where key != "lambda" {
                $0.customHyperparameters[key] = key.hasSuffix("_alphas") ? ParameterBound(0.5, 3)
                    : key.hasSuffix("_gammas") ? ParameterBound(0.3, 1) : ParameterBound(0.1, 0.4)
            }
            $0.customHyperparameters["lambda"] = ParameterBound(0, 1)
            $0.trainSize = .range(0.5, 0.8)
        }
        let outcome = try await job.run()
        #expect(outcome.state == .succeeded)
        let summary = try #require(outcome.summary)
        #expect(summary.candidateCount >= 60 && summary.engine.name == "robyn")
        let files = try FileManager.default.contentsOfDirectory(atPath: outcome.location)
        #expect(files.contains("pareto_hyperparameters.csv") && files.contains("all_aggregated.csv"))
    }
}

/// Reads Robyn's CSVs (R's write.csv: quoted strings, a leading row-number column) and the native engine's.
enum RobynCSV {
    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        guard let header = lines.first.map(fields) else { return [] }
        return lines.dropFirst().map { line in
            Dictionary(zip(header, fields(line)).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Splits a CSV line without embedded commas in quoted fields (true of these tables), dropping the quotes.
    static func fields(_ line: String) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r"))
        }
    }
}
