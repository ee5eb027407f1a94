import Foundation
import MMMCore
import MMMJobs

/// Works through a queue: claims jobs (PENDING, or claimed ones whose lease expired), launches their workers
/// through a ``WorkerLauncher``, follows each to the end while renewing its lease, and records the outcome.
///
/// - At most ``maxParallel`` jobs are followed at once.
/// - Without `loop`, ``run(loop:)`` returns once nothing is left that this processor can claim and its own jobs
///   have ended. With `loop` it returns only when **every** job of the queue is terminal, waiting for other
///   processors' jobs and for expired leases (the previous processor returned while jobs still ran; §9 item 15).
/// - Many processors can work on one queue at once, on any machines: every change is a compare-and-swap, so each
///   attempt is claimed by exactly one of them.
public struct QueueProcessor: Sendable {
    /// The queue.
    public var queue: JobQueue
    /// What runs the workers.
    public var launcher: any WorkerLauncher
    /// This processor's name (lease holder, history).
    public var identity: String
    /// Jobs followed at once.
    public var maxParallel: Int
    /// Lease length in seconds; renewed every third of it.
    public var leaseSeconds: Double
    /// Seconds between looks at the queue when nothing happens.
    public var pollSeconds: Double
    /// Stop a worker after this many seconds (nil: no limit).
    public var jobTimeout: Double?
    /// The queue root as workers are told it.
    public var root: String
    /// Reads the run folders' `status.json`.
    public var files: QueueFiles
    /// Progress lines (claims, launches, outcomes).
    public var log: @Sendable (String) -> Void = { _ in }
    /// Which jobs this processor looks at (e.g. one benchmark's); the others are neither claimed nor waited for.
    public var accepts: @Sendable (QueueJob) -> Bool = { _ in true }

    /// A processor.
    public init(
        queue: JobQueue, launcher: any WorkerLauncher, identity: String, root: String, files: QueueFiles,
        maxParallel: Int = 1, leaseSeconds: Double = 300, pollSeconds: Double = 10, jobTimeout: Double? = nil
    ) {
        self.queue = queue
        self.launcher = launcher
        self.identity = identity
        self.root = root
        self.files = files
        self.maxParallel = max(1, maxParallel)
        self.leaseSeconds = leaseSeconds
        self.pollSeconds = pollSeconds
        self.jobTimeout = jobTimeout
    }

    /// What a run of the processor did, and how the queue stands at the end.
    public struct Report: Sendable, Equatable {
        /// Attempts this processor launched.
        public var launched: [String] = []
        /// Executions of other processors it followed to the end.
        public var adopted: [String] = []
        /// The final state this processor recorded, per job.
        public var recorded: [String: QueueJobState] = [:]
        /// Jobs per state at the end (of the jobs this processor accepts).
        public var counts: [QueueJobState: Int] = [:]
    }

    /// Runs until done (see the type's documentation).
    /// - Parameter loop: Return only when every job is terminal.
    /// - Returns: What happened.
    /// - Throws: Store errors; `CancellationError` when cancelled (workers of local jobs are stopped, their jobs
    ///   released back to PENDING).
    public func run(loop: Bool) async throws -> Report {
        let report = Locked(Report())
        let wakeup = QueueWakeup()
        let active = Locked(Set<String>())
        try await withThrowingDiscardingTaskGroup { group in
            while true {
                try Task.checkCancellation()
                let jobs = try await queue.jobs().filter(accepts)
                let following = active.withLock { $0 }
                if loop, following.isEmpty, jobs.allSatisfy(\.state.isTerminal) { break }
                let now = queue.clock.now()
                var claimed = false
                for job in jobs where !following.contains(job.id) && isClaimable(job, now: now) {
                    guard active.withLock({ $0.count }) < maxParallel else { break }
                    guard let claim = try await claim(job.id) else { continue }
                    claimed = true
                    active.withLock { _ = $0.insert(job.id) }
                    group.addTask {
                        let state = await self.follow(claim, report: report)
                        report.withLock { r in if let state { r.recorded[claim.job.id] = state } }
                        active.withLock { _ = $0.remove(claim.job.id) }
                        wakeup.send()
                    }
                }
                // Without --loop: nothing claimable now and nothing of ours running means done (the other jobs are
                // someone else's, or wait for a lease to expire).
                if !loop, !claimed, active.withLock({ $0.isEmpty }) { break }
                await wakeup.wait(seconds: pollSeconds)
            }
        }
        var final = report.withLock { $0 }
        for job in try await queue.jobs() where accepts(job) { final.counts[job.state, default: 0] += 1 }
        return final
    }

    /// Whether this processor may try to claim `job` now.
    func isClaimable(_ job: QueueJob, now: Date) -> Bool {
        switch job.state {
        case .pending: return true
        case .launching, .running: return job.lease.map { $0.isExpired(at: now) } ?? true
        default: return false
        }
    }
}
