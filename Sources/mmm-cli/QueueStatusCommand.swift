import ArgumentParser
import Foundation
import MMMCore
import MMMQueue

/// `mmm-cli queue status`: every job's state, attempts and message.
struct QueueStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the jobs of a queue (--json: every job object in full).")

    @OptionGroup var location: QueueLocationOptions
    @Option(help: "Only this job, with its history.")
    var id: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let (queue, _) = try await location.open(QueueCLI.cloud(console))
        var jobs = try await queue.jobs()
        if let id {
            jobs = jobs.filter { $0.id == id }
            guard !jobs.isEmpty else { throw UsageError("no job '\(id)' in \(queue.store.location)") }
        }
        var counts: [String: Int] = [:]
        for job in jobs { counts[job.state.rawValue, default: 0] += 1 }
        if console.json {
            try console.resultJSON(StatusJSON(queue: queue.store.location, counts: counts, jobs: jobs))
            return
        }
        var lines = ["\(queue.store.location): \(jobs.count) job\(jobs.count == 1 ? "" : "s")"
            + (counts.isEmpty ? "" : " — " + counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))]
        let now = Date()
        for job in jobs {
            var line = "  \(job.id)  \(job.state.rawValue)  attempt \(job.attempts)/\(job.maxAttempts)"
            if let lease = job.lease, job.state.isClaimed {
                let left = lease.expiresAt.timeIntervalSince(now)
                line += left > 0 ? "  lease \(Int(left)) s (\(lease.holder))" : "  lease EXPIRED (\(lease.holder))"
            }
            if let message = job.message ?? job.lastError { line += "  — \(message)" }
            lines.append(line)
            if id != nil {
                lines.append("    config \(job.spec.config)")
                lines.append("    data   \(job.spec.data ?? "(the config's data_path)")")
                lines.append("    result \(job.spec.result)")
                if let execution = job.execution { lines.append("    execution \(execution.name) (attempt \(execution.attempt))") }
                for event in job.events {
                    lines.append("    \(ISOTime.format(event.at))  \(event.from?.rawValue ?? "-") → \(event.to.rawValue)  \(event.by)"
                        + (event.note.map { "  \($0)" } ?? ""))
                }
            }
        }
        console.result(lines.joined(separator: "\n"))
    }
}

/// `queue status --json`.
struct StatusJSON: Encodable {
    var queue: String
    var counts: [String: Int]
    var jobs: [QueueJob]
}
