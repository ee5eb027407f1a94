import Foundation
import MMMCloud
import MMMCore
import MMMJobs
import MMMQueue

/// With `--queue-root`, runs go to the distributed queue (issue 14) instead of this server's worker processes: the
/// queue's processor and its workers (local processes or Cloud Run executions) train them and write the run folders
/// into the server's store, where the server reads them. The server only submits and watches, so it can stop at any
/// time: a submitted run carries on under the queue's leases.
struct QueueDispatch: Sendable {
    /// The queue.
    let queue: JobQueue
    /// The store location the workers write run folders into (`gs://…` or an absolute folder).
    let store: String
    /// Seconds between looks at a submitted run.
    let pollSeconds: Double

    /// Opens queue `name` under `root`.
    /// - Throws: ``QueueUsageError`` for a bad root or name; Cloud Storage errors for a `gs://` root.
    static func open(root: String, name: String, store: String, pollSeconds: Double, cloud: GoogleCloudServices) async throws
        -> QueueDispatch
    {
        let location = try QueueRoot(root)
        let queueStore = try await location.store(queue: name, storage: { try await cloud.storage() })
        return QueueDispatch(queue: JobQueue(store: queueStore, name: name), store: store, pollSeconds: pollSeconds)
    }

    /// Puts the run's data (an upload) and config next to the queue and submits job `id`, whose run folder is
    /// `<store>/<id>`.
    /// - Throws: when the queue cannot be written.
    func submit(id: String, submission: RunSubmission) async throws {
        let data: String
        switch submission.data {
        case .uri(let uri):
            data = uri
        case .uploaded(let file):
            // Workers may run on other machines: the upload travels with the queue, not in this server's folder.
            data = try await queue.store.putFile("inputs/\(id)/\(file.lastPathComponent)", try Data(contentsOf: file))
        }
        var config = submission.config
        config.outputTimestamp = nil  // the run folder is named by the server's run id
        config.outputLocation = nil
        var queueSubmission = QueueSubmission(queue: queue, by: "mmm-serve")
        queueSubmission.backend = submission.backend.name.rawValue
        queueSubmission.bayes = submission.backend.bayes
        let result = try await queueSubmission.submit(config: config, id: id, data: data, output: store)
        guard result.submitted == [id] else {
            throw QueueUsageError("the queue already holds a job \(id)")
        }
    }

    /// The queue job's state and its last message, nil when the job is not (or no longer) in the queue.
    func job(_ id: String) async throws -> (state: QueueJobState, message: String?)? {
        guard let (job, _) = try await queue.job(id) else { return nil }
        return (job.state, job.lastError ?? job.message)
    }
}
