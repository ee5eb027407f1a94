import Foundation
import MMMCore
import MMMQueue
import Testing

/// Processors racing over one queue (each with its own store instance, as separate machines have), with an
/// in-process launcher that counts every launch independently of the queue.
@Suite(.timeLimit(.minutes(8)))
struct ProcessorTests {
    private func submit(_ count: Int, _ fixture: QueueFixture, results: String, maxAttempts: Int = 3) async throws
        -> [String]
    {
        let queue = try await fixture.queue()
        var ids: [String] = []
        for n in 0..<count {
            let id = "job-" + String(n + 1000)
            var job = QueueJob(id: id, queue: fixture.name, spec: fixture.spec(id, results: results),
                               maxAttempts: maxAttempts, now: Date(), by: "test")
            job.maxAttempts = maxAttempts
            #expect(try await queue.submit(job))
            ids.append(id)
        }
        return ids
    }

    private func processor(
        _ fixture: QueueFixture, _ launcher: any WorkerLauncher, parallel: Int = 4, lease: Double = 30,
        timeout: Double? = nil
    ) async throws -> QueueProcessor {
        QueueProcessor(
            queue: try await fixture.queue(), launcher: launcher, identity: QueueIdentity.make("processor"),
            root: fixture.root, files: fixture.files, maxParallel: parallel, leaseSeconds: lease, pollSeconds: 0.1,
            jobTimeout: timeout)
    }

    /// The state sequence of a job's history.
    private func states(_ job: QueueJob) -> [QueueJobState] { job.events.map(\.to) }

    @Test(arguments: StoreKind.allCases)
    func threeProcessorsFiftyJobsEachRunsExactlyOnce(_ kind: StoreKind) async throws {
        guard let fixture = try await QueueFixture.make(kind) else { return }
        let results = try temporaryFolder("results").path
        let ids = try await submit(50, fixture, results: results)
        let launcher = FakeWorkerLauncher(makeQueue: { try await fixture.queue() }, workMillis: 15)
        let reports = try await withThrowingTaskGroup(of: QueueProcessor.Report.self) { group in
            for _ in 0..<3 {
                let processor = try await processor(fixture, launcher)
                group.addTask { try await processor.run(loop: true) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let jobs = try await fixture.queue().jobs()
        #expect(jobs.count == 50)
        #expect(jobs.allSatisfy { $0.state == .succeeded })
        #expect(launcher.launches.count == 50 && launcher.launches.values.allSatisfy { $0 == 1 }, "\(launcher.launches)")
        #expect(jobs.allSatisfy { $0.attempts == 1 })
        // No update lost: every job's history is the complete chain, each step written once.
        for job in jobs {
            #expect(states(job) == [.pending, .launching, .running, .succeeded], "\(job.id): \(states(job))")
        }
        #expect(reports.map(\.launched.count).reduce(0, +) == 50)
        #expect(Set(reports.flatMap(\.launched)) == Set(ids))
        #expect(reports.allSatisfy { $0.counts == [.succeeded: 50] })
        #expect(reports.filter { !$0.launched.isEmpty }.count >= 2, "the processors share the work")
        #expect(launcher.peakConcurrency <= 12)
    }

    @Test(arguments: StoreKind.allCases)
    func aCrashIsRetriedAndTheLastAttemptFailsWithTheReason(_ kind: StoreKind) async throws {
        guard let fixture = try await QueueFixture.make(kind) else { return }
        let results = try temporaryFolder("results").path
        _ = try await submit(2, fixture, results: results, maxAttempts: 2)
        // job-1000 crashes once and then succeeds; job-1001 always crashes.
        let launcher = FakeWorkerLauncher(makeQueue: { try await fixture.queue() }) { id, attempt in
            id == "job-1000" && attempt == 2 ? .succeed : .crash
        }
        let report = try await processor(fixture, launcher).run(loop: true)
        let queue = try await fixture.queue()
        let retried = try #require(try await queue.job("job-1000")?.job)
        #expect(retried.state == .succeeded && retried.attempts == 2)
        #expect(retried.lastError?.contains("attempt 1 of 2: the worker was killed by signal 9") == true)
        #expect(states(retried) == [.pending, .launching, .running, .pending, .launching, .running, .succeeded])
        let failed = try #require(try await queue.job("job-1001")?.job)
        #expect(failed.state == .failed && failed.attempts == 2)
        #expect(failed.message == "attempt 2 of 2: the worker was killed by signal 9, before the run folder recorded an outcome")
        #expect(launcher.launches == ["job-1000": 2, "job-1001": 2])
        #expect(report.counts == [.succeeded: 1, .failed: 1])
    }

    @Test func aFailedRunIsFinalAndRecordedByTheWorker() async throws {
        guard let fixture = try await QueueFixture.make(.local) else { return }
        let results = try temporaryFolder("results").path
        _ = try await submit(1, fixture, results: results)
        let launcher = FakeWorkerLauncher(makeQueue: { try await fixture.queue() }) { _, _ in .fail }
        _ = try await processor(fixture, launcher).run(loop: false)
        let job = try #require(try await fixture.queue().job("job-1000")?.job)
        #expect(job.state == .failed && job.attempts == 1)
        #expect(job.message == "fake failure (step train)")
        #expect(job.events.last?.by == "worker fake", "the worker recorded its own outcome")
        #expect(launcher.launches == ["job-1000": 1])
    }

    /// A processor that claimed a job and died: the job waits for its lease to expire, then runs once.
    @Test(arguments: StoreKind.allCases)
    func anExpiredLeaseIsRetriedAfterExpiryOnly(_ kind: StoreKind) async throws {
        guard let fixture = try await QueueFixture.make(kind) else { return }
        let results = try temporaryFolder("results").path
        _ = try await submit(1, fixture, results: results)
        let queue = try await fixture.queue()
        try await queue.update("job-1000", by: "processor ghost") { job in
            job.attempts = 1
            job.lease = QueueLease(holder: "processor ghost", now: Date(), seconds: 600)
            job.execution = QueueExecution(kind: .local, name: "pid 1 on ghost", attempt: 1)
            job.move(to: .running, by: "processor ghost", at: Date(), note: nil)
            return true
        }
        let launcher = FakeWorkerLauncher(makeQueue: { try await fixture.queue() })
        let noLoop = try await processor(fixture, launcher).run(loop: false)
        #expect(noLoop.launched.isEmpty, "a live lease is left alone")
        // The ghost's last renewal: its lease now runs out in a second and a half.
        let renewed = Date()
        try await queue.update("job-1000", by: "processor ghost") { job in
            job.lease = QueueLease(holder: "processor ghost", now: renewed, seconds: 1.5)
            return true
        }
        let report = try await processor(fixture, launcher).run(loop: true)
        let job = try #require(try await queue.job("job-1000")?.job)
        #expect(job.state == .succeeded && job.attempts == 2)
        #expect(launcher.launches == ["job-1000": 1])
        #expect(report.launched == ["job-1000"])
        let retry = try #require(job.events.first { $0.to == .launching && $0.attempt == 2 })
        #expect(retry.at >= renewed.addingTimeInterval(1.5).addingTimeInterval(-0.001))
        #expect(retry.note?.contains("the lease of processor ghost expired") == true)
        #expect(job.events.filter { $0.to == .succeeded }.count == 1)
    }

    @Test func anExpiredLeaseOnTheLastAttemptFails() async throws {
        guard let fixture = try await QueueFixture.make(.local) else { return }
        let results = try temporaryFolder("results").path
        _ = try await submit(1, fixture, results: results, maxAttempts: 1)
        let queue = try await fixture.queue()
        try await queue.update("job-1000", by: "processor ghost") { job in
            job.attempts = 1
            job.lease = QueueLease(holder: "processor ghost", now: Date(), seconds: 0.2)
            job.move(to: .launching, by: "processor ghost", at: Date(), note: nil)
            return true
        }
        let launcher = FakeWorkerLauncher(makeQueue: { try await fixture.queue() })
        _ = try await processor(fixture, launcher).run(loop: true)
        let job = try #require(try await queue.job("job-1000")?.job)
        #expect(job.state == .failed)
        #expect(job.message?.hasPrefix("attempt 1 of 1: the lease of processor ghost expired at ") == true)
        #expect(launcher.launches.isEmpty)
    }

    @Test func cancellingARunningJobStopsItsWorker() async throws {
        guard let fixture = try await QueueFixture.make(.local) else { return }
        let results = try temporaryFolder("results").path
        _ = try await submit(2, fixture, results: results)
        let launcher = FakeWorkerLauncher(makeQueue: { try await fixture.queue() }) { _, _ in .hang }
        let processor = try await processor(fixture, launcher, lease: 0.6)
        let run = Task { try await processor.run(loop: true) }
        let queue = try await fixture.queue()
        try await waitUntil { try await queue.jobs().allSatisfy { $0.state == .running } }
        for id in ["job-1000", "job-1001"] {
            #expect(try await queue.cancel(id, by: "test", reason: "not needed").wasWritten)
        }
        let report = try await run.value
        #expect(report.counts == [.cancelled: 2])
        let job = try #require(try await queue.job("job-1000")?.job)
        #expect(job.message == "not needed (the running attempt is asked to stop)")
        #expect(try await queue.cancel("job-1000", by: "test", reason: "again").wasWritten == false, "terminal is final")
    }

    @Test func aTimeoutIsFinal() async throws {
        guard let fixture = try await QueueFixture.make(.local) else { return }
        let results = try temporaryFolder("results").path
        _ = try await submit(1, fixture, results: results)
        let launcher = TimeoutLauncher()
        _ = try await processor(fixture, launcher, timeout: 0.3).run(loop: true)
        let job = try #require(try await fixture.queue().job("job-1000")?.job)
        #expect(job.state == .failed && job.message == "timed out after 0.3 s" && job.attempts == 1)
    }

    @Test func aStaleWorkerChangesNothing() async throws {
        guard let fixture = try await QueueFixture.make(.local) else { return }
        _ = try await submit(1, fixture, results: try temporaryFolder("results").path)
        let queue = try await fixture.queue()
        let session = QueueWorkerSession(
            queue: queue, reference: QueueJobReference(root: fixture.root, queue: fixture.name, id: "job-1000", attempt: 1),
            identity: "worker stale")
        await #expect(throws: QueueWorkerSession.Stop.notCurrent(.pending)) {
            _ = try await session.run { _ in .succeeded(nil) }
        }
        #expect(try await queue.job("job-1000")?.job.revision == 1)
    }
}

/// Reports a timeout the way a launcher does when its deadline passes.
struct TimeoutLauncher: WorkerLauncher {
    var kind: QueueExecution.Kind { .local }
    var keepsRunningWhenInterrupted: Bool { false }
    func problem(with job: QueueJob) -> String? { nil }
    func run(
        _ job: QueueJob, attempt: Int, reference: QueueJobReference, timeout: Double?,
        started: @escaping @Sendable (QueueExecution) async -> Void
    ) async -> WorkerExit {
        await started(QueueExecution(kind: .local, name: "slow", attempt: attempt))
        try? await Task.sleep(nanoseconds: UInt64((timeout ?? 0) * 1e9))
        return .timedOut(seconds: timeout ?? 0)
    }
    func adopt(_ execution: QueueExecution, timeout: Double?) async -> WorkerExit? { nil }
}

/// Polls `condition` (bounded: 60 s) until it holds.
func waitUntil(_ condition: () async throws -> Bool) async throws {
    for _ in 0..<600 {
        if try await condition() { return }
        try await Task.sleep(nanoseconds: 100_000_000)
    }
    Issue.record("condition not met within 60 s")
}
