import ArgumentParser
import Foundation
import MMMCore
import MMMQueue

/// `mmm-cli queue cancel ID`.
struct QueueCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a job that has not ended; a running attempt is stopped by its processor and worker.")

    @OptionGroup var location: QueueLocationOptions
    @Argument(help: "The job id.")
    var id: String
    @Option(help: "Why (recorded in the job).")
    var reason = "cancelled with `mmm-cli queue cancel`"
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let (queue, _) = try await location.open(QueueCLI.cloud(console))
        switch try await queue.cancel(id, by: QueueIdentity.make("cancel"), reason: reason) {
        case .missing: throw UsageError("no job '\(id)' in \(queue.store.location)")
        case .unchanged(let job): console.result("\(id) had already ended: \(job.state.rawValue)")
        case .written(let job): console.result("\(id): \(job.state.rawValue) — \(job.message ?? reason)")
        }
    }
}

/// `mmm-cli queue cleanup --older-than DURATION`.
struct QueueCleanupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: "Delete jobs that ended (SUCCEEDED, FAILED, CANCELLED, SKIPPED) longer ago than --older-than, with their config files.",
        discussion: "Run folders are never touched: they are the results.")

    @OptionGroup var location: QueueLocationOptions
    @Option(help: "Age, e.g. 30d, 12h, 45m, 90s.", transform: QueueCLI.duration)
    var olderThan: TimeInterval
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let (queue, _) = try await location.open(QueueCLI.cloud(console))
        let deleted = try await queue.cleanup(olderThan: olderThan)
        if console.json {
            try console.resultJSON(["deleted": deleted])
        } else {
            console.result((["deleted \(deleted.count) job\(deleted.count == 1 ? "" : "s")"] + deleted.map { "  \($0)" }).joined(separator: "\n"))
        }
    }
}
