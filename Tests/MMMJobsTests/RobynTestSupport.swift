import Foundation
import MMMTestSupport

@testable import MMMCore
@testable import MMMEngine
@testable import MMMJobs

/// The fake Rscript (Tests/Fixtures/robyn/fake_rscript.py), real R when installed, and the parity fixtures.
enum RobynFixtures {
    static let directory = TrainingFixtures.repoRoot.appendingPathComponent("Tests/Fixtures/robyn")
    static let fakeRscript = directory.appendingPathComponent("fake_rscript.py").path
    static let rDirectory = TrainingFixtures.repoRoot.appendingPathComponent("r").path
    static let parityData = directory.appendingPathComponent("parity_data.csv").path
    static let parityConfig = directory.appendingPathComponent("parity_config.json").path
    static let parityExpected = directory.appendingPathComponent("parity_expected.json").path

    /// The environment that makes the fake play R: this process's, with MMM_RSCRIPT and MMM_R_DIR set.
    static func fakeEnvironment(mode: String = "succeed", extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["MMM_RSCRIPT"] = fakeRscript
        environment["MMM_R_DIR"] = rDirectory
        environment["FAKE_R_MODE"] = mode
        environment.removeValue(forKey: "MMM_ROBYN_KEEP_WORKDIR")
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// A backend running the fake, with R's folders under `workRoot`.
    static func fakeBackend(
        mode: String = "succeed", workRoot: URL, extra: [String: String] = [:], grace: Double = 2
    ) async throws -> RobynBackend {
        let environment = fakeEnvironment(mode: mode, extra: extra)
        let runtime = try await RobynRuntime.probe(environment: environment)
        var backend = RobynBackend(runtime: runtime, environment: environment, workRoot: workRoot)
        backend.terminationGrace = grace
        return backend
    }

    /// The demo job with the given backend (small search; the fake does not search).
    static func demoJob(backend: any TrainingBackend, root: URL, runId: String, threads: Int = 3) throws -> TrainingJob {
        let config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        var job = TrainingJob(
            config: config, source: CSVFileSource(path: TrainingFixtures.demoData),
            options: TrainingOptions(iterations: 20, trials: 2, seed: 99, threads: threads),
            store: LocalRunStore(root: root.path), runId: runId)
        job.backend = backend
        return job
    }

    /// `Rscript` on PATH, if R is installed.
    static var realRscript: String? { try? RobynRuntime.locateRscript(environment: ProcessInfo.processInfo.environment) }

    /// The real runtime when R and Robyn are installed; nil (after a loud SKIPPED line) otherwise.
    static func realRuntime(for test: String) async -> RobynRuntime? {
        var environment = ProcessInfo.processInfo.environment
        environment["MMM_R_DIR"] = rDirectory
        do {
            return try await RobynRuntime.probe(environment: environment)
        } catch {
            FileHandle.standardError.write(Data("SKIPPED: \(test): Robyn is not available here (\(error))\n".utf8))
            return nil
        }
    }

    /// Whether a process is gone (or a zombie nobody will reap, which counts as gone for our purpose).
    static func processIsGone(_ pid: Int32) -> Bool {
        if kill(pid, 0) != 0 { return errno == ESRCH }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }
}

/// Progress reports seen by a job.
final class ProgressLog: Sendable {
    private let seen = Locked<[(Int, Int)]>([])
    func record(_ done: Int, _ total: Int) { seen.withLock { $0.append((done, total)) } }
    var all: [(Int, Int)] { seen.withLock { $0 } }
}
