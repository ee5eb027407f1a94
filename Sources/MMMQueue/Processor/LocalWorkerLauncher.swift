import Foundation
import MMMCore
import MMMJobs

/// Runs each attempt as a worker process on this machine: `<executable> worker --queue-root R --queue Q --job ID
/// --attempt N --exit-with-parent`.
///
/// The worker's stdin is a pipe this process holds, and `--exit-with-parent` makes the worker stop when it closes:
/// a processor that dies (even by SIGKILL) takes its workers with it, so no job trains unobserved, and the jobs'
/// leases expire and another processor retries them. Workers are started from a thread with a clean signal mask
/// (``ChildProcess``), so they can be stopped with SIGTERM.
public struct LocalWorkerLauncher: WorkerLauncher {
    /// The program (normally this `mmm-cli`).
    public var executable: String
    /// Arguments before the job's (normally `["worker"]`).
    public var arguments: [String]
    /// The workers' environment.
    public var environment: [String: String]
    /// Each line the worker prints, prefixed with the job id.
    public var log: @Sendable (String) -> Void

    /// A launcher.
    public init(
        executable: String, arguments: [String] = ["worker"], environment: [String: String],
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.log = log
    }

    public var kind: QueueExecution.Kind { .local }

    public var keepsRunningWhenInterrupted: Bool { false }

    public func problem(with job: QueueJob) -> String? { nil }

    public func run(
        _ job: QueueJob, attempt: Int, reference: QueueJobReference, timeout: Double?,
        started: @escaping @Sendable (QueueExecution) async -> Void
    ) async -> WorkerExit {
        let arguments = self.arguments + [
            "--queue-root", reference.root, "--queue", reference.queue, "--job", reference.id, "--attempt", String(attempt),
            "--exit-with-parent",
        ]
        let host = ProcessInfo.processInfo.hostName
        let (executable, environment, log) = (self.executable, self.environment, self.log)
        let timedOut = Locked(false)
        let process = Task { () throws -> Int32 in
            try await ChildProcess.run(
                executable, arguments, environment: environment, stdinPipe: true,
                onStart: { pid in
                    Task { await started(QueueExecution(kind: .local, name: "pid \(pid) on \(host)", attempt: attempt)) }
                },
                onLine: { _, line in log("[\(job.id)] " + line) })
        }
        let timer = Task {
            guard let timeout else { return }
            try await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
            timedOut.withLock { $0 = true }
            process.cancel()
        }
        defer { timer.cancel() }
        let result = await withTaskCancellationHandler { await process.result } onCancel: { process.cancel() }
        switch result {
        case .success(let code): return .exited(code: code)
        case .failure(is CancellationError):
            return timedOut.withLock { $0 } ? .timedOut(seconds: timeout ?? 0) : .stopped
        case .failure(let error): return .launchFailed("\(executable): \(error)")
        }
    }

    public func adopt(_ execution: QueueExecution, timeout: Double?) async -> WorkerExit? { nil }
}
