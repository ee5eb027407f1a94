import Foundation
import MMMCore
import MMMQueue

/// A launcher whose "worker" runs in this process: it counts every launch (the test's independent record of how
/// often each job ran), then behaves as told — runs the real worker session (RUNNING, lease renewals, the outcome
/// written by the worker) around a short piece of fake work that writes the run folder's status.json, crashes, or
/// hangs until stopped.
final class FakeWorkerLauncher: WorkerLauncher {
    enum Behaviour: Sendable { case succeed, fail, crash, hang }

    let makeQueue: @Sendable () async throws -> JobQueue
    let workMillis: UInt64
    let behaviour: @Sendable (_ id: String, _ attempt: Int) -> Behaviour
    private let counts = Locked([String: Int]())
    private let running = Locked(0)
    private let peak = Locked(0)

    init(makeQueue: @escaping @Sendable () async throws -> JobQueue, workMillis: UInt64 = 20,
         behaviour: @escaping @Sendable (String, Int) -> Behaviour = { _, _ in .succeed })
    {
        self.makeQueue = makeQueue
        self.workMillis = workMillis
        self.behaviour = behaviour
    }

    var kind: QueueExecution.Kind { .local }
    var keepsRunningWhenInterrupted: Bool { false }
    var launches: [String: Int] { counts.withLock { $0 } }
    var peakConcurrency: Int { peak.withLock { $0 } }

    func problem(with job: QueueJob) -> String? { nil }

    func run(
        _ job: QueueJob, attempt: Int, reference: QueueJobReference, timeout: Double?,
        started: @escaping @Sendable (QueueExecution) async -> Void
    ) async -> WorkerExit {
        counts.withLock { $0[job.id, default: 0] += 1 }
        let now = running.withLock { r -> Int in
            r += 1
            return r
        }
        peak.withLock { $0 = max($0, now) }
        defer { running.withLock { $0 -= 1 } }
        await started(QueueExecution(kind: .local, name: "fake \(job.id)", attempt: attempt))
        switch behaviour(job.id, attempt) {
        case .crash:
            try? await Task.sleep(nanoseconds: workMillis * 1_000_000)
            return .exited(code: 137)
        case .hang:
            while !Task.isCancelled { try? await Task.sleep(nanoseconds: 10_000_000) }
            return .stopped
        case .succeed, .fail:
            let fail = behaviour(job.id, attempt) == .fail
            do {
                let session = QueueWorkerSession(queue: try await makeQueue(), reference: reference, identity: "worker fake")
                let millis = workMillis
                _ = try await session.run { job in
                    try await Task.sleep(nanoseconds: millis * 1_000_000)
                    try Self.writeStatus(job, failed: fail)
                    return fail ? .failed("fake failure (step train)") : .succeeded(nil)
                }
                return .exited(code: fail ? 1 : 0)
            } catch is CancellationError {
                return .stopped
            } catch {
                return .exited(code: 1)
            }
        }
    }

    func adopt(_ execution: QueueExecution, timeout: Double?) async -> WorkerExit? { nil }

    /// The run folder's final status.json, as a worker writes it last.
    static func writeStatus(_ job: QueueJob, failed: Bool) throws {
        let now = Date()
        let running = RunStatus.running(runId: job.spec.runId, at: now)
        let status = failed ? running.finished(.failed, at: now, failedStep: "train", message: "fake failure")
            : running.finished(.succeeded, at: now)
        try AtomicFile.write(try StrictJSON.encode(status), to: job.spec.result + "/status.json")
    }
}
