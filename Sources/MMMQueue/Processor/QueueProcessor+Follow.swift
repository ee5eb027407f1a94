import Foundation
import MMMCore
import MMMJobs

extension QueueProcessor {
    /// Runs (or adopts) the claimed attempt to its end while renewing the lease, then records the outcome.
    /// Store failures while following are logged, not thrown: the lease then lapses and the job is recovered by
    /// whichever processor claims it next.
    /// - Returns: The terminal (or PENDING) state this processor recorded, or nil when it recorded none.
    func follow(_ claim: Claim, report: Locked<Report>) async -> QueueJobState? {
        let id = claim.job.id
        let attempt = claim.attempt
        let reference = QueueJobReference(root: root, queue: queue.name, id: id, attempt: attempt)
        let ended = QueueSignal()
        let worker = Task { () -> WorkerExit in
            defer { ended.fire() }
            switch claim.mode {
            case .launch:
                report.withLock { $0.launched.append(id) }
                log("\(id): launching attempt \(attempt) (\(launcher.kind.rawValue))")
                return await launcher.run(claim.job, attempt: attempt, reference: reference, timeout: jobTimeout) { execution in
                    await self.markRunning(id, attempt: attempt, execution: execution)
                }
            case .adopt(let execution):
                report.withLock { $0.adopted.append(id) }
                log("\(id): following \(execution.name), started by another processor")
                return await launcher.adopt(execution, timeout: jobTimeout) ?? .launchFailed("\(execution.name) cannot be followed")
            }
        }
        // Renew the lease every third of its length until the worker ends; stop the worker when the job was
        // cancelled or taken over (this attempt is no longer the job's current one).
        var superseded = false
        await withTaskCancellationHandler {
            while !ended.hasFired {
                if await ended.wait(seconds: leaseSeconds / 3) { break }
                if Task.isCancelled { break }
                if await !renew(id, attempt: attempt) {
                    superseded = true
                    worker.cancel()
                    break
                }
            }
        } onCancel: { [launcher] in
            if !launcher.keepsRunningWhenInterrupted { worker.cancel() }
        }
        if Task.isCancelled, launcher.keepsRunningWhenInterrupted, !ended.hasFired {
            // Interrupted: leave the execution running (its worker keeps the lease and records the outcome); the
            // polling task ends with the process, or when the execution does.
            log("\(id): left running (\(launcher.kind.rawValue)); its worker records the outcome")
            return nil
        }
        let exit = await worker.value
        if superseded || exit == .stopped {
            return await releaseIfInterrupted(id, attempt: attempt, exit: exit)
        }
        return await record(id, attempt: attempt, exit: exit)
    }

    /// RUNNING with where the worker runs (a worker that already said RUNNING keeps its start time).
    func markRunning(_ id: String, attempt: Int, execution: QueueExecution) async {
        let now = queue.clock.now()
        do {
            try await queue.update(id, by: identity) { job in
                guard job.isCurrent(attempt: attempt) else { return false }
                job.execution = execution
                job.lease = QueueLease(holder: identity, now: now, seconds: leaseSeconds)
                if job.state == .launching { job.move(to: .running, by: identity, at: now, note: "started \(execution.name)") }
                return true
            }
            log("\(id): running \(execution.name)")
        } catch {
            log("\(id): could not record the launch (\(error)); the lease renewal will try again")
        }
    }

    /// Extends the lease.
    /// - Returns: false when the attempt is no longer the job's current one (cancelled, ended, taken over).
    func renew(_ id: String, attempt: Int) async -> Bool {
        let now = queue.clock.now()
        do {
            let result = try await queue.update(id, by: identity) { job in
                guard job.isCurrent(attempt: attempt) else { return false }
                job.lease = QueueLease(holder: identity, now: now, seconds: leaseSeconds)
                return true
            }
            guard let job = result.job, job.isCurrent(attempt: attempt) else {
                log("\(id): attempt \(attempt) is no longer current (\(result.job?.state.rawValue ?? "deleted")); stopping it")
                return false
            }
            return true
        } catch {
            // Keep the worker going; the next renewal tries again (the lease is three renewals long).
            log("\(id): could not renew the lease (\(error))")
            return true
        }
    }

    /// Records the outcome of an attempt that ended, from the run folder's `status.json` and how it ended.
    func record(_ id: String, attempt: Int, exit: WorkerExit) async -> QueueJobState? {
        // Outside any cancelled task: the outcome must be written even when the processor is being stopped.
        let task = Task { () -> QueueJobState? in
            do {
                guard let current = try await queue.job(id)?.job, current.isCurrent(attempt: attempt) else {
                    return nil  // the worker recorded it, or it was cancelled
                }
                let status = await readStatus(current.spec.result)
                let outcome = JobOutcome.decide(status: status, exit: exit)
                let now = queue.clock.now()
                let result = try await queue.update(id, by: identity) { job in
                    guard job.isCurrent(attempt: attempt) else { return false }
                    outcome.apply(to: &job, by: identity, at: now)
                    return true
                }
                guard case .written(let job) = result else { return nil }
                log("\(id): \(job.state.rawValue)" + ((job.message ?? job.lastError).map { ": " + $0 } ?? ""))
                return job.state
            } catch {
                log("\(id): could not record the outcome (\(error)); the job is recovered when its lease expires")
                return nil
            }
        }
        return await task.value
    }

    /// After the worker was stopped: a job that is still this attempt's (the processor was interrupted) goes back to
    /// PENDING — the interrupted attempt does not count against the job's attempts.
    func releaseIfInterrupted(_ id: String, attempt: Int, exit: WorkerExit) async -> QueueJobState? {
        let task = Task { () -> QueueJobState? in
            let now = queue.clock.now()
            let note = "attempt \(attempt) interrupted (the processor stopped); it does not count"
            let result = try? await queue.update(id, by: identity) { job in
                guard job.isCurrent(attempt: attempt) else { return false }
                job.maxAttempts += 1
                job.lease = nil
                job.move(to: .pending, by: identity, at: now, note: note)
                return true
            }
            if case .written? = result {
                log("\(id): released (\(note))")
                return .pending
            }
            return nil
        }
        return await task.value
    }

    /// The run folder's status, or nil when it is missing or unreadable.
    func readStatus(_ result: String) async -> RunStatus? {
        let location = QueueFiles.join(result, "status.json")
        guard let data = try? await files.readIfExists(location) else { return nil }
        return try? StrictJSON.decode(RunStatus.self, from: data, file: location)
    }
}
