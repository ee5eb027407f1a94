import Foundation
import MMMCore

/// How an attempt ended, decided from the run folder's `status.json` (written last by the worker, so it is the
/// truth about the run) and, when that says nothing final, from how the worker ended.
public enum JobOutcome: Sendable, Equatable {
    /// The run folder says SUCCEEDED.
    case succeeded(String?)
    /// The run folder says SKIPPED, with the reason.
    case skipped(String)
    /// The job failed for good: the run folder says FAILED (the job itself is at fault: its data, its config), or it
    /// timed out.
    case failed(String)
    /// The worker ended without recording an outcome (killed, out of memory, lost machine): worth another attempt.
    case crashed(String)

    /// The outcome of an attempt.
    /// - Parameters:
    ///   - status: The run folder's status, if it could be read.
    ///   - exit: How the worker ended.
    public static func decide(status: RunStatus?, exit: WorkerExit) -> JobOutcome {
        switch status?.state {
        case .succeeded?: return .succeeded(nil)
        case .skipped?: return .skipped(status?.skipReason ?? "skipped")
        case .failed?:
            if case .timedOut = exit { return .failed(exit.text) }
            // Stopped by a signal from outside the queue (an administrator, the platform): not the job's fault.
            if status?.message == "cancelled" { return .crashed(exit.text + "; the run was stopped before it finished") }
            let step = status?.failedStep.map { " (step \($0))" } ?? ""
            return .failed((status?.message ?? "failed") + step)
        case .running?, nil:
            if case .timedOut = exit { return .failed(exit.text) }
            if case .execution(let state, _) = exit, state == "CANCELLED" {
                return .failed(exit.text + " (cancelled outside the queue; use `queue cancel` to cancel a job)")
            }
            if case .launchFailed = exit { return .crashed(exit.text) }
            return .crashed(exit.text + ", before the run folder recorded an outcome")
        }
    }

    /// Records the outcome on the job: the terminal state, or — for a crash with attempts left — PENDING again.
    /// - Parameters:
    ///   - job: The job (its current attempt is the one that ended).
    ///   - by: Who records it.
    ///   - now: When.
    public func apply(to job: inout QueueJob, by: String, at now: Date) {
        switch self {
        case .succeeded(let note):
            job.message = note
            job.move(to: .succeeded, by: by, at: now, note: note)
        case .skipped(let reason):
            job.message = reason
            job.move(to: .skipped, by: by, at: now, note: reason)
        case .failed(let message):
            job.message = message
            job.move(to: .failed, by: by, at: now, note: message)
        case .crashed(let message):
            let text = "attempt \(job.attempts) of \(job.maxAttempts): \(message)"
            job.lastError = text
            if job.attempts < job.maxAttempts {
                job.lease = nil
                job.move(to: .pending, by: by, at: now, note: text + "; trying again")
            } else {
                job.message = text
                job.move(to: .failed, by: by, at: now, note: text)
            }
        }
    }
}
