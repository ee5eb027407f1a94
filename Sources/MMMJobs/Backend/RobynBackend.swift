import Foundation
import MMMCore
import MMMEngine

/// Trains with Meta's Robyn (the R package) through `r/run_all.R`, on exactly the data the native engine would see.
///
/// The job prepares the data as always; this backend writes the prepared table and the resolved configuration
/// (``RobynInputs``) into a private folder, runs `Rscript r/run_all.R FOLDER`, relays R's progress and messages, and
/// checks what R wrote (``RobynResultCheck``) before it reports success. Cancelling the task stops R and its workers.
public struct RobynBackend: TrainingBackend {
    /// R, run_all.R and the Robyn version (``RobynRuntime/probe(environment:executablePath:currentDirectory:)``).
    public var runtime: RobynRuntime
    /// The environment R runs with (the backend adds `MMM_R_CORES` and `MMM_RUN_ID`).
    public var environment: [String: String]
    /// Where R's private folders are made.
    public var workRoot: URL
    /// Keep R's folder after the run (for debugging R; `MMM_ROBYN_KEEP_WORKDIR=1`).
    public var keepWorkDirectory: Bool
    /// Seconds between SIGTERM and SIGKILL when cancelled.
    public var terminationGrace: Double = 5

    /// Creates the backend.
    /// - Parameters:
    ///   - runtime: what to run.
    ///   - environment: R's environment (default: this process's).
    ///   - workRoot: parent of R's folders (default: the temporary directory).
    public init(
        runtime: RobynRuntime, environment: [String: String] = ProcessInfo.processInfo.environment,
        workRoot: URL = FileManager.default.temporaryDirectory
    ) {
        self.runtime = runtime
        self.environment = environment
        self.workRoot = workRoot
        keepWorkDirectory = environment["MMM_ROBYN_KEEP_WORKDIR"] == "1"
    }

    public var engine: EngineInfo { EngineInfo(name: "robyn", version: runtime.robynVersion) }

    public func train(_ request: TrainingRequest, context: TrainingContext) async throws -> any TrainedModel {
        let work = try RobynWorkDirectory(root: workRoot, runId: request.runId, keep: keepWorkDirectory)
        let config = try RobynInputs.write(request, to: work.url)
        if request.holidays != nil, config.holidaysPath == nil {
            context.report(
                .note("robyn_holidays", "the holiday calendar given to the job is not a file R can read; Robyn uses its own table")
                    .inStep("train"))
        }
        context.report(
            Diagnostic(
                .info, code: "robyn_started",
                "Robyn \(runtime.robynVersion) (R \(runtime.rVersion)): \(runtime.rscript) \(runtime.script) \(work.url.path)",
                step: "train"))
        let relay = RobynRelay(context: context)
        var childEnvironment = environment
        childEnvironment["MMM_R_CORES"] = String(request.options.threads)
        childEnvironment["MMM_RUN_ID"] = request.runId
        let status = try await ChildProcess.run(
            runtime.rscript, [runtime.script, work.url.path], environment: childEnvironment, grace: terminationGrace,
            onLine: { stream, line in relay.handle(line, from: stream) })
        let failure = relay.failure
        if status == 3 {
            throw RobynBackendError.packageMissing(failure?.message ?? "a required R package is missing (see r/README.md)")
        }
        let rStatus = try RobynResultCheck.status(in: work.url)
        guard status == 0, rStatus?.state == .succeeded else {
            let step = rStatus?.failedStep ?? failure?.step ?? "robyn"
            let message = rStatus?.message ?? failure?.message ?? "R exited with status \(status) without saying why"
            throw RobynBackendError.robynFailed(step: step, message: message)
        }
        let (summary, bytes) = try RobynResultCheck.summary(in: work.url, runId: request.runId, config: config)
        return RobynTrainedModel(summary: summary, summaryBytes: bytes, workDirectory: work)
    }
}

/// Turns R's output lines into progress and diagnostics, and remembers the error R reported.
final class RobynRelay: Sendable {
    private let context: TrainingContext
    private let reported = Locked<(step: String, code: String, message: String)?>(nil)

    init(context: TrainingContext) { self.context = context }

    /// The error R reported before exiting, if any.
    var failure: (step: String, code: String, message: String)? { reported.withLock { $0 } }

    func handle(_ line: String, from stream: ChildProcess.Stream) {
        switch RobynEvent.parse(line) {
        case .progress(let done, let total)?:
            context.progress(SearchProgress(done: done, total: total))
        case .diagnostic(let diagnostic)?:
            context.report(diagnostic.inStep("train"))
        case .error(let step, let code, let message)?:
            reported.withLock { $0 = (step, code, message) }
        case .probe?:
            break
        case nil:
            guard !RobynEvent.isNoise(line) else { return }
            context.report(Diagnostic(.info, code: stream == .stderr ? "r_stderr" : "r_stdout", line, step: "train"))
        }
    }
}
