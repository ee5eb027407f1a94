import Foundation
import MMMCore
import MMMQueue
import MMMServe
import MMMTestSupport
import Testing

/// `serve --queue-root`: runs go to the distributed queue, `mmm-cli queue process` trains them into the server's
/// store, the server follows them; stopping the server leaves submitted runs to the queue.
struct QueueServeTests {
    @Test(.timeLimit(.minutes(10)))
    func runsGoThroughTheQueueAndTheServerFollowsThem() async throws {
        let root = try TemporaryDirectory.make("mmm-serve-queue").appendingPathComponent("queues").path
        let fixture = try await ServeFixture.start(oauth: false, queueRoot: root)
        defer { Task { await fixture.handle.shutdown() } }

        let response = try await fixture.submit(config: try ServeFixture.demoConfig(), data: try ServeFixture.demoData)
        #expect(response.status == 202, "\(response.text)")
        let id = try #require(response.json["run_id"] as? String)
        // Nothing trains it until a processor runs: the queue holds the job, the data travelled with it.
        let queue = JobQueue(store: LocalQueueStore(root: root, queue: "web"), name: "web")
        let job = try #require(try await Self.waitForJob(id, in: queue))
        #expect(job.state == .pending)
        #expect(job.spec.result == fixture.store.appendingPathComponent(id).path)
        #expect(job.spec.data?.hasPrefix(root) == true)
        let status = try await TestHTTP.shared.get(fixture.base + "/v1/runs/\(id)", headers: try fixture.bearer())
        #expect(status.json["state"] as? String == "QUEUED")

        let processed = try await ProcessRunner.runOffPool(
            ServeFixture.cli, ["queue", "process", "--queue-root", root, "--queue", "web", "--poll-seconds", "0.3"])
        #expect(processed.code == 0, "\(processed.stderr.suffix(800))")

        let events = try await fixture.events(id)
        #expect(events.last?.0 == "state")
        #expect(events.last?.1["state"] as? String == "SUCCEEDED", "\(events.last.map { "\($0.1)" } ?? "none")")
        let report = try await TestHTTP.shared.get(fixture.base + "/v1/runs/\(id)/artifacts/report.html", headers: try fixture.bearer())
        #expect(report.status == 200)
        #expect(try await queue.job(id)?.job.state == .succeeded)
    }

    @Test func stoppingTheServerLeavesSubmittedRunsToTheQueue() async throws {
        let root = try TemporaryDirectory.make("mmm-serve-queue").appendingPathComponent("queues").path
        let fixture = try await ServeFixture.start(oauth: false, queueRoot: root)
        let response = try await fixture.submit(config: try ServeFixture.demoConfig(), data: try ServeFixture.demoData)
        let id = try #require(response.json["run_id"] as? String)
        let queue = JobQueue(store: LocalQueueStore(root: root, queue: "web"), name: "web")
        _ = try await Self.waitForJob(id, in: queue)
        await fixture.handle.shutdown()

        #expect(try await queue.job(id)?.job.state == .pending)
        // No FAILED "cancelled" status was written for it: the queue's worker will write the run folder.
        let statusFile = fixture.store.appendingPathComponent(id).appendingPathComponent("status.json")
        #expect(!FileManager.default.fileExists(atPath: statusFile.path))
    }

    /// The server submits to the queue just after answering 202; waits (bounded) for the job to be there.
    static func waitForJob(_ id: String, in queue: JobQueue) async throws -> QueueJob? {
        for _ in 0..<300 {
            if let (job, _) = try await queue.job(id) { return job }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    @Test func aGCSQueueNeedsAGCSStore() async throws {
        let output = try await ProcessRunner.runOffPool(
            ServeFixture.cli, ["serve", "--dev-auth", "--queue-root", "gs://bucket/queues", "--store", "runs", "--port", "0"])
        #expect(output.code == 2, "\(output.code) \(output.stderr)")
        #expect(output.stderr.contains("needs a gs:// --store"))
    }
}
