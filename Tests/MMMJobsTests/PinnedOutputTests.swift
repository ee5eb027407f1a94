import Foundation
import MMMCore
import MMMEngine
import MMMJobs
import MMMTestSupport
import MMMTransport
import Testing

/// The demo at 300 × 2 must keep producing these exact bytes: the digests were taken from the run folder written
/// before the job layer existed (commit e8dc2d9, `mmm-cli train --iterations 300 --trials 2 --run-id pin`), so any
/// refactoring that changes a number, a column or a format fails here. Change them only for an intended change of
/// results, and say why in the CHANGELOG.
///
/// Changes so far: model_summary.json's config echo gained `"missing_dep_var": "error"` (issue 8: the policy for
/// missing target values is part of the canonical config); every number and every CSV is unchanged.
@Suite struct PinnedOutputTests {
    static let digests = [
        "model_summary.json": "2aff9c35acb86f0fdda1e2d3e4fea1fc741aecb6248bad36f890dc25b841121c",
        "all_aggregated.csv": "3e3459c49dc0bac3bf031042afcc36cd2df21afc4cd12d288f012a1557f51b1c",
        "pareto_aggregated.csv": "3d58e3e809d47c9a2232eacc20368b8ab5cc29d0bfe32613b56f16f3b347a092",
        "pareto_alldecomp_matrix.csv": "be52ad64b483c84a5d91248bb682bbfd5de2ba2e3bb77bafd53d00025802463c",
        "pareto_hyperparameters.csv": "be4a367005f9b63e466eb7503e9a4a59dee1d005ec2921397bceb9def5ea179c",
        "pareto_media_transform_matrix.csv": "2e691d5b099c9383a8b73079439f7a4202dc41cd185aa0fee524d73397b62a0e",
    ]

    @Test func theDemoAt300x2IsByteIdenticalToThePinnedRun() async throws {
        let store = InMemoryRunStore()
        // As `mmm-cli train --iterations 300 --trials 2` sets them (the summary echoes the config).
        var config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        config.iterations = 300
        config.trials = 2
        let outcome = try await TrainingJob(
            config: config, source: CSVFileSource(path: TrainingFixtures.demoData),
            options: TrainingOptions(iterations: 300, trials: 2, seed: config.seed, threads: 2), store: store, runId: "pin"
        ).run()
        #expect(outcome.state == .succeeded)
        for (name, digest) in Self.digests.sorted(by: { $0.key < $1.key }) {
            let data = try #require(store.file(name, run: "pin"), "\(name) missing")
            #expect(SHA256Digest.hex(data) == digest, "\(name) changed")
        }
    }
}
