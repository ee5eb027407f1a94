import Foundation
import MMMCore
import MMMEngine
import MMMJobs
import MMMTestSupport
import MMMTransport
import Testing

/// The demo at 300 × 2 with the steps `mmm-cli train` runs by default (allocate, then report) must keep producing
/// these exact bytes. The digests were taken with the code before the performance work on the outputs and after-steps
/// (main at the merge of the queue) — the same job, store and frozen clock as here — so a faster report or allocator that changes a byte
/// fails. Change them only for an intended change of results, and say why in the CHANGELOG.
@Suite struct PinnedReportTests {
    static let digests = [
        "allocation.csv": "4190a9b82c85bc0b394e5e741339b729aa186e2521bf774f71501e233a2c4d48",
        "allocation.json": "0c0de71d7d047ba0bcfe373b4f6bfa215db084ecf20343024b774228a31b9ef6",
        "allocation.svg": "4735d23fe1e18b1de195b3f55619d4984ec0d399df33d4b6ffdcc41e50b446c6",
        "allocator_metrics.csv": "4ac42aae11605d7c7d0c1228f4ff67fcf15ba67b9f0237067e3383273a60c694",
        "model.json": "e1e84be0f2904902edee57c5ddc3e3f1a1859224a54f25e88596168d86a5f5cd",
        "model_summary.json": "711e156ec1d558104660ddd24e78b528f784b6fccdbae12fe76abfd08442f67e",
        "pareto_front.svg": "0f1b6276ca45c05c1e041b73371c7464a989b0378aa3344358f6c07fd84f9a00",
        "report.html": "77419bb3ec2206da58961ab416944f31086e3691c02bc9b363de0750c68232f3",
    ]

    @Test func allocationAndReportOfTheDemoAt300x2AreByteIdenticalToThePinnedRun() async throws {
        let store = InMemoryRunStore()
        var config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        config.iterations = 300
        config.trials = 2
        var job = TrainingJob(
            config: config, source: CSVFileSource(path: TrainingFixtures.demoData),
            options: TrainingOptions(iterations: 300, trials: 2, seed: config.seed, threads: 2), store: store, runId: "pin")
        job.clock = FrozenClock()
        job.afterTraining = [AllocateStep(), ReportStep()]
        let outcome = try await job.run()
        #expect(outcome.state == .succeeded)
        var actual: [String: String] = [:]
        for name in store.fileNames(run: "pin") where Self.digests[name] != nil || name.hasPrefix("onepager_") {
            actual[name] = store.file(name, run: "pin").map { SHA256Digest.hex(Self.locationFree($0)) }
        }
        let onePagers = actual.keys.filter { $0.hasPrefix("onepager_") }.sorted()
        #expect(onePagers.count == Self.onePagers.count, "one-pager pictures: \(onePagers)")
        for (name, digest) in Self.digests.merging(Self.onePagers, uniquingKeysWith: { a, _ in a }).sorted(by: { $0.key < $1.key }) {
            #expect(actual[name] == digest, "\(name) changed: \(actual[name] ?? "missing")")
        }
    }

    /// The bytes with the checkout's absolute path (the report names the data file it read) made `<repo>`, so the
    /// digest does not depend on where the repository is cloned.
    static func locationFree(_ data: Data) -> Data {
        let root = TrainingFixtures.repoRoot.path
        return Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: root, with: "<repo>").utf8)
    }

    /// The best model's and each cluster winner's one-pager.
    static let onePagers = [
        "onepager_1_70_3.svg": "1e64df7fa7ab1bb5f3b163f110e236990f28def45fd7ddeb8cc3d5ca94974a9d",
        "onepager_2_49_1.svg": "39b8292eae3eb2870d93b33be82409306b43cdc2d671217d632cfc62438b0977",
        "onepager_2_71_2.svg": "9ecad4611c4fb239c40439625946851e0b6d10003305bd2028fe2a846710ec6f",
    ]
}
