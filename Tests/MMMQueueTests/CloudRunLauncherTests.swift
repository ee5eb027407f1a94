import Foundation
import MMMCloud
import MMMCore
import MMMQueue
import Testing

/// The processor driving Cloud Run executions (the fake's deterministic state machine) over a queue on
/// fake-gcs-server. The fake runs no container, so a test plays the worker by writing the run folder's status.json.
@Suite(.timeLimit(.minutes(8)))
struct CloudRunLauncherTests {
    struct Setup {
        let fixture: QueueFixture
        let queue: JobQueue
        let client: CloudRunClient
        let job: CloudRunJobName
        let bucket: String
    }

    private func setUp(env: [String: String] = [:]) async throws -> Setup? {
        guard let google = try await QueueGoogle.get(), let fixture = try await QueueFixture.make(.gcs) else { return nil }
        let client = try await google.client()
        let job = try await google.newJob(env: env)
        let bucket = String(fixture.root.dropFirst(5).split(separator: "/")[0])
        return Setup(fixture: fixture, queue: try await fixture.queue(), client: client, job: job, bucket: bucket)
    }

    private func submit(_ setup: Setup, _ id: String, maxAttempts: Int = 2, result: String? = nil) async throws {
        let spec = QueueJobSpec(
            config: "gs://\(setup.bucket)/configs/\(id).json", data: "gs://\(setup.bucket)/data.csv",
            result: result ?? "gs://\(setup.bucket)/results/\(id)")
        let job = QueueJob(id: id, queue: setup.fixture.name, spec: spec, maxAttempts: maxAttempts, now: Date(), by: "test")
        #expect(try await setup.queue.submit(job))
    }

    /// What a worker writes last.
    private func writeStatus(_ setup: Setup, _ id: String, _ state: RunStatus.State) async throws {
        let now = Date()
        let running = RunStatus.running(runId: id, at: now)
        let status = state == .succeeded ? running.finished(.succeeded, at: now)
            : running.finished(.failed, at: now, failedStep: "train", message: "bad data")
        try await setup.fixture.files.write(try StrictJSON.encode(status), to: "gs://\(setup.bucket)/results/\(id)/status.json")
    }

    private func processor(_ setup: Setup, timeout: Double? = nil, lease: Double = 30) -> QueueProcessor {
        var launcher = CloudRunWorkerLauncher(client: setup.client, job: setup.job)
        launcher.timeoutGrace = 0
        return QueueProcessor(
            queue: setup.queue, launcher: launcher, identity: QueueIdentity.make("processor"), root: setup.fixture.root,
            files: setup.fixture.files, maxParallel: 2, leaseSeconds: lease, pollSeconds: 0.1, jobTimeout: timeout)
    }

    private func executions(_ setup: Setup) async throws -> [CloudRunExecution] {
        try await setup.client.listExecutions(of: setup.job, pageSize: 50).executions
    }

    @Test func aSucceededExecutionWithItsRunFolderSucceeds() async throws {
        guard let setup = try await setUp() else { return }
        try await submit(setup, "ok")
        try await writeStatus(setup, "ok", .succeeded)
        let report = try await processor(setup, timeout: 600).run(loop: true)
        let job = try #require(try await setup.queue.job("ok")?.job)
        #expect(job.state == .succeeded && job.attempts == 1)
        let runs = try await executions(setup)
        #expect(runs.count == 1)
        let execution = try #require(runs.first)
        #expect(job.execution == QueueExecution(kind: .cloudrun, name: execution.name, attempt: 1))
        #expect(execution.environment["MMM_QUEUE_JOB"] == "ok")
        #expect(execution.environment["MMM_QUEUE_ATTEMPT"] == "1")
        #expect(execution.environment["MMM_QUEUE_ROOT"] == setup.fixture.root)
        #expect(execution.environment["JOB_CONFIG_GCS_PATH"] == "gs://\(setup.bucket)/configs/ok.json")
        #expect(execution.environment["RUN_ID"] == "ok-a1")
        #expect(report.launched == ["ok"] && report.recorded == ["ok": .succeeded])
    }

    @Test func failedTasksAreRetriedThenFailedWithCloudRunsMessage() async throws {
        guard let setup = try await setUp(env: ["FAKE_FAILED_TASKS": "1"]) else { return }
        try await submit(setup, "bad", maxAttempts: 2)
        _ = try await processor(setup).run(loop: true)
        let job = try #require(try await setup.queue.job("bad")?.job)
        #expect(job.state == .failed && job.attempts == 2)
        #expect(job.message?.hasPrefix("attempt 2 of 2: the Cloud Run execution ended FAILED: Task ") == true)
        #expect(job.message?.contains("failed with exit code 1") == true)
        #expect(try await executions(setup).count == 2)
    }

    @Test func aRunFolderThatSaysFailedIsFinal() async throws {
        guard let setup = try await setUp(env: ["FAKE_FAILED_TASKS": "1"]) else { return }
        try await submit(setup, "data", maxAttempts: 3)
        try await writeStatus(setup, "data", .failed)
        _ = try await processor(setup).run(loop: true)
        let job = try #require(try await setup.queue.job("data")?.job)
        #expect(job.state == .failed && job.attempts == 1 && job.message == "bad data (step train)")
    }

    @Test func anExecutionWithoutAnOutcomeIsNotASuccess() async throws {
        guard let setup = try await setUp() else { return }
        try await submit(setup, "silent", maxAttempts: 1)
        _ = try await processor(setup).run(loop: true)
        let job = try #require(try await setup.queue.job("silent")?.job)
        #expect(job.state == .failed)
        #expect(job.message == "attempt 1 of 1: the Cloud Run execution ended SUCCEEDED: Execution completed successfully., before the run folder recorded an outcome")
    }

    @Test func cancellingTheJobCancelsTheExecution() async throws {
        guard let setup = try await setUp(env: ["FAKE_HANG": "1"]) else { return }
        try await submit(setup, "long")
        let run = Task { try await processor(setup, lease: 0.9).run(loop: true) }
        try await waitUntil { try await setup.queue.job("long")?.job.state == .running }
        #expect(try await setup.queue.cancel("long", by: "test", reason: "wrong data").wasWritten)
        _ = try await run.value
        #expect(try await setup.queue.job("long")?.job.state == .cancelled)
        let execution = try #require(try await executions(setup).first)
        #expect(execution.state == .cancelled)
    }

    @Test func aTimedOutExecutionIsCancelledAndFails() async throws {
        guard let setup = try await setUp(env: ["FAKE_HANG": "1"]) else { return }
        try await submit(setup, "slow")
        _ = try await processor(setup, timeout: 0.5).run(loop: true)
        let job = try #require(try await setup.queue.job("slow")?.job)
        #expect(job.state == .failed && job.message == "timed out after 0.5 s" && job.attempts == 1)
        let execution = try #require(try await executions(setup).first)
        #expect(execution.state == .cancelled)
        #expect(execution.environment["MMM_QUEUE_JOB"] == "slow")
    }

    /// A processor died while its execution ran: the next processor follows that execution instead of starting another.
    @Test func anOrphanedExecutionIsAdoptedNotRunAgain() async throws {
        guard let setup = try await setUp(env: ["FAKE_POLLS": "3"]) else { return }
        try await submit(setup, "orphan")
        let started = try #require(try await setup.client.run(setup.job).execution)
        try await setup.queue.update("orphan", by: "processor ghost") { job in
            job.attempts = 1
            job.lease = QueueLease(holder: "processor ghost", now: Date().addingTimeInterval(-60), seconds: 30)
            job.execution = QueueExecution(kind: .cloudrun, name: started.name, attempt: 1)
            job.move(to: .running, by: "processor ghost", at: Date(), note: nil)
            return true
        }
        try await writeStatus(setup, "orphan", .succeeded)
        let report = try await processor(setup).run(loop: true)
        let job = try #require(try await setup.queue.job("orphan")?.job)
        #expect(job.state == .succeeded && job.attempts == 1)
        #expect(report.adopted == ["orphan"] && report.launched.isEmpty)
        #expect(try await executions(setup).count == 1, "no second execution")
    }

    @Test func localPathsCannotRunOnCloudRun() async throws {
        guard let setup = try await setUp() else { return }
        try await submit(setup, "local", result: "/tmp/runs/local")
        _ = try await processor(setup).run(loop: false)
        let job = try #require(try await setup.queue.job("local")?.job)
        #expect(job.state == .failed)
        #expect(job.message == "a Cloud Run worker cannot read the local result path /tmp/runs/local; submit with gs:// --data and --output")
        #expect(try await executions(setup).isEmpty)
    }
}
