import Foundation
import MMMBayes
import MMMCore
import MMMEngine
import MMMJobs

/// `mmm-bench bayes-experiment --experiment NAME [--seeds …] [--inference map|nuts]`: what limits the Bayesian
/// backend's recovery, by changing one thing in its input and fitting the posterior directly.
/// Experiments: `joint` (as the backend by default), `design` (as `--baseline prophet`), `fourier` (a trend + Fourier
/// baseline built here: `--fourier-order K`, `--changepoints K`, `--holiday`), `oracle-baseline` (the simulation's true
/// baseline as the only control), `oracle-transforms` (true baseline and true adstock/Hill: only the effects unknown),
/// `no-controls` (media only). `--range-prior bounded|matched` picks the hyperparameter priors; `--roi-prior` replaces the paid channels' ROI prior; `--lifts` adds the lift studies (`--lift-tests N`, default 3, on the largest spenders).
enum BayesQualityExperiments {
    static func run(_ arguments: [String]) async throws {
        let seeds = (BenchArguments.value("--seeds", in: arguments) ?? "1,2,3").split(separator: ",").compactMap { UInt64($0) }
        let experiment = BenchArguments.value("--experiment", in: arguments) ?? "design"
        let experiments = ["joint", "design", "fourier", "oracle-baseline", "oracle-transforms", "no-controls"]
        guard experiments.contains(experiment) else {
            throw BenchArguments.BadValue(description: "--experiment needs one of \(experiments.joined(separator: ", ")), got '\(experiment)'")
        }
        let useNUTS = BenchArguments.value("--inference", in: arguments) == "nuts"
        let lifts = arguments.contains("--lifts")
        let liftCount = try BenchArguments.positive("--lift-tests", in: arguments, default: 3)
        let rangePrior = try BenchArguments.choice("--range-prior", in: arguments, default: BayesSettings.RangePrior.bounded)
        let config = try JobConfigLoader.load(path: "Examples/configs/demo_job_config.json").config
        var maes: [Double] = []
        for seed in seeds {
            var options = SimulationOptions(seed: seed)
            options.liftTests = liftCount
            options.placebo = true
            let simulation = try await SimulationJob(
                config: config, source: CSVFileSource(path: "Examples/data/dt_simulated_weekly.csv"), options: options
            ).simulate()
            var job = simulation.config
            if lifts { job.calibrationInput = .studies(simulation.liftTests) }
            let state = try DataPreparer().prepare(simulation.data, config: job, source: "sim")
            let design = try ModelDesignBuilder.build(state)
            // `joint` is the backend's default baseline (JointBaseline); `design` its `--baseline prophet`.
            let prepared = experiment == "joint" ? try JointBaseline.apply(to: design).model : design
            var builder = try BayesInputBuilder(prepared, rangePrior: rangePrior)
            switch experiment {
            case "oracle-baseline":
                builder.input.controls = [ControlInput(name: "baseline", values: simulation.truth.rows.baseline)]
            case "oracle-transforms":
                // The information bound: true baseline and true adstock/Hill parameters (priors 0.5 % wide), so only
                // the channel effects are unknown.
                builder.input.controls = [ControlInput(name: "baseline", values: simulation.truth.rows.baseline)]
                for c in builder.input.channels.indices {
                    guard let truth = simulation.truth.channels.first(where: { $0.variable == builder.input.channels[c].name }) else { continue }
                    func unit(_ m: Double) -> Prior {
                        let sd = 0.005 * Swift.min(m, 1 - m)
                        let common = m * (1 - m) / (sd * sd) - 1
                        return .beta(alpha: m * common, beta: (1 - m) * common)
                    }
                    func positive(_ m: Double) -> Prior { .gamma(shape: 40_000, rate: 40_000 / m) }
                    if let theta = truth.hyperparameters["thetas"] { builder.input.channels[c].priors.adstockDecay = unit(theta) }
                    if let alpha = truth.hyperparameters["alphas"] { builder.input.channels[c].priors.hillAlpha = positive(alpha) }
                    if let gamma = truth.hyperparameters["gammas"] { builder.input.channels[c].priors.hillGamma = unit(gamma) }
                }
            case "no-controls":
                builder.input.controls = []
            case "fourier":
                // A baseline not fitted on y, built here so its parts can vary: linear trend, `--changepoints K`
                // ramps in the first 80 % of the window, yearly Fourier of `--fourier-order K`, the decomposition's
                // holiday column with `--holiday`, plus context.
                let order = Int(BenchArguments.value("--fourier-order", in: arguments) ?? "2") ?? 2
                let knots = Int(BenchArguments.value("--changepoints", in: arguments) ?? "0") ?? 0
                let drop = arguments.contains("--holiday") ? ["trend", "season"] : ["trend", "season", "holiday"]
                builder.input.controls = builder.input.controls.filter { !drop.contains($0.name) }
                let days = prepared.dates.map { Double($0.daysSinceEpoch) }
                builder.input.controls.append(ControlInput(name: "t", values: days.map { $0 - days[0] }))
                let w = prepared.design.window
                for k in 0..<knots {
                    let at = days[w.lowerBound] + (days[w.upperBound - 1] - days[w.lowerBound]) * 0.8 * Double(k + 1) / Double(knots + 1)
                    builder.input.controls.append(ControlInput(name: "cp\(k)", values: days.map { Swift.max(0, $0 - at) }))
                }
                for (k, column) in BaselineFourier.columns(days: days, period: 365.25, order: order).enumerated() {
                    builder.input.controls.append(ControlInput(name: "f\(k)", values: column))
                }
            default:
                break
            }
            if let text = BenchArguments.value("--roi-prior", in: arguments) {
                let parts = text.split(separator: ":").map(String.init)
                let numbers = parts.dropFirst().compactMap(Double.init)
                let prior: Prior
                switch (parts.first, numbers.count) {
                case ("gamma", 2): prior = .gamma(shape: numbers[0], rate: numbers[1])
                case ("lognormal", 2): prior = .logNormal(mu: numbers[0], sigma: numbers[1])
                case ("halfnormal", 1): prior = .halfNormal(sd: numbers[0])
                default:
                    throw BenchArguments.BadValue(description: "--roi-prior needs gamma:SHAPE:RATE, lognormal:MU:SIGMA or halfnormal:SD, got '\(text)'")
                }
                for c in builder.input.channels.indices where builder.input.channels[c].spend != nil {
                    builder.input.channels[c].priors.effect = .roi(prior)
                }
            }
            let posterior = try MMMPosterior(builder.input)
            var nuts = NUTSOptions()
            nuts.seed = seed
            nuts.threads = 2
            var map = MAPOptions()
            map.seed = seed
            let fit = try await BayesFitter.fit(posterior, method: useNUTS ? .nuts(nuts) : .map(map))
            let spendTotal = simulation.truth.paidChannels.reduce(0.0) { $0 + ($1.totalSpend ?? 0) }
            var errors: [Double] = []
            var parts: [String] = []
            for channel in simulation.truth.paidChannels {
                guard let truth = channel.roi, let roi = fit.summary("roi", owner: channel.variable) else { continue }
                parts.append("\(channel.variable) \(f(roi.mean)) [\(f(roi.q05)), \(f(roi.q95))] vs \(f(truth))")
                if !channel.placebo, (channel.totalSpend ?? 0) / spendTotal >= 0.03 { errors.append(abs(roi.mean - truth)) }
            }
            let mae = errors.reduce(0, +) / Double(errors.count)
            maes.append(mae)
            let placebo = fit.summary("roi", owner: "placebo_S")
            print("seed \(seed) placebo q05 \(f(placebo?.q05)) \(experiment)\(lifts ? " +lifts" : ""): MAE main \(f(mae)) sigma \(f(fit.summary("sigma")?.mean)) vs noise \(f(simulation.truth.noiseSD))")
            print("  " + parts.joined(separator: "; "))
        }
        print("mean MAE \(f(maes.reduce(0, +) / Double(maes.count)))")
    }

    static func f(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "–" }
}
