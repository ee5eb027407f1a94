import Foundation
import MMMCloud
import MMMCore
import MMMJobs
import MMMQueue
import Testing

/// Submission → processor → the real worker, everything on Cloud Storage (fake-gcs-server): the queue, the job's own
/// configuration, the data, the run folders, and a benchmark plan whose results `benchmark collect` reads.
@Suite(.timeLimit(.minutes(8)))
struct QueueEndToEndTests {
    @Test func aSubmittedConfigAndAPlanRunToTheirRunFoldersOnGCS() async throws {
        guard let gcs = try await QueueGCS.get(), let fixture = try await QueueFixture.make(.gcs, name: "e2e") else { return }
        let bucket = String(fixture.root.dropFirst(5).split(separator: "/")[0])
        let cloud = gcs.services
        let files = QueueFiles(cloud: cloud)
        try await files.write(try Data(contentsOf: URL(fileURLWithPath: Demo.data)), to: "gs://\(bucket)/data/demo.csv",
                              contentType: "text/csv")
        let queue = try await fixture.queue()
        let submission = QueueSubmission(queue: queue, by: "test")
        let single = try await submission.submit(config: try Demo.config(), id: "single", data: "gs://\(bucket)/data/demo.csv",
                                                 output: "gs://\(bucket)/runs")
        #expect(single == QueueSubmission.Result(submitted: ["single"], existing: []))
        let again = try await submission.submit(config: try Demo.config(), id: "single", data: "gs://\(bucket)/data/demo.csv",
                                                output: "gs://\(bucket)/runs")
        #expect(again == QueueSubmission.Result(submitted: [], existing: ["single"]), "submitting again changes nothing")
        let job = try #require(try await queue.job("single")?.job)
        #expect(job.spec.config == "gs://\(bucket)/queues/e2e/configs/single.json")
        #expect(job.spec.result == "gs://\(bucket)/runs/single")

        let processor = QueueProcessor(
            queue: queue, launcher: InProcessWorkerLauncher(cloud: cloud, makeQueue: { try await fixture.queue() }),
            identity: "processor test", root: fixture.root, files: files, maxParallel: 2, leaseSeconds: 30, pollSeconds: 0.1)
        let report = try await processor.run(loop: true)
        #expect(report.counts == [.succeeded: 1])
        let done = try #require(try await queue.job("single")?.job)
        #expect(done.state == .succeeded && done.events.last?.by == "worker in-process")
        let status = try StrictJSON.decode(RunStatus.self, from: try await files.read("gs://\(bucket)/runs/single/status.json"))
        #expect(status.state == .succeeded && status.runId == "single")
    }
}
