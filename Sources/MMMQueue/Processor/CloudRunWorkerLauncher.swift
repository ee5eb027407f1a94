import Foundation
import MMMCloud
import MMMCore

/// Runs each attempt as an execution of a Cloud Run job whose container runs `mmm-cli worker`: the job's reference
/// and its own config path travel as environment overrides (`MMM_QUEUE_*`, `JOB_CONFIG_GCS_PATH`, a unique
/// `RUN_ID`), one task per execution.
///
/// `run` is not idempotent on Cloud Run, so after an ambiguous failure the execution is looked up by its `RUN_ID`
/// before anything else; an execution is cancelled when its job is cancelled or runs past the job timeout. A
/// processor that stops (Ctrl-C) leaves its executions running: their workers renew the leases and record the
/// outcomes themselves, and another processor can follow them.
public struct CloudRunWorkerLauncher: WorkerLauncher {
    /// The Cloud Run Admin client.
    public var client: CloudRunClient
    /// The Cloud Run job that runs `mmm-cli worker`.
    public var job: CloudRunJobName
    /// The container to override (nil for single-container jobs).
    public var containerName: String?
    /// Seconds past the job timeout before the processor cancels an execution itself (Cloud Run's own task timeout
    /// normally ends it first).
    public var timeoutGrace: Double = 120
    /// Progress lines.
    public var log: @Sendable (String) -> Void

    /// A launcher for `job`.
    public init(client: CloudRunClient, job: CloudRunJobName, containerName: String? = nil,
                log: @escaping @Sendable (String) -> Void = { _ in })
    {
        self.client = client
        self.job = job
        self.containerName = containerName
        self.log = log
    }

    public var kind: QueueExecution.Kind { .cloudrun }

    public var keepsRunningWhenInterrupted: Bool { true }

    public func problem(with job: QueueJob) -> String? {
        let paths = [("config", job.spec.config), ("result", job.spec.result)] + (job.spec.data.map { [("data", $0)] } ?? [])
        for (field, path) in paths where !QueueFiles.isGCS(path) {
            return "a Cloud Run worker cannot read the local \(field) path \(path); submit with gs:// --data and --output"
        }
        return nil
    }

    public func run(
        _ job: QueueJob, attempt: Int, reference: QueueJobReference, timeout: Double?,
        started: @escaping @Sendable (QueueExecution) async -> Void
    ) async -> WorkerExit {
        let runId = "\(job.id)-a\(attempt)"
        var variables = reference.environment
        variables["JOB_CONFIG_GCS_PATH"] = job.spec.config
        variables["RUN_ID"] = runId
        let overrides = CloudRunOverrides(
            containerName: containerName,
            environment: variables.sorted { $0.key < $1.key }.map { .init(name: $0.key, value: $0.value) }, taskCount: 1,
            timeoutSeconds: timeout.map { Int($0.rounded(.up)) })
        let name: String
        do {
            guard let execution = try await client.run(self.job, overrides: overrides).execution else {
                return .launchFailed("Cloud Run did not name the new execution of \(self.job)")
            }
            name = execution.name
        } catch {
            // The execution may have started anyway: look for it before giving up (a retry would run it twice).
            guard let found = try? await client.findExecution(of: self.job, environmentName: "RUN_ID", value: runId) else {
                return .launchFailed("\(error)")
            }
            name = found.name
        }
        await started(QueueExecution(kind: .cloudrun, name: name, attempt: attempt))
        return await follow(name, timeout: timeout)
    }

    public func adopt(_ execution: QueueExecution, timeout: Double?) async -> WorkerExit? {
        do {
            _ = try await client.execution(execution.name)
        } catch {
            return nil
        }
        return await follow(execution.name, timeout: timeout)
    }

    /// Polls the execution until it ends, the timeout (plus grace) passes, or the task is cancelled.
    func follow(_ name: String, timeout: Double?) async -> WorkerExit {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + .seconds($0 + timeoutGrace) }
        var failures = 0
        while true {
            let slice = deadline.map { max(Duration.zero, $0 - clock.now) } ?? .seconds(3600)
            do {
                let execution = try await client.waitForExecution(name, timeout: slice)
                failures = 0
                if execution.state.isTerminal { return exit(of: execution, timeout: timeout) }
            } catch is CancellationError {
                await cancel(name)
                return .stopped
            } catch {
                // Reads are retried inside the client; keep following through longer outages, within bounds.
                failures += 1
                log("\(name): cannot read the execution (\(error))")
                if failures >= 20 { return .launchFailed("lost track of \(name): \(error)") }
                try? await Task.sleep(nanoseconds: 5_000_000_000)
                if Task.isCancelled {
                    await cancel(name)
                    return .stopped
                }
            }
            if let deadline, clock.now >= deadline {
                await cancel(name)
                return .timedOut(seconds: timeout ?? 0)
            }
        }
    }

    /// How a finished execution ended; a failure at the task timeout is a timeout.
    private func exit(of execution: CloudRunExecution, timeout: Double?) -> WorkerExit {
        if execution.state == .failed, let timeout, let start = execution.startTime, let end = execution.completionTime,
            end.timeIntervalSince(start) >= timeout - 1
        {
            return .timedOut(seconds: timeout)
        }
        return .execution(state: execution.state.rawValue.uppercased(), message: execution.completionMessage)
    }

    /// Cancels an execution, outside any cancelled task (the request must go out).
    private func cancel(_ name: String) async {
        let client = self.client
        let log = self.log
        await Task {
            do {
                try await client.cancel(execution: name)
            } catch {
                log("\(name): could not cancel (\(error))")
            }
        }.value
    }
}
