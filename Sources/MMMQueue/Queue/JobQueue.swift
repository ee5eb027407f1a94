import Foundation
import MMMCore
import MMMJobs

/// One named queue: reading jobs, submitting them, and changing them by compare-and-swap.
///
/// ``update(_:by:_:)`` is the only way a job changes: read the job and its version, apply the change to that
/// content, write it only if the job is still at that version; if someone else wrote first, read again and apply the
/// change again to what they wrote. A change is a pure function of the job it is given (it decides from the job's
/// state whether it still applies), so re-applying it is always correct and nothing anyone wrote is lost.
public struct JobQueue: Sendable {
    /// Where the jobs are.
    public let store: any QueueStore
    /// The queue's name.
    public let name: String
    /// The clock (leases, timestamps).
    public var clock: any JobClock = SystemJobClock()

    /// A queue over a store.
    /// - Parameters:
    ///   - store: The store (``LocalQueueStore`` or ``GCSQueueStore``).
    ///   - name: The queue's name (recorded in each job).
    public init(store: any QueueStore, name: String) {
        self.store = store
        self.name = name
    }

    /// What an update did.
    public enum UpdateResult: Sendable {
        /// The change was written; the job as written.
        case written(QueueJob)
        /// The change did not apply to the job as it stands (e.g. it had ended); the job as read.
        case unchanged(QueueJob)
        /// There is no such job.
        case missing

        /// The job after the update, if it exists.
        public var job: QueueJob? {
            switch self {
            case .written(let job), .unchanged(let job): job
            case .missing: nil
            }
        }

        /// Whether the change was written.
        public var wasWritten: Bool { if case .written = self { return true } else { return false } }
    }

    /// Reads one job.
    /// - Returns: The job and its version, or nil.
    /// - Throws: ``ConfigError`` when the stored job is not a valid job; store errors.
    public func job(_ id: String) async throws -> (job: QueueJob, version: Int64)? {
        guard let object = try await store.readJob(id) else { return nil }
        return (try decode(object.data, id: id), object.version)
    }

    /// Reads every job, ordered by submission time and id.
    /// - Throws: ``ConfigError`` for an invalid stored job; store errors.
    public func jobs() async throws -> [QueueJob] {
        let ids = try await store.jobIds()
        var found: [QueueJob] = []
        // A few reads at a time: a Cloud Storage read takes tens of milliseconds.
        try await withThrowingTaskGroup(of: QueueJob?.self) { group in
            var next = 0
            func addNext() {
                guard next < ids.count else { return }
                let id = ids[next]
                next += 1
                group.addTask { try await self.job(id)?.job }
            }
            for _ in 0..<min(16, ids.count) { addNext() }
            while let job = try await group.next() {
                if let job { found.append(job) }
                addNext()
            }
        }
        return found.sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
    }

    /// Adds a job unless one with its id exists.
    /// - Returns: false when the id was taken (the existing job is left alone).
    public func submit(_ job: QueueJob) async throws -> Bool {
        try await store.createJob(job.id, try StrictJSON.encode(job)) != nil
    }

    /// Changes a job by compare-and-swap, re-applying `change` after every lost race.
    /// - Parameters:
    ///   - id: The job.
    ///   - by: Who writes (recorded as `updated_by`).
    ///   - change: Mutates the job it is given and returns true, or returns false when the change does not apply to
    ///     the job as it stands. Called once per attempt, always on the freshest job.
    /// - Returns: What happened.
    /// - Throws: ``QueueRuntimeError`` after an unreasonable number of lost races; what `change` throws.
    @discardableResult
    public func update(_ id: String, by: String, _ change: (inout QueueJob) throws -> Bool) async throws -> UpdateResult {
        var generator = SystemRandomNumberGenerator()
        // Bounded: each lost race means another writer made progress on this job.
        for round in 0..<200 {
            guard let (current, version) = try await job(id) else { return .missing }
            var changed = current
            guard try change(&changed) else { return .unchanged(current) }
            changed.revision = current.revision + 1
            changed.updatedAt = QueueTime.truncated(clock.now())
            changed.updatedBy = by
            if try await store.replaceJob(id, try StrictJSON.encode(changed), expected: version) != nil {
                return .written(changed)
            }
            // Lost a race: back off a little (more each round, with jitter) so contenders spread out.
            let millis = UInt64.random(in: 1...UInt64(min(50, 2 + round * 3)), using: &generator)
            try await Task.sleep(nanoseconds: millis * 1_000_000)
        }
        throw QueueRuntimeError("\(store.location)/jobs/\(id): gave up after 200 conflicting writes")
    }

    /// Cancels a job that has not ended. A processor or worker following it sees the state on its next lease
    /// renewal and stops the execution.
    /// - Returns: The job afterwards, or nil when there is no such job.
    public func cancel(_ id: String, by: String, reason: String) async throws -> UpdateResult {
        let now = clock.now()
        return try await update(id, by: by) { job in
            guard !job.state.isTerminal else { return false }
            let running = job.state.isClaimed
            job.message = reason + (running ? " (the running attempt is asked to stop)" : "")
            job.move(to: .cancelled, by: by, at: now, note: reason)
            return true
        }
    }

    /// Deletes terminal jobs that ended more than `age` seconds ago, with their configuration files.
    /// - Returns: The ids deleted.
    public func cleanup(olderThan age: TimeInterval) async throws -> [String] {
        let limit = clock.now().addingTimeInterval(-age)
        var deleted: [String] = []
        for id in try await store.jobIds() {
            guard let (job, version) = try await job(id), job.state.isTerminal, let finished = job.finishedAt,
                finished < limit
            else { continue }
            if try await store.deleteJob(id, expected: version) {
                if job.spec.config.hasSuffix(QueueSubmission.configFile(id)) {
                    try await store.deleteFile(QueueSubmission.configFile(id))
                }
                deleted.append(id)
            }
        }
        return deleted
    }

    private func decode(_ data: Data, id: String) throws -> QueueJob {
        try StrictJSON.decode(QueueJob.self, from: data, file: "\(store.location)/jobs/\(id)")
    }
}
