import Foundation
import MMMCore
import MMMJobs

extension QueueProcessor {
    /// A job this processor now holds.
    struct Claim: Sendable {
        /// Launch a new attempt, or follow the execution another processor started.
        enum Mode: Sendable, Equatable { case launch, adopt(QueueExecution) }

        var job: QueueJob
        var mode: Mode
        var attempt: Int { job.attempts }
    }

    /// Claims a job by compare-and-swap: a PENDING job starts its next attempt; a claimed job whose lease expired is
    /// taken over — its Cloud Run execution followed if this processor can, otherwise retried (or FAILED when it
    /// has used all its attempts).
    /// - Returns: The claim, or nil when the job is not (or no longer) claimable, or was settled here (FAILED).
    func claim(_ id: String) async throws -> Claim? {
        let now = queue.clock.now()
        var mode = Claim.Mode.launch
        var mine = false
        let result = try await queue.update(id, by: identity) { job in
            mine = false
            // A retried write whose first attempt did land: the job is already ours.
            if job.state == .launching, job.lease?.holder == identity, job.execution == nil,
                job.lease.map({ !$0.isExpired(at: now) }) == true
            {
                mine = true
                mode = .launch
                return false
            }
            switch job.state {
            case .pending:
                if let problem = launcher.problem(with: job) {
                    job.message = problem
                    job.move(to: .failed, by: identity, at: now, note: problem)
                    mode = .launch
                    return true
                }
                startAttempt(&job, now: now, note: nil)
                mode = .launch
                return true
            case .launching, .running:
                guard let lease = job.lease, lease.isExpired(at: now) else {
                    if job.lease == nil { break }
                    return false
                }
                let lost = "the lease of \(lease.holder) expired at \(QueueTime.format(lease.expiresAt)) without an outcome"
                if let execution = job.execution, execution.kind == launcher.kind, execution.kind == .cloudrun,
                    execution.attempt == job.attempts
                {
                    // The execution may still be running (or have finished): follow it instead of starting another.
                    job.lease = QueueLease(holder: identity, now: now, seconds: leaseSeconds)
                    job.lastError = "attempt \(job.attempts): \(lost); following \(execution.name)"
                    mode = .adopt(execution)
                    return true
                }
                guard job.attempts < job.maxAttempts else {
                    let text = "attempt \(job.attempts) of \(job.maxAttempts): \(lost)"
                    job.lastError = text
                    job.message = text
                    job.move(to: .failed, by: identity, at: now, note: text)
                    mode = .launch
                    return true
                }
                job.lastError = "attempt \(job.attempts): \(lost)"
                startAttempt(&job, now: now, note: "retry: " + lost)
                mode = .launch
                return true
            default:
                return false
            }
            // A claimed job without a lease (written by hand?): treat like an expired one.
            job.lastError = "attempt \(job.attempts): claimed without a lease"
            startAttempt(&job, now: now, note: "retry: claimed without a lease")
            mode = .launch
            return true
        }
        switch result {
        case .written(let job) where !job.state.isTerminal:
            log("\(job.id): claimed attempt \(job.attempts) of \(job.maxAttempts)")
            return Claim(job: job, mode: mode)
        case .written(let job):
            log("\(job.id): \(job.state.rawValue): \(job.message ?? "")")
            return nil
        case .unchanged(let job) where mine:
            return Claim(job: job, mode: mode)
        default:
            return nil
        }
    }

    /// Starts the next attempt: LAUNCHING under this processor's lease.
    private func startAttempt(_ job: inout QueueJob, now: Date, note: String?) {
        job.attempts += 1
        job.lease = QueueLease(holder: identity, now: now, seconds: leaseSeconds)
        job.execution = nil
        job.startedAt = nil
        let text = "attempt \(job.attempts) of \(job.maxAttempts)" + (note.map { "; " + $0 } ?? "")
        job.move(to: .launching, by: identity, at: now, note: text)
    }
}
