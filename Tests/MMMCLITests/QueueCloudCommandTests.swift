import Foundation
import MMMCloud
import MMMCore
import MMMQueue
import MMMTestSupport
import Testing

/// `mmm-cli worker` as a Cloud Run task runs it (configuration, data and run folders on Cloud Storage, chosen by
/// environment variables), and `benchmark run --executor queue` with everything on gs:// — against fake-gcs-server.
@Suite(.timeLimit(.minutes(10)))
struct QueueCloudCommandTests {
    struct Bucket {
        let emulator: GCSEmulator
        let name: String
        let client: GCSClient

        func put(_ data: Data, _ object: String, type: String = "application/json") async throws {
            try await client.upload(data, to: try GCSURI("gs://\(name)/\(object)"), contentType: type)
        }

        func get(_ object: String) async throws -> Data? {
            try await client.readIfExists(try GCSURI("gs://\(name)/\(object)"))?.data
        }

        func names(_ prefix: String) async throws -> [String] {
            try await client.list(try GCSURI("gs://\(name)/\(prefix)")).objects.map(\.uri.objectName)
        }

        var environment: [String: String] { cloudEnvironment(["STORAGE_EMULATOR_HOST": emulator.host]) }
    }

    private func bucket() async throws -> Bucket? {
        guard let emulator = try await GCSEmulator.get() else { return nil }
        let name = try await emulator.newBucket("cli-q")
        let client = GCSClient(
            credentials: .anonymous(projectID: nil),
            endpoints: try GoogleEndpoints(environment: GoogleCloudEnvironment(
                variables: ["STORAGE_EMULATOR_HOST": emulator.host], homeDirectory: "/nonexistent-home")))
        let bucket = Bucket(emulator: emulator, name: name, client: client)
        let config = try Data(contentsOf: URL(fileURLWithPath: try QueueCommandTests.tinyConfig(in: try scratchDirectory())))
        try await bucket.put(config, "configs/tiny.json")
        try await bucket.put(try Data(contentsOf: URL(fileURLWithPath: CLI.path("Examples/data/dt_simulated_weekly.csv"))),
                             "data/demo.csv", type: "text/csv")
        return bucket
    }

    private func status(_ bucket: Bucket, _ object: String) async throws -> RunStatus? {
        try await bucket.get(object).map { try StrictJSON.decode(RunStatus.self, from: $0) }
    }

    @Test func theWorkerRunsAConfigAndAPlanSliceFromTheEnvironment() async throws {
        guard let bucket = try await bucket() else { return }
        var env = bucket.environment
        env["JOB_CONFIG_GCS_PATH"] = "gs://\(bucket.name)/configs/tiny.json"
        env["MMM_DATA_PATH"] = "gs://\(bucket.name)/data/demo.csv"
        env["MMM_OUTPUT"] = "gs://\(bucket.name)/runs"
        env["RUN_ID"] = "r1"
        let single = try await CLI.launch(["worker", "--quiet"], environment: env)
        #expect(single.code == 0, "\(single.stderr)")
        #expect(single.stdout == "r1: SUCCEEDED gs://\(bucket.name)/runs/r1 — best model \(single.stdout.split(separator: " ").last ?? "")")
        #expect(try await status(bucket, "runs/r1/status.json")?.state == .succeeded)

        let dir = try scratchDirectory()
        let plan = try await CLI.launch([
            "benchmark", "plan", "--config", CLI.path("Examples/benchmarks/adstock_comparison.json"), "--test-run-all",
            "--output", dir.path, "--json",
        ], environment: bucket.environment)
        #expect(plan.code == 0, "\(plan.stderr)")
        let planJSON = try jsonObject(plan.stdout)
        let benchmark = try #require(planJSON["benchmark_id"] as? String)
        let variants = (planJSON["variants"] as? [[String: Any]] ?? []).compactMap { $0["variant_id"] as? String }
        #expect(variants.count == 3)
        try await bucket.put(Data(plan.stdout.utf8), "plans/plan.json")
        var task = bucket.environment
        task["MMM_PLAN_PATH"] = "gs://\(bucket.name)/plans/plan.json"
        task["MMM_DATA_PATH"] = "gs://\(bucket.name)/data/demo.csv"
        task["MMM_OUTPUT"] = "gs://\(bucket.name)/benchmarks"
        task["CLOUD_RUN_TASK_INDEX"] = "1"
        task["CLOUD_RUN_TASK_COUNT"] = "2"
        let slice = try await CLI.launch(["worker", "--quiet"], environment: task)
        #expect(slice.code == 0, "\(slice.stderr)")
        // Task 1 of 2 gets variants 1, 3, 5, …: here only the second.
        let written = Set(try await bucket.names("benchmarks/\(benchmark)/variants/").compactMap { $0.split(separator: "/").dropFirst(3).first.map(String.init) })
        #expect(written == [variants[1]])
        #expect(try await status(bucket, "benchmarks/\(benchmark)/variants/\(variants[1])/status.json")?.state == .succeeded)
    }

    @Test func aBenchmarkRunsThroughTheQueueWithEverythingOnGCS() async throws {
        guard let bucket = try await bucket() else { return }
        let out = try await CLI.launch([
            "benchmark", "run", "--config", CLI.path("Examples/benchmarks/adstock_comparison.json"), "--test-run-all",
            "--data", "gs://\(bucket.name)/data/demo.csv", "--output", "gs://\(bucket.name)/benchmarks", "--executor", "queue",
            "--queue-root", "gs://\(bucket.name)/queues", "--queue", "bench", "--parallel", "2", "--poll-seconds", "0.3", "--json",
        ], environment: bucket.environment)
        #expect(out.code == 0, "\(out.stderr)")
        let report = try #require((try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])?.first)
        let benchmark = try #require(report["benchmark_id"] as? String)
        #expect(report["counts"] as? [String: Int] == ["SUCCEEDED": 3])
        let csv = String(decoding: try #require(try await bucket.get("benchmarks/\(benchmark)/results.csv")), as: UTF8.self)
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(rows.count == 4, "three variants and the naive baseline")
        #expect(rows.filter { $0.contains(",SUCCEEDED,") }.count == 3, "\(csv)")
        #expect(try await bucket.names("queues/bench/jobs/").count == 3)
        // Collecting again from gs:// gives the same table.
        let collect = try await CLI.launch(["benchmark", "collect", "gs://\(bucket.name)/benchmarks/\(benchmark)"],
                                           environment: bucket.environment)
        #expect(collect.code == 0, "\(collect.stderr)")
        #expect(String(decoding: try #require(try await bucket.get("benchmarks/\(benchmark)/results.csv")), as: UTF8.self) == csv)
    }
}
