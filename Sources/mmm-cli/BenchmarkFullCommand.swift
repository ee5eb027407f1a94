import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

/// `mmm-cli benchmark full`: the comprehensive 54 variants — generate, run, collect, analyse — in one command.
struct BenchmarkFullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "full",
        abstract: "Generate the comprehensive benchmark (3 adstocks × 3 splits × 2 aggregations × 3 mappings), run, collect and analyse.",
        discussion: "Test counts (10 × 1) by default, as the previous system's run_full_benchmark; --full-run trains 1,000 × 3.")

    @Option(help: "Base configuration (job config, previous-system job_config.json or selected_columns.json).")
    var base: String
    @OptionGroup var data: BenchmarkDataOptions
    @Option(help: "Parent folder of benchmark folders.")
    var output = "runs/benchmarks"
    @Flag(help: "1,000 iterations × 3 trials per variant (default: 10 × 1).")
    var fullRun = false
    @Option(help: "Channels (spend columns) modelled by their proxy in mixed_by_funnel, comma-separated (default: every proxied channel but the last).")
    var upperFunnel: String?
    @Option(parsing: .unconditional, help: "Variants trained at once (default: the cores).", transform: FlagValues.positive)
    var parallel: Int?
    @Option(help: "Files per variant: small (default) or full.")
    var outputs: OutputLevel = .small
    @Option(help: BackendChoice.help)
    var backend: BackendChoice = .native
    @OptionGroup(title: "Bayesian backend") var bayes: BayesOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try bayes.check(bayes: backend == .bayes)
        if StorageLocation.looksLikeGCS(output) {
            throw ValidationError("--output: benchmark folders are local; write them locally and copy them with mmm-cli gcs cp -r")
        }
    }

    func run() async throws {
        let console = global.console
        let trainer = try await backend.make(bayes: bayes.settings)
        let loaded = try JobConfigLoader.load(path: base)
        let upper = upperFunnel.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        let (config, notes) = ComprehensiveBenchmark.config(base: loaded.config, upperFunnel: upper)
        for note in notes { console.info(note.renderedLine) }
        let table = try await data.load(console)
        let plan = try BenchmarkWorkflow.plan(config, configPath: base, base: base, mode: fullRun ? .fullRun : .testRunAll, console: console)
        BenchmarkWorkflow.report(plan, console: console)
        let (report, workspace) = try await BenchmarkWorkflow.run(
            plan, table: table, output: output, parallel: parallel, threads: nil, outputs: outputs, backend: trainer,
            console: console)
        let (analysis, folder, files) = try await BenchmarkAnalyzeCommand.analyze(workspace, outputDir: nil)
        if console.json {
            try console.resultJSON(BenchmarkAnalyzeCommand.AnalyzeJSON(directory: folder, files: files, recommendations: [analysis.fit, analysis.allocation]))
        } else {
            console.result(BenchmarkWorkflow.summary(report, workspace: workspace) + "\n" + BenchmarkAnalyzeCommand.text(analysis, folder: folder))
        }
        if !report.failed.isEmpty { throw BenchmarkVariantsFailed(count: report.failed.count) }
    }
}
