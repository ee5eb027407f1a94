import Foundation
import MMMJobs
import MMMQueue

/// Runs the real worker (``QueueWorkerSession`` around ``WorkerRun``) in this process, as `mmm-cli worker` would.
struct InProcessWorkerLauncher: WorkerLauncher {
    let cloud: GoogleCloudServices
    let makeQueue: @Sendable () async throws -> JobQueue

    var kind: QueueExecution.Kind { .local }
    var keepsRunningWhenInterrupted: Bool { false }
    func problem(with job: QueueJob) -> String? { nil }

    func run(
        _ job: QueueJob, attempt: Int, reference: QueueJobReference, timeout: Double?,
        started: @escaping @Sendable (QueueExecution) async -> Void
    ) async -> WorkerExit {
        await started(QueueExecution(kind: .local, name: "in-process \(job.id)", attempt: attempt))
        do {
            let session = QueueWorkerSession(queue: try await makeQueue(), reference: reference, identity: "worker in-process")
            let cloud = self.cloud
            let outcome = try await session.run { job in
                try await WorkerRun(spec: job.spec, cloud: cloud).run(diagnostics: DiscardingDiagnosticSink())
            }
            if case .failed = outcome { return .exited(code: 1) }
            return .exited(code: 0)
        } catch is CancellationError {
            return .stopped
        } catch {
            return .exited(code: 1)
        }
    }

    func adopt(_ execution: QueueExecution, timeout: Double?) async -> WorkerExit? { nil }
}
