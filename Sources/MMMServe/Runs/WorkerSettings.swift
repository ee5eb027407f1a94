import Foundation

/// How the server starts training workers: `mmm-cli train …` in a process of its own, so a crash (or an out-of-memory
/// kill) of one training never takes the server down.
struct WorkerSettings: Sendable {
    /// The `mmm-cli` binary.
    var executable: String
    /// The workers' environment.
    var environment: [String: String]
    /// `--output` of the workers: the store location (a folder or `gs://` prefix).
    var storeLocation: String
    /// Trainings at once.
    var workers: Int
    /// `--threads` of each training.
    var threads: Int
    /// Seconds between SIGTERM and SIGKILL when a worker is stopped.
    var grace: Double = 10

    /// The arguments of one training (the backend's flags last).
    func trainArguments(runId: String, config: URL, data: RunSubmission.DataSource, backend: RunBackend = .native) -> [String] {
        let dataArgument: String =
            switch data {
            case .uploaded(let url): url.path
            case .uri(let uri): uri
            }
        return [
            "train", "--config", config.path, "--data", dataArgument, "--output", storeLocation, "--run-id", runId,
            "--threads", String(threads),
        ] + backend.trainArguments
    }
}

/// What the exit of a worker means, in words for `status.json` when the worker could not write its own.
enum WorkerExit {
    static func describe(status: Int32, lastLine: String?) -> String {
        if status > 128 {
            let signal = status - 128
            let name = [6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 15: "SIGTERM"][Int(signal)].map { " (\($0))" } ?? ""
            return "the worker process was ended by signal \(signal)\(name) before it finished the run"
        }
        let detail = lastLine.map { ": " + String($0.prefix(300)) } ?? ""
        return "the worker process exited with code \(status) before it finished the run\(detail)"
    }
}
