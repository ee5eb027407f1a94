import ArgumentParser
import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// `mmm-cli simulate`: data with a known truth, patterned on a real table.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate data with a known truth, patterned on your own data, to test what a configuration can recover.",
        discussion: """
            Keeps the real dates and spend (and exposure, organic and context) columns; replaces dep_var by a baseline \
            at the real scale plus true media effects (adstock and Hill as the model defines them, each paid channel's \
            coefficient solved so its ROI over the window equals the target) plus noise. Writes data.csv, \
            job_config.json (the config to train on it), lift_tests.csv (with --lift-tests) and truth.json into \
            --output, each atomically. Deterministic for a seed. See docs/simulation.md.
            Example: mmm-cli simulate --like Examples/data/dt_simulated_weekly.csv \
            --config Examples/configs/demo_job_config.json --roi tv_S=1.6,search_S=3.3 --lift-tests 3 --seed 7 --output sim
            """
    )

    @Option(help: "The real data CSV to pattern the simulation on.")
    var like: String

    @Option(help: "Job configuration of the real data (an mmm-trainer job config, a previous-system job_config.json, or a selected_columns.json).")
    var config: String

    @Option(help: "Directory to write the files into (created if needed).")
    var output: String

    @Option(parsing: .unconditional, help: "Random seed, 0 to 2^64-1.", transform: FlagValues.seed)
    var seed: UInt64

    @Option(help: "True ROIs: spend=ROI pairs, e.g. tv_S=1.6,search_S=3.3 (others drawn from 0.5–3.5).", transform: FlagValues.assignments)
    var roi: [String: Double]?

    @Option(help: "True adstock family: geometric, weibull_cdf or weibull_pdf (default: the config's).")
    var adstock: AdstockType?

    @Option(help: "Fixed true hyperparameters, e.g. tv_S_thetas=0.6,tv_S_alphas=2 (others drawn inside the config's bounds).", transform: FlagValues.assignments)
    var hyperparameters: [String: Double]?

    @Option(parsing: .unconditional, help: "Noise standard deviation in dep_var units (excludes --r2).", transform: FlagValues.nonNegative)
    var noiseSd: Double?

    @Option(parsing: .unconditional, help: "Share of the window's variance explained by baseline and media (default 0.9; excludes --noise-sd).", transform: FlagValues.nonNegative)
    var r2: Double?

    @Flag(help: "Add a paid channel with no effect (placebo_S) to test whether a model invents one.")
    var placebo = false

    @Option(parsing: .unconditional, help: "Number of lift tests to simulate (on the largest spenders unless --lift-channels).", transform: FlagValues.nonNegativeInteger)
    var liftTests = 0

    @Option(help: "Channels to test (spend columns), comma-separated.", transform: FlagValues.list)
    var liftChannels: [String]?

    @Option(parsing: .unconditional, help: "Relative standard deviation of a lift test's measurement error (default 0.1).", transform: FlagValues.nonNegative)
    var liftError: Double?

    @Option(help: "Holidays CSV (ds, holiday, country, year); default: the config's holidays_path, else built-in DE/FR/GB/US.")
    var holidays: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if noiseSd != nil, r2 != nil { throw ValidationError("--noise-sd and --r2 exclude each other") }
    }

    func run() async throws {
        let console = global.console
        let loaded = try JobConfigLoader.load(path: config)
        var options = SimulationOptions(seed: seed)
        options.roi = roi ?? [:]
        options.adstock = adstock
        options.hyperparameters = hyperparameters ?? [:]
        if let noiseSd { options.noise = .standardDeviation(noiseSd) }
        if let r2 { options.noise = .rSquared(r2) }
        options.placebo = placebo
        options.liftTests = max(liftTests, liftChannels?.count ?? 0)
        options.liftChannels = liftChannels ?? []
        if let liftError { options.liftError = liftError }
        var job = SimulationJob(config: loaded.config, source: CSVFileSource(path: like), options: options)
        job.holidays = try holidays.map { try HolidayCalendar(csvPath: $0) }
        let (simulation, files) = try await FlagAttribution(configFile: config).attributing {
            try await job.run(directory: output, diagnostics: ConsoleDiagnostics(console))
        }
        if console.json {
            try console.resultJSON(SimulateResultJSON(files: files, truth: simulation.truth))
        } else {
            console.result(Self.text(simulation, files: files, output: output))
        }
    }

    static func text(_ simulation: Simulation, files: [String], output: String) -> String {
        let truth = simulation.truth
        func f(_ v: Double?, _ digits: Int = 3) -> String { v.map { String(format: "%.\(digits)f", $0) } ?? "–" }
        let width = max(8, truth.channels.map(\.variable.count).max() ?? 8)
        var lines = [
            "simulated \(truth.rows.dates.count) rows (window \(truth.windowStart) … \(truth.windowEnd)), adstock \(truth.adstock.rawValue), R² \(f(truth.rSquared)), noise SD \(f(truth.noiseSD, 1))",
            "",
            "  " + "channel".padding(toLength: width, withPad: " ", startingAt: 0) + "  true ROI  effect share",
        ]
        for c in truth.paidChannels {
            lines.append(
                "  " + c.variable.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + f(c.roi).padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + f(c.effectShare)
                    + (c.placebo ? "  (placebo)" : ""))
        }
        for test in truth.liftTests {
            lines.append(
                "  lift test \(test.study.channel) \(test.study.liftStartDate)…\(test.study.liftEndDate): true \(f(test.trueLift, 0)), measured \(f(test.study.liftAbs, 0))")
        }
        lines.append("")
        lines += files.map { "wrote \($0)" }
        let dir = output
        let calibration = simulation.liftTests.isEmpty ? "" : " --calibration \(dir)/\(SimulationJob.files.liftTests)"
        lines.append(
            "train: mmm-cli train --data \(dir)/\(SimulationJob.files.data) --config \(dir)/\(SimulationJob.files.config)\(calibration)")
        lines.append("then: mmm-cli evaluate --run <run folder> --truth \(dir)/\(SimulationJob.files.truth)")
        return lines.joined(separator: "\n")
    }
}

/// `simulate --json` output.
struct SimulateResultJSON: Encodable {
    var files: [String]
    var truth: Truth
}
