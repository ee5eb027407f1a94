import ArgumentParser
import Foundation
import MMMCore
import MMMJobs
import MMMQueue

/// `mmm-cli cost`: what a batch of training jobs will cost before it runs.
struct CostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost", abstract: "Estimate the time and Cloud Run cost of training jobs before running them.",
        subcommands: [CostEstimateCommand.self])
}

/// `mmm-cli cost estimate`.
struct CostEstimateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Time and cost of V variants of N iterations × T trials, locally or on Cloud Run.",
        discussion: """
            Compute time comes from the engine's throughput — a stored figure, or measured now with --calibrate \
            (a few hundred candidates of --config on --data, one thread) — scaled linearly to --rows, plus a fixed \
            overhead per job. Cloud Run prices are Tier 1 jobs prices (dated; override with the price flags). An \
            estimate: the free tier, retries, taxes and the region's tier are not included. See docs/deployment.md.
            """)

    enum Backend: String, ExpressibleByArgument, CaseIterable { case local, cloudrun }

    @Option(parsing: .unconditional, help: "Iterations per trial.", transform: FlagValues.positive)
    var iterations: Int
    @Option(parsing: .unconditional, help: "Trials per variant.", transform: FlagValues.positive)
    var trials: Int
    @Option(parsing: .unconditional, help: "Variants (jobs) that train (default 1).", transform: FlagValues.positive)
    var variants = 1
    @Option(parsing: .unconditional, help: "Rows of the modelling table (default: those of the throughput figure).",
            transform: FlagValues.positive)
    var rows: Int?
    @Option(help: "local (this machine) or cloudrun (default).")
    var backend: Backend = .cloudrun
    @Option(parsing: .unconditional, help: "vCPUs per job (default: 4 on Cloud Run, 8 for robyn; this machine's cores locally).",
            transform: FlagValues.positive)
    var cpu: Int?
    @Option(help: "GiB of memory per job (default 8; 32 for robyn).", transform: QueueCLI.positiveSeconds)
    var memory: Double?
    @Option(parsing: .unconditional, help: "Jobs at once (default: every variant on Cloud Run, up to 100; 1 locally).",
            transform: FlagValues.positive)
    var parallel: Int?
    @Option(help: "Seconds per job besides the search: start, download, outputs (default 30 on Cloud Run, 1 locally).",
            transform: QueueCLI.positiveSeconds)
    var overhead: Double?
    @Option(help: "Training engine: native (default) or robyn (stored figure from the previous system); bayes is refused (no candidates to count).")
    var engine: BackendChoice = .native
    @Flag(help: "Measure the native engine's throughput now on --config and --data instead of the stored figure.")
    var calibrate = false
    @Option(help: "Job config for --calibrate.")
    var config: String?
    @Option(help: "Data for --calibrate (CSV or Parquet).")
    var data: String?
    @Option(help: "USD per vCPU-second (default: Tier 1 jobs price).", transform: QueueCLI.positiveSeconds)
    var vcpuSecondPrice: Double?
    @Option(help: "USD per GiB-second (default: Tier 1 jobs price).", transform: QueueCLI.positiveSeconds)
    var gibSecondPrice: Double?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if calibrate, config == nil || data == nil { throw ValidationError("--calibrate needs --config and --data") }
        if calibrate, engine == .robyn { throw ValidationError("--calibrate measures the native engine; robyn uses its stored figure") }
        if engine == .bayes {
            // The estimate is candidates ÷ throughput; a Bayesian fit has no candidates, so it would silently be priced
            // as a native search.
            throw ValidationError(
                "--engine bayes: not estimated here (a Bayesian fit's time is set by its sampler, not by candidates); docs/bayes.md \"Performance\" gives measured seconds per fit")
        }
    }

    func run() async throws {
        let console = global.console
        let throughput: EngineThroughput
        if calibrate, let config, let data {
            console.info("calibrating: a short single-thread search on \(data)…")
            let loaded = try JobConfigLoader.load(path: config).config
            throughput = try await ThroughputCalibration.measure(config: loaded, source: TableFileFormat.source(path: data, csv: loaded.csv))
        } else {
            throughput = engine == .robyn ? .robynStored : .nativeStored
        }
        let estimate = CostEstimate(
            inputs(rows: rows ?? throughput.rows, variants: variants, iterations: iterations, trials: trials),
            throughput: throughput, prices: prices)
        if console.json { try console.resultJSON(estimate) } else { console.result(estimate.text) }
    }

    var prices: CloudRunPrices {
        var prices = CloudRunPrices.tier1Jobs
        if let vcpuSecondPrice { prices.vcpuSecond = vcpuSecondPrice }
        if let gibSecondPrice { prices.gibSecond = gibSecondPrice }
        if vcpuSecondPrice != nil || gibSecondPrice != nil { prices.label = "given prices (USD)"; prices.asOf = "given" }
        return prices
    }

    func inputs(rows: Int, variants: Int, iterations: Int, trials: Int) -> CostEstimate.Inputs {
        Self.inputs(backend: backend, engine: engine, cpu: cpu, memory: memory, parallel: parallel, overhead: overhead,
                    rows: rows, variants: variants, iterations: iterations, trials: trials)
    }

    /// The inputs with this command's defaults (shared with `benchmark plan`).
    static func inputs(
        backend: Backend, engine: BackendChoice, cpu: Int?, memory: Double?, parallel: Int?, overhead: Double?, rows: Int,
        variants: Int, iterations: Int, trials: Int
    ) -> CostEstimate.Inputs {
        let cloud = backend == .cloudrun
        let cores = cpu ?? (cloud ? (engine == .robyn ? 8 : 4) : ProcessInfo.processInfo.activeProcessorCount)
        return CostEstimate.Inputs(
            iterations: iterations, trials: trials, variants: variants, rows: rows, backend: backend.rawValue, cpu: cores,
            memoryGiB: memory ?? (engine == .robyn ? 32 : 8), parallel: parallel ?? (cloud ? min(variants, 100) : 1),
            overheadSeconds: overhead ?? (cloud ? 30 : 1))
    }
}
