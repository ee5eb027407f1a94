import ArgumentParser
import Foundation
import MMMCore
import MMMJobs
import MMMQueue

/// `mmm-cli queue submit`: one job from a job config, or one job per variant of a benchmark plan.
struct QueueSubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Queue one job (--config) or every variant of a benchmark plan (--plan).",
        discussion: """
            Each job gets its own configuration file (<queue>/configs/<id>.json) and its run folder, decided now and \
            recorded in the job: <output>/<run id> for --config (run id: the config's output_timestamp, else the job \
            id), <output>/<benchmark id>/variants/<variant id> for --plan (where `benchmark collect` reads them; \
            plan.json is written there too). Submitting again is harmless: jobs already queued are left as they are.
            """)

    @OptionGroup var location: QueueLocationOptions
    @Option(help: "Job configuration (a file or gs:// URI; any format `train --config` reads).")
    var config: String?
    @Option(help: "Benchmark plan.json (from `benchmark plan`; a file or gs:// URI).")
    var plan: String?
    @Option(help: "Input table: gs://… or a CSV/Parquet file (default for --config: the config's data_path).")
    var data: String?
    @Option(help: "Parent of the run folders: gs://… or a folder (default: the config's output_location, else runs; runs/benchmarks for --plan).")
    var output: String?
    @Option(help: "Job id for --config (default: <UTC time>-<random>).")
    var id: String?
    @Option(parsing: .unconditional, help: "Attempts per job; a crash on the last one fails the job (default 3).",
            transform: FlagValues.positive)
    var maxAttempts = 3
    @Option(help: BackendChoice.help)
    var backend: BackendChoice = .native
    @OptionGroup(title: "Bayesian backend") var bayes: BayesOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if (config == nil) == (plan == nil) { throw ValidationError("give exactly one of --config FILE, --plan PLAN.json") }
        if id != nil, plan != nil { throw ValidationError("--id is for --config; plan jobs are named <benchmark id>-<variant id>") }
        try bayes.check(bayes: backend == .bayes)
    }

    func run() async throws {
        let console = global.console
        let cloud = QueueCLI.cloud(console)
        let files = QueueCLI.files(cloud)
        let (queue, _) = try await location.open(cloud)
        var submission = QueueSubmission(queue: queue, by: QueueIdentity.make("submit"))
        submission.maxAttempts = maxAttempts
        submission.backend = backend.rawValue
        if backend == .bayes { submission.bayes = bayes.settings }
        let table = try data.map { try Self.checkedData(QueueCLI.absolute($0)) }
        let result: QueueSubmission.Result
        if let config {
            let loaded = try await Self.loadConfig(config, cloud: cloud)
            result = try await submission.submit(config: loaded, id: id, data: table, output: output.map(QueueCLI.absolute))
        } else if let plan {
            let bytes = try await files.read(plan)
            let decoded = try StrictJSON.decode(BenchmarkPlan.self, from: bytes, file: plan)
            guard let table else { throw UsageError("--plan needs --data gs://…|FILE (every variant reads the same table)") }
            let parent = QueueCLI.absolute(output ?? "runs/benchmarks")
            try await files.write(try StrictJSON.encode(decoded), to: QueueFiles.join(parent, "\(decoded.benchmarkId)/plan.json"))
            result = try await submission.submit(plan: decoded, data: table, output: parent)
        } else {
            throw UsageError("give --config or --plan")
        }
        if console.json {
            try console.resultJSON(SubmitJSON(queue: queue.store.location, submitted: result.submitted, existing: result.existing))
        } else {
            var lines = ["queued \(result.submitted.count) job\(result.submitted.count == 1 ? "" : "s") in \(queue.store.location)"
                + (result.existing.isEmpty ? "" : " (\(result.existing.count) already queued, left as they are)")]
            lines += result.submitted.map { "  \($0)" }
            console.result(lines.joined(separator: "\n"))
        }
    }

    /// A local data file must exist now (a worker on this machine reads it later); gs:// is checked by the worker.
    static func checkedData(_ location: String) throws -> String {
        if !QueueFiles.isGCS(location), !FileManager.default.fileExists(atPath: location) {
            throw UsageError("--data \(location): no such file")
        }
        return location
    }

    /// Loads (and validates) a job configuration from a file or gs://.
    static func loadConfig(_ location: String, cloud: GoogleCloudServices) async throws -> JobConfig {
        try await LocationFiles(cloud: cloud).jobConfig(try StorageLocation.flag("--config", location)).config
    }
}

/// `queue submit --json`.
struct SubmitJSON: Encodable {
    var queue: String
    var submitted: [String]
    var existing: [String]
}
