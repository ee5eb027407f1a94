import ArgumentParser

/// `mmm-cli queue`: a job queue on Cloud Storage or in a local folder, worked through by processors.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Submit training jobs to a queue (gs:// or a folder), process them locally or on Cloud Run, follow them.",
        discussion: """
            One object per job (<root>/<queue>/jobs/<id>.json), every update a compare-and-swap, a lease on every \
            claimed job: many processors can work on one queue, a crashed one's jobs are retried after their lease \
            expires. See docs/queue.md.
            """,
        subcommands: [
            QueueSubmitCommand.self, QueueStatusCommand.self, QueueProcessCommand.self, QueueCancelCommand.self,
            QueueCleanupCommand.self,
        ])
}
