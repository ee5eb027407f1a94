import Foundation
import MMMCore
import MMMJobs

/// The worker's side of a queued job: it marks the attempt RUNNING, renews the lease while it works (so the job is
/// not retried under it), stops the work when the attempt is cancelled or taken over, and records the outcome.
///
/// Every write is guarded by the attempt number: a worker whose attempt is no longer the job's current one (it was
/// cancelled, timed out, or retried after its lease expired) changes nothing. A worker killed mid-run records
/// nothing: the job stays RUNNING until its lease expires and a processor retries it — never a false SUCCEEDED.
public struct QueueWorkerSession: Sendable {
    /// The queue.
    public var queue: JobQueue
    /// The job and attempt this worker runs.
    public var reference: QueueJobReference
    /// This worker's name.
    public var identity: String
    /// Progress lines.
    public var log: @Sendable (String) -> Void = { _ in }

    /// A session.
    public init(queue: JobQueue, reference: QueueJobReference, identity: String) {
        self.queue = queue
        self.reference = reference
        self.identity = identity
    }

    /// Why the work did not run or was stopped.
    public enum Stop: Error, Sendable, Equatable {
        /// The attempt is not (or no longer) the job's current one; the state it found.
        case notCurrent(QueueJobState?)
    }

    /// Marks the attempt RUNNING, runs `work` while renewing the lease, and records its outcome.
    /// - Parameter work: The job's work; gets the job as started.
    /// - Returns: The outcome recorded.
    /// - Throws: ``Stop`` when the attempt is not current (nothing ran, or the work was cancelled and nothing was
    ///   recorded); `CancellationError` when the calling task was cancelled; store errors.
    public func run(_ work: @escaping @Sendable (QueueJob) async throws -> JobOutcome) async throws -> JobOutcome {
        let job = try await start()
        let seconds = job.lease?.seconds ?? 300
        let lost = Locked(false)
        let worker = Task { try await work(job) }
        let ended = QueueSignal()
        let watcher = Task {
            _ = await worker.result
            ended.fire()
        }
        defer { watcher.cancel() }
        await withTaskCancellationHandler {
            while !ended.hasFired {
                if await ended.wait(seconds: seconds / 3) || Task.isCancelled { break }
                if await !renew(seconds: seconds) {
                    lost.withLock { $0 = true }
                    worker.cancel()
                    break
                }
            }
        } onCancel: {
            worker.cancel()
        }
        let result = await worker.result
        if lost.withLock({ $0 }) { throw Stop.notCurrent(try await queue.job(reference.id)?.job.state) }
        let outcome = try result.get()
        try await finish(outcome)
        return outcome
    }

    /// RUNNING (from LAUNCHING) under this worker's lease.
    /// - Returns: The job.
    /// - Throws: ``Stop`` when the attempt is not current.
    func start() async throws -> QueueJob {
        let now = queue.clock.now()
        let attempt = reference.attempt
        let result = try await queue.update(reference.id, by: identity) { job in
            guard job.isCurrent(attempt: attempt) else { return false }
            job.lease = QueueLease(holder: identity, now: now, seconds: job.lease?.seconds ?? 300)
            job.startedAt = QueueTime.truncated(now)
            if job.state == .launching { job.move(to: .running, by: identity, at: now, note: "worker started") }
            return true
        }
        guard case .written(let job) = result else { throw Stop.notCurrent(result.job?.state) }
        log("\(reference.id): attempt \(attempt) running")
        return job
    }

    /// Extends the lease; false when the attempt is no longer current. A store error keeps the work going.
    private func renew(seconds: Double) async -> Bool {
        let now = queue.clock.now()
        let attempt = reference.attempt
        do {
            let result = try await queue.update(reference.id, by: identity) { job in
                guard job.isCurrent(attempt: attempt) else { return false }
                job.lease = QueueLease(holder: identity, now: now, seconds: seconds)
                return true
            }
            return result.job?.isCurrent(attempt: attempt) ?? false
        } catch {
            log("\(reference.id): could not renew the lease (\(error))")
            return true
        }
    }

    /// Records the outcome (outside any cancelled task: it must be written).
    private func finish(_ outcome: JobOutcome) async throws {
        let (queue, id, attempt, identity) = (self.queue, reference.id, reference.attempt, self.identity)
        try await Task {
            let now = queue.clock.now()
            try await queue.update(id, by: identity) { job in
                guard job.isCurrent(attempt: attempt) else { return false }
                outcome.apply(to: &job, by: identity, at: now)
                return true
            }
        }.value
    }
}
