import Foundation
import HTTPTypes
import MMMCore
import MMMJobs

/// Accepts runs, queues them, trains each in a worker process (at most ``WorkerSettings/workers`` at once), relays
/// their progress, and makes sure every accepted run ends with a terminal `status.json` — written by the worker, or
/// by the server when the worker died.
actor RunManager {
    /// A run this server accepted.
    struct Entry {
        var id: String
        var state: String
        var submittedAt: Date
        var country: String?
        var startedAt: Date?
        var progress: TrainingProgress?
        var stagingDirectory: URL?
        var submission: RunSubmission?
        var lastLines: [String] = []
        let hub = RunEventHub()
    }

    let store: any RunStore
    let settings: WorkerSettings
    let uploads: URL
    private let metrics: ServeMetrics
    let log: @Sendable (String) -> Void
    var entries: [String: Entry] = [:]
    var pending: [String] = []
    var tasks: [String: Task<Void, Never>] = [:]
    private var acceptingRuns = true
    /// The distributed queue runs are submitted to (`--queue-root`); nil: this server's worker processes.
    let dispatch: QueueDispatch?

    init(
        store: any RunStore, settings: WorkerSettings, uploads: URL, metrics: ServeMetrics, dispatch: QueueDispatch? = nil,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.store = store
        self.dispatch = dispatch
        self.settings = settings
        self.uploads = uploads
        self.metrics = metrics
        self.log = log
    }

    /// A fresh staging folder for one submission's files (config and uploaded data).
    nonisolated func newStaging() throws -> (id: String, directory: URL) {
        let id = RunTimestamp.now().description + "-" + SecureRandomID.hex(6)
        let directory = uploads.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (id, directory)
    }

    /// Queues a validated run under `id` (its staging folder holds the files).
    /// - Returns: the run id.
    func submit(_ submission: RunSubmission, id: String, staging: URL) throws -> String {
        guard acceptingRuns else {
            throw APIError(.serviceUnavailable, "shutting_down", "the server is shutting down; submit the run again later")
        }
        var entry = Entry(id: id, state: "QUEUED", submittedAt: Date(), country: submission.config.country)
        entry.stagingDirectory = staging
        entry.submission = submission
        entries[id] = entry
        pending.append(id)
        entry.hub.send(.state(queuedStatus(entry)))
        startWorkers()
        updateMetrics()
        return id
    }

    /// The server's status of a run it accepted whose folder has no `status.json` yet (QUEUED, or just started).
    func pendingStatus(_ id: String) -> Data? {
        entries[id].map(queuedStatus)
    }

    /// The event hub of a run this server accepted.
    func hub(_ id: String) -> RunEventHub? { entries[id]?.hub }

    /// Runs this server accepted that have no folder yet (QUEUED), for listings.
    func queuedRuns() -> [(id: String, country: String?, submittedAt: Date)] {
        pending.compactMap { id in entries[id].map { ($0.id, $0.country, $0.submittedAt) } }
    }

    /// Stops taking runs, drops the queued ones and stops the running workers (SIGTERM, then SIGKILL after the
    /// grace period): each running run records FAILED `cancelled`. With a queue, the submitted runs are left to the
    /// queue (its leases), and only this server's watching stops.
    func shutdown() async {
        acceptingRuns = false
        for id in pending {
            if let staging = entries[id]?.stagingDirectory { try? FileManager.default.removeItem(at: staging) }
            entries[id]?.state = "CANCELLED"
            if let entry = entries[id] { entry.hub.send(.state(queuedStatus(entry, state: "CANCELLED")), final: true) }
        }
        pending.removeAll()
        let running = Array(tasks.values)
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    /// Waits until no run is queued or running (tests).
    func waitUntilIdle() async {
        while let task = tasks.values.first { await task.value }
    }

    func startWorkers() {
        if let dispatch {
            startQueued(dispatch)
            return
        }
        while tasks.count < settings.workers, !pending.isEmpty {
            let id = pending.removeFirst()
            guard var entry = entries[id], let submission = entry.submission, let staging = entry.stagingDirectory else { continue }
            entry.state = "RUNNING"
            entry.startedAt = Date()
            entries[id] = entry
            entry.hub.send(.state(queuedStatus(entry)))
            let configURL = staging.appendingPathComponent("job_config.json")
            let arguments = settings.trainArguments(runId: id, config: configURL, data: submission.data, backend: submission.backend)
            let hub = entry.hub
            let settings = self.settings
            tasks[id] = Task.detached {
                let status: Int32
                do {
                    status = try await ChildProcess.run(settings.executable, arguments, environment: settings.environment, grace: settings.grace) {
                        stream, line in
                        if let progress = TrainingProgress.parse(line) {
                            hub.send(.progress(progress))
                            Task { await self.record(id, progress: progress) }
                        } else if stream == .stderr, !line.trimmingCharacters(in: .whitespaces).isEmpty {
                            hub.send(.log(line))
                            Task { await self.record(id, line: line) }
                        }
                    }
                } catch is CancellationError {
                    status = 128 + 15
                } catch {
                    await self.finish(id, exitStatus: -1, launchError: "\(error)")
                    return
                }
                await self.finish(id, exitStatus: status, launchError: nil)
            }
        }
        updateMetrics()
    }

    private func record(_ id: String, progress: TrainingProgress) {
        entries[id]?.progress = progress
        updateMetrics()
    }

    private func record(_ id: String, line: String) {
        entries[id]?.lastLines.append(line)
        if (entries[id]?.lastLines.count ?? 0) > 50 { entries[id]?.lastLines.removeFirst() }
    }

    /// After the worker: the final `status.json` (the worker's, or FAILED written here), the final event, the next run.
    func finish(_ id: String, exitStatus: Int32, launchError: String?, queueMessage: String? = nil) async {
        tasks[id] = nil
        let entry = entries[id]
        var final = try? await store.openRun(id: id)?.read("status.json")
        let recorded = final.flatMap { try? StrictJSON.decode(RunStatus.self, from: $0) }
        if recorded?.state.isTerminal != true {
            let message = queueMessage ?? launchError.map { "the worker could not be started: \($0)" }
                ?? WorkerExit.describe(status: exitStatus, lastLine: entry?.lastLines.last)
            log("run \(id): \(message)")
            final = await writeFailure(id, message: message, previous: recorded, startedAt: entry?.startedAt ?? Date())
        }
        let state = final.flatMap { try? StrictJSON.decode(RunStatus.self, from: $0) }?.state.rawValue ?? "FAILED"
        entries[id]?.state = state
        entries[id]?.submission = nil
        if let staging = entry?.stagingDirectory { try? FileManager.default.removeItem(at: staging) }
        entry?.hub.send(.state(final ?? Data("{}".utf8)), final: true)
        startWorkers()
        updateMetrics()
    }

    private func writeFailure(_ id: String, message: String, previous: RunStatus?, startedAt: Date) async -> Data? {
        let now = Date()
        let status = (previous ?? RunStatus.running(runId: id, at: startedAt, engine: nil))
            .finished(.failed, at: now, failedStep: "worker", message: message)
        do {
            let folder: any RunFolder
            if let existing = try await store.openRun(id: id) {
                folder = existing
            } else {
                folder = try await store.createRun(id: id, allowSuffix: false)
            }
            let data = try StrictJSON.encode(status)
            try await folder.write(data, to: "status.json")
            return data
        } catch {
            log("run \(id): could not record the failure: \(error)")
            return try? StrictJSON.encode(status)
        }
    }

    private func queuedStatus(_ entry: Entry) -> Data { queuedStatus(entry, state: entry.state) }

    private func queuedStatus(_ entry: Entry, state: String) -> Data {
        var object: [String: Any] = [
            "schema_version": 1, "state": state, "run_id": entry.id, "submitted_at": ISOTime.format(entry.submittedAt),
        ]
        if let started = entry.startedAt { object["started_at"] = ISOTime.format(started) }
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data()) + Data("\n".utf8)
    }

    func updateMetrics() {
        var counts: [String: Int] = [:]
        var rate = 0.0
        let now = Date()
        for entry in entries.values {
            counts[entry.state, default: 0] += 1
            if entry.state == "RUNNING", let started = entry.startedAt, let progress = entry.progress {
                let seconds = now.timeIntervalSince(started)
                if seconds > 0 { rate += Double(progress.done) / seconds }
            }
        }
        metrics.runs(byState: counts, queued: pending.count, running: tasks.count, candidatesPerSecond: rate)
    }
}

/// Random hex for ids.
enum SecureRandomID {
    static func hex(_ bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
