import Foundation
import MMMCore
import MMMEngine
import MMMJobs
import MMMTestSupport

/// One real small run of the demo (60 × 2), trained once per test process with the allocate and report steps (as
/// `train` runs them), in memory.
enum ReportFixture {
    static let runId = "report-demo"

    /// The store holding the run (its writes are recorded in order).
    static let trained = Task { () async throws -> InMemoryRunStore in
        let store = InMemoryRunStore()
        var config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        config.iterations = 60
        config.trials = 2
        var job = TrainingJob(
            config: config, source: CSVFileSource(path: TrainingFixtures.demoData),
            options: TrainingOptions(iterations: 60, trials: 2, seed: config.seed, threads: 2), store: store, runId: runId)
        job.afterTraining = [AllocateStep(), ReportStep()]
        _ = try await job.run()
        return store
    }

    /// The finished run's folder.
    static func folder() async throws -> any RunFolder {
        let store = try await trained.value
        guard let folder = try await store.openRun(id: runId) else { throw FixtureError("run folder missing") }
        return folder
    }

    /// A copy of the finished run in a fresh store, without the named files.
    static func copy(dropping dropped: Set<String> = [], replacing: [String: Data] = [:]) async throws -> any RunFolder {
        let source = try await folder()
        let copy = try await InMemoryRunStore().createRun(id: runId, allowSuffix: false)
        for name in try await source.fileNames() where !dropped.contains(name) {
            guard let data = try await source.read(name) else { continue }
            try await copy.write(replacing[name] ?? data, to: name)
        }
        return copy
    }

    /// A file of the finished run as text.
    static func text(_ name: String, in folder: (any RunFolder)? = nil) async throws -> String {
        let f: any RunFolder
        if let folder { f = folder } else { f = try await self.folder() }
        guard let data = try await f.read(name) else { throw FixtureError("\(name) missing") }
        return String(decoding: data, as: UTF8.self)
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
