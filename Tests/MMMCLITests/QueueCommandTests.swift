import Foundation
import MMMCore
import MMMJobs
import MMMQueue
import MMMTestSupport
import Testing

/// `mmm-cli queue` and `mmm-cli worker` as processes: real processors, real workers, killed with SIGKILL.
@Suite(.timeLimit(.minutes(10)))
struct QueueCommandTests {
    /// The demo configuration at 30 × 1 on one thread, written to `directory`.
    static func tinyConfig(in directory: URL, iterations: Int = 30) throws -> String {
        var config = try JobConfigLoader.load(path: CLI.path("Examples/configs/demo_job_config.json")).config
        config.iterations = iterations
        config.trials = 1
        config.threads = 1
        config.outputLocation = nil
        let path = directory.appendingPathComponent("config-\(iterations).json").path
        try StrictJSON.encode(config).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func job(_ root: String, _ id: String) async throws -> QueueJob? {
        try await JobQueue(store: LocalQueueStore(root: root, queue: "q"), name: "q").job(id)?.job
    }

    @Test func aBayesianSubmissionRecordsItsSettingsInTheJob() async throws {
        let dir = try scratchDirectory()
        let config = try Self.tinyConfig(in: dir)
        let root = dir.appendingPathComponent("queues").path
        let submit = try await CLI.launch([
            "queue", "submit", "--queue-root", root, "--queue", "q", "--config", config,
            "--data", CLI.path("Examples/data/dt_simulated_weekly.csv"), "--output", dir.appendingPathComponent("runs").path,
            "--id", "bayes-1", "--backend", "bayes", "--inference", "map", "--draws", "20",
        ], environment: cloudEnvironment())
        #expect(submit.code == 0, "\(submit.stderr)")
        let job = try #require(try await job(root, "bayes-1"))
        #expect(job.spec.backend == "bayes" && job.spec.bayes?.inference == .map && job.spec.bayes?.draws == 20)
        let native = try await CLI.launch([
            "queue", "submit", "--queue-root", root, "--queue", "q", "--config", config, "--id", "n", "--draws", "20",
        ], environment: cloudEnvironment())
        #expect(native.code == 2 && native.stderr.contains("--draws needs --backend bayes"), "\(native.stderr)")
    }

    @Test func submitProcessStatusCancelAndCleanUpALocalQueue() async throws {
        let dir = try scratchDirectory()
        let config = try Self.tinyConfig(in: dir)
        let root = dir.appendingPathComponent("queues").path
        let runs = dir.appendingPathComponent("runs").path
        let env = cloudEnvironment()
        let queue = ["--queue-root", root, "--queue", "q"]
        for id in ["a", "b", "c"] {
            let submit = try await CLI.launch(["queue", "submit"] + queue + [
                "--config", config, "--data", CLI.path("Examples/data/dt_simulated_weekly.csv"), "--output", runs, "--id", id,
            ], environment: env)
            #expect(submit.code == 0, "\(submit.stderr)")
        }
        let again = try await CLI.launch(["queue", "submit"] + queue + [
            "--config", config, "--data", CLI.path("Examples/data/dt_simulated_weekly.csv"), "--output", runs, "--id", "a",
        ], environment: env)
        #expect(again.stdout.contains("queued 0 jobs") && again.stdout.contains("1 already queued"))
        let cancel = try await CLI.launch(["queue", "cancel"] + queue + ["c", "--reason", "not needed"], environment: env)
        #expect(cancel.code == 0 && cancel.stdout.contains("c: CANCELLED — not needed"), "\(cancel.stdout)\(cancel.stderr)")

        let process = try await CLI.launch(
            ["queue", "process"] + queue + ["--loop", "--max-parallel", "2", "--poll-seconds", "0.3", "--json"], environment: env)
        #expect(process.code == 0, "\(process.stderr)")
        let report = try jsonObject(process.stdout)
        #expect(report["counts"] as? [String: Int] == ["SUCCEEDED": 2, "CANCELLED": 1])
        #expect(Set(report["launched"] as? [String] ?? []) == ["a", "b"])

        let status = try await CLI.launch(["queue", "status"] + queue + ["--json"], environment: env)
        let jobs = try jsonObject(status.stdout)["jobs"] as? [[String: Any]] ?? []
        #expect(jobs.map { $0["state"] as? String } == ["SUCCEEDED", "SUCCEEDED", "CANCELLED"])
        for id in ["a", "b"] {
            let run = try StrictJSON.decode(RunStatus.self, path: runs + "/\(id)/status.json")
            #expect(run.state == .succeeded && run.runId == id)
        }
        let detail = try await CLI.launch(["queue", "status"] + queue + ["--id", "a"], environment: env)
        #expect(detail.stdout.contains("PENDING → LAUNCHING") && detail.stdout.contains("RUNNING → SUCCEEDED"))

        let cleanup = try await CLI.launch(["queue", "cleanup"] + queue + ["--older-than", "0s"], environment: env)
        #expect(cleanup.stdout.hasPrefix("deleted 3 jobs"), "\(cleanup.stdout)\(cleanup.stderr)")
        #expect(FileManager.default.fileExists(atPath: runs + "/a/model_summary.json"), "run folders are results: kept")
        let empty = try await CLI.launch(["queue", "status"] + queue + ["--json"], environment: env)
        #expect((try jsonObject(empty.stdout)["jobs"] as? [Any])?.isEmpty == true)
    }

    /// A processor killed (SIGKILL) while its job runs: its worker goes with it, the job stays RUNNING until the lease
    /// expires, then another processor runs it again — and it completes exactly once.
    @Test func aKilledProcessorsJobIsRetriedAfterItsLeaseAndCompletesOnce() async throws {
        let dir = try scratchDirectory()
        let config = try Self.tinyConfig(in: dir)
        let root = dir.appendingPathComponent("queues").path
        let runs = dir.appendingPathComponent("runs").path
        let gate = dir.appendingPathComponent("gate").path
        let launches = dir.appendingPathComponent("launches.log").path
        let env = cloudEnvironment([
            "MMM_WORKER_EXECUTABLE": CLI.path("Tests/Fixtures/queue/gated_worker.py"), "MMM_CLI": CLI.binary, "GATE": gate,
            "LAUNCH_LOG": launches,
        ])
        let queue = ["--queue-root", root, "--queue", "q"]
        let submit = try await CLI.launch(["queue", "submit"] + queue + [
            "--config", config, "--data", CLI.path("Examples/data/dt_simulated_weekly.csv"), "--output", runs, "--id", "k",
        ], environment: env)
        #expect(submit.code == 0, "\(submit.stderr)")

        let first = try BackgroundCLI(["queue", "process"] + queue + ["--lease-seconds", "3", "--poll-seconds", "0.3"],
                                      environment: env, in: dir, name: "first")
        try await waitFor("the first attempt to run") {
            try await job(root, "k")?.state == .running && launchLines(launches).count == 1
        }
        first.kill()
        #expect(await first.exitCode() == 128 + SIGKILL)
        let workerPid = try #require(Int32(launchLines(launches)[0].split(separator: " ")[2]))
        try await waitFor("the first worker to notice its processor is gone") { kill(workerPid, 0) != 0 }
        let orphaned = try #require(try await job(root, "k"))
        #expect(orphaned.state == .running && orphaned.attempts == 1, "no outcome was recorded")
        let expiry = try #require(orphaned.lease?.expiresAt, "the lease stays on the orphaned job")
        // Its holders are gone, so it was last renewed before now: it expires within one lease (3 s) from here. (No
        // lower bound: on a loaded machine the processor may have been starved of renewals before it was killed.)
        #expect(expiry <= Date().addingTimeInterval(3.001), "the lease was not renewed after its holders died")

        #expect(FileManager.default.createFile(atPath: gate, contents: Data()))
        let second = try await CLI.launch(
            ["queue", "process"] + queue + ["--loop", "--lease-seconds", "3", "--poll-seconds", "0.3"], environment: env)
        #expect(second.code == 0, "\(second.stderr)")
        let done = try #require(try await job(root, "k"))
        #expect(done.state == .succeeded && done.attempts == 2)
        #expect(done.events.filter { $0.to == .succeeded }.count == 1)
        let retry = try #require(done.events.first { $0.to == .launching && $0.attempt == 2 })
        #expect(retry.at >= expiry.addingTimeInterval(-0.001), "not retried before the lease expired")
        #expect(retry.note?.contains("expired") == true)
        #expect(try launchLines(launches).map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == ["k 1", "k 2"])
        #expect(try StrictJSON.decode(RunStatus.self, path: runs + "/k/status.json").state == .succeeded)
    }

    /// A worker killed outright mid-run records nothing: its run folder says RUNNING, the job stays RUNNING under the
    /// worker's lease (which then expires) — never a false SUCCEEDED.
    @Test func aKilledWorkerLeavesRunningAndAnExpiringLease() async throws {
        let dir = try scratchDirectory()
        let config = try Self.tinyConfig(in: dir, iterations: 400_000)
        let root = dir.appendingPathComponent("queues").path
        let runs = dir.appendingPathComponent("runs").path
        let env = cloudEnvironment()
        let queue = JobQueue(store: LocalQueueStore(root: root, queue: "q"), name: "q")
        let submission = QueueSubmission(queue: queue, by: "test")
        _ = try await submission.submit(
            config: try JobConfigLoader.load(path: config).config, id: "w", data: CLI.path("Examples/data/dt_simulated_weekly.csv"),
            output: runs)
        try await queue.update("w", by: "processor test") { job in
            job.attempts = 1
            job.lease = QueueLease(holder: "processor test", now: Date(), seconds: 30)
            job.move(to: .launching, by: "processor test", at: Date(), note: nil)
            return true
        }
        let worker = try BackgroundCLI(
            ["worker", "--queue-root", root, "--queue", "q", "--job", "w", "--attempt", "1", "--quiet"], environment: env, in: dir,
            name: "worker")
        try await waitFor("the worker to start training") {
            let status = try? StrictJSON.decode(RunStatus.self, path: runs + "/w/status.json")
            let holder = try await job(root, "w")?.lease?.holder
            return status?.state == .running && holder?.hasPrefix("worker ") == true
        }
        worker.kill()
        #expect(await worker.exitCode() == 128 + SIGKILL)
        #expect(try StrictJSON.decode(RunStatus.self, path: runs + "/w/status.json").state == .running)
        let left = try #require(try await job(root, "w"))
        #expect(left.state == .running && left.attempts == 1 && left.finishedAt == nil)
        #expect(left.lease?.holder.hasPrefix("worker ") == true && left.lease?.seconds == 30)
        #expect(left.events.map(\.to) == [.pending, .launching, .running])
    }

    @Test func costEstimateArithmetic() async throws {
        let out = try await CLI.launch([
            "cost", "estimate", "--iterations", "2000", "--trials", "5", "--variants", "54", "--rows", "416", "--cpu", "4",
            "--memory", "8", "--overhead", "30", "--json",
        ], environment: cloudEnvironment())
        #expect(out.code == 0, "\(out.stderr)")
        let json = try jsonObject(out.stdout)
        // Independently: 13,500 candidates/core-s at 208 rows → 6,750 at 416; 4 vCPU at 85 % → 22,950 candidates/s;
        // 10,000 candidates → 0.43573 s + 30 s overhead; × (4 × 0.000018 + 8 × 0.000002) $/s × 54 variants.
        let perVariant = 10_000.0 / (13_500.0 * 208 / 416 * 4 * 0.85) + 30
        let total = perVariant * (4 * 0.000018 + 8 * 0.000002) * 54
        #expect(abs((json["seconds_per_variant"] as? Double ?? 0) - perVariant) < 1e-9)
        #expect(abs((json["total_cost"] as? Double ?? 0) - total) < 1e-12)
        #expect(abs((json["vcpu_seconds"] as? Double ?? 0) - perVariant * 4 * 54) < 1e-6)
        #expect((json["prices"] as? [String: Any])?["as_of"] as? String == "2026-12-07")
        let local = try await CLI.launch([
            "cost", "estimate", "--iterations", "100", "--trials", "1", "--backend", "local", "--cpu", "2", "--json",
        ], environment: cloudEnvironment())
        let localJSON = try jsonObject(local.stdout)
        #expect(localJSON["total_cost"] as? Double == 0 && localJSON["prices"] == nil)
        // One trial uses one core whatever --cpu says (trials are the unit of parallel work).
        #expect(abs((localJSON["search_seconds"] as? Double ?? 0) - 100.0 / 13_500) < 1e-12)
    }
}

/// The non-empty lines of the gated worker's launch log.
func launchLines(_ path: String) throws -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").map(String.init)
}

/// Polls `condition` every 100 ms (bounded: 120 s, generous for a loaded machine).
func waitFor(_ what: String, _ condition: () async throws -> Bool) async throws {
    for _ in 0..<1200 {
        if try await condition() { return }
        try await Task.sleep(nanoseconds: 100_000_000)
    }
    Issue.record("timed out waiting for \(what)")
    throw CancellationError()
}

/// `mmm-cli` running in the background (output to files), so a test can kill it.
final class BackgroundCLI: Sendable {
    let process: Process
    private let input: Pipe

    init(_ arguments: [String], environment: [String: String], in directory: URL, name: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.environment = environment
        input = Pipe()
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: Self.file(directory, "\(name).out"))
        process.standardError = try FileHandle(forWritingTo: Self.file(directory, "\(name).err"))
        try process.run()
    }

    private static func file(_ directory: URL, _ name: String) -> URL {
        let url = directory.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }

    /// SIGKILL to exactly this process.
    func kill() { _ = Foundation.kill(process.processIdentifier, SIGKILL) }

    /// Waits (off the cooperative pool) for the exit and returns the code (128 + signal when killed).
    func exitCode() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread {
                self.process.waitUntilExit()
                let code = self.process.terminationStatus
                continuation.resume(returning: self.process.terminationReason == .uncaughtSignal ? 128 + code : code)
            }.start()
        }
    }
}
