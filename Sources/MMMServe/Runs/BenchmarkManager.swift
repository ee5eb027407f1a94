import Foundation
import HTTPTypes
import MMMCore
import MMMJobs

/// Benchmarks submitted through the API: validated and planned here (which gives their id), trained by a worker
/// process (`mmm-cli benchmark run`, then `benchmark analyze`), one benchmark at a time, into local folders.
actor BenchmarkManager {
    struct Entry {
        var id: String
        var state: String
        var submittedAt: Date
        var variants: Int
        var message: String?
        var lastLines: [String] = []
    }

    /// A validated benchmark submission.
    struct Submission: Sendable {
        var plan: BenchmarkPlan
        var configFile: URL
        var baseFile: URL
        var data: RunSubmission.DataSource
        var mode: BenchmarkMode
        var staging: URL
    }

    let root: URL
    private let settings: WorkerSettings
    private let log: @Sendable (String) -> Void
    private var entries: [String: Entry] = [:]
    private var queue: [Submission] = []
    private var current: Task<Void, Never>?

    init(root: URL, settings: WorkerSettings, log: @escaping @Sendable (String) -> Void) {
        self.root = root
        self.settings = settings
        self.log = log
    }

    /// Queues a benchmark.
    /// - Throws: ``APIError`` 409 when the same plan is already queued or running.
    func submit(_ submission: Submission) throws -> String {
        let id = submission.plan.benchmarkId
        if let existing = entries[id], ["QUEUED", "RUNNING"].contains(existing.state) {
            throw APIError(.conflict, "conflict", "benchmark \(id) is already \(existing.state.lowercased())")
        }
        entries[id] = Entry(id: id, state: "QUEUED", submittedAt: Date(), variants: submission.plan.variants.count)
        queue.append(submission)
        startNext()
        return id
    }

    /// What the server knows of a benchmark it accepted.
    func entry(_ id: String) -> Entry? { entries[id] }

    /// Ids of the benchmark folders (finished or not) and the queued ones.
    func ids() -> [String] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return Array(Set(folders.filter(PathSegment.isSafe) + entries.keys)).sorted()
    }

    /// Stops the running benchmark and drops the queued ones.
    func shutdown() async {
        queue.removeAll()
        current?.cancel()
        await current?.value
    }

    /// Waits until nothing is queued or running (tests).
    func waitUntilIdle() async {
        while let task = current { await task.value }
    }

    private func startNext() {
        guard current == nil, !queue.isEmpty else { return }
        let submission = queue.removeFirst()
        let id = submission.plan.benchmarkId
        entries[id]?.state = "RUNNING"
        let settings = self.settings
        let root = self.root
        current = Task.detached {
            var arguments = [
                "benchmark", "run", "--config", submission.configFile.path, "--base", submission.baseFile.path, "--output", root.path,
                "--parallel", "1", "--threads", String(settings.threads),
            ]
            switch submission.data {
            case .uploaded(let url): arguments += ["--data", url.path]
            case .uri(let uri): arguments += ["--data", uri]
            }
            switch submission.mode {
            case .testRun: arguments.append("--test-run")
            case .testRunAll: arguments.append("--test-run-all")
            case .fullRun: arguments.append("--full-run")
            case .configured: break
            }
            var status = await Self.run(settings, arguments) { line in Task { await self.record(id, line) } }
            if status == 0 || status == 1 {
                // Exit 1 = some variant failed; the analysis still covers the others.
                let analysis = await Self.run(settings, ["benchmark", "analyze", root.appendingPathComponent(id).path]) { line in
                    Task { await self.record(id, line) }
                }
                if analysis != 0 { status = analysis }
            }
            try? FileManager.default.removeItem(at: submission.staging)
            await self.finish(id, status: status)
        }
    }

    private static func run(_ settings: WorkerSettings, _ arguments: [String], onLine: @escaping @Sendable (String) -> Void) async
        -> Int32
    {
        do {
            return try await ChildProcess.run(settings.executable, arguments, environment: settings.environment, grace: settings.grace) {
                stream, line in
                if stream == .stderr, !line.isEmpty { onLine(line) }
            }
        } catch {
            return 128 + 15
        }
    }

    private func record(_ id: String, _ line: String) {
        entries[id]?.lastLines.append(line)
        if (entries[id]?.lastLines.count ?? 0) > 50 { entries[id]?.lastLines.removeFirst() }
    }

    private func finish(_ id: String, status: Int32) {
        current = nil
        entries[id]?.state = status == 0 ? "SUCCEEDED" : (status == 1 ? "PARTIAL" : "FAILED")
        if status > 1 {
            let message = WorkerExit.describe(status: status, lastLine: entries[id]?.lastLines.last)
            entries[id]?.message = message
            log("benchmark \(id): \(message)")
        }
        startNext()
    }
}
