import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// `mmm-bench recovery [--seeds 1,2,3] [--iterations N] [--trials N] [--lift-tests N] [--r2 R] [--threads T]
/// [--data FILE --config FILE] [--diagnose]`: how well the chosen model recovers known ROIs on data simulated from the bundled
/// demo (run from the repository root), without calibration and with lift tests under each MAPE.LIFT formula and
/// selection rule. One search per seed and formula; the selection rules are applied to the same candidates.
enum RecoveryBenchmark {
    struct Variant {
        var name: String
        var formula: CalibrationFormula?
        var rule: CalibratedSelection
        var balance: [Double]? = nil
        var constraint: Double? = nil
    }

    struct Score {
        var main: Double?
        var calibrated: Double?
        var uncalibrated: Double?
        var rsq: Double?
        /// The lowest main-channel ROI MAE of any model on the kept Pareto fronts: what a perfect rule could reach.
        var oracle: Double?
    }

    static func run(_ arguments: [String]) async throws {
        let seeds = try (BenchArguments.value("--seeds", in: arguments) ?? "1,2,3,4,5").split(separator: ",").map { text in
            guard let seed = UInt64(text) else { throw BenchArguments.BadValue(description: "--seeds needs whole numbers, got '\(text)'") }
            return seed
        }
        let iterations = try BenchArguments.positive("--iterations", in: arguments, default: 2000)
        let trials = try BenchArguments.positive("--trials", in: arguments, default: 5)
        let threads = try BenchArguments.positive("--threads", in: arguments, default: 2)
        let liftTests = try BenchArguments.positive("--lift-tests", in: arguments, default: 3)
        let r2 = Double(BenchArguments.value("--r2", in: arguments) ?? "0.9") ?? 0.9
        let data = BenchArguments.value("--data", in: arguments) ?? "Examples/data/dt_simulated_weekly.csv"
        let configPath = BenchArguments.value("--config", in: arguments) ?? "Examples/configs/demo_job_config.json"
        let config = try JobConfigLoader.load(path: configPath).config
        let diagnose = arguments.contains("--diagnose")
        var variants = [
            Variant(name: "no calibration", formula: nil, rule: .robyn),
            Variant(name: "robyn formula, robyn rule", formula: .robyn, rule: .robyn),
            Variant(name: "robyn formula, fit_and_lift", formula: .robyn, rule: .fitAndLift),
            Variant(name: "corrected formula, robyn rule", formula: .corrected, rule: .robyn),
            Variant(name: "corrected formula, fit_and_lift", formula: .corrected, rule: .fitAndLift),
        ]
        // Experiments: --balances "1,1,1;0,1,1" adds error-score weightings (NRMSE, DECOMP.RSSD, MAPE.LIFT).
        for text in (BenchArguments.value("--balances", in: arguments) ?? "").split(separator: ";") {
            let weights = text.split(separator: ",").compactMap { Double($0) }
            guard weights.count == 3 else { throw BenchArguments.BadValue(description: "--balances needs w1,w2,w3;…") }
            for formula in [CalibrationFormula.robyn, .corrected] {
                variants.append(Variant(name: "\(formula.rawValue) formula, weights \(text)", formula: formula, rule: .robyn, balance: weights))
            }
        }
        // Experiments: --constraints 0.05,0.02 adds stricter calibration_constraint values (Robyn allows 0.01–0.1).
        for text in (BenchArguments.value("--constraints", in: arguments) ?? "").split(separator: ",") {
            guard let value = Double(text), (0.01...0.1).contains(value) else {
                throw BenchArguments.BadValue(description: "--constraints needs values in 0.01…0.1")
            }
            for formula in [CalibrationFormula.robyn, .corrected] {
                variants.append(Variant(name: "\(formula.rawValue) formula, constraint \(text)", formula: formula, rule: .robyn, constraint: value))
            }
        }
        var scores: [String: [Score]] = [:]
        let start = DispatchTime.now().uptimeNanoseconds
        for seed in seeds {
            var options = SimulationOptions(seed: seed)
            options.liftTests = liftTests
            options.noise = .rSquared(r2)
            let simulation = try await SimulationJob(config: config, source: CSVFileSource(path: data), options: options).simulate()
            let formulas: [CalibrationFormula?] = [nil, .robyn, .corrected]
            for formula in formulas {
                var job = simulation.config
                job.iterations = iterations
                job.trials = trials
                if let formula {
                    job.calibrationInput = .studies(simulation.liftTests)
                    job.calibrationFormula = formula
                }
                let state = try DataPreparer().prepare(simulation.data, config: job, source: "simulated seed \(seed)")
                let result = try await Trainer.train(
                    state, options: TrainingOptions(iterations: iterations, trials: trials, seed: seed, threads: threads))
                if diagnose { RecoveryDiagnostics.report(result, truth: simulation.truth, label: "seed \(seed) \(formula?.rawValue ?? "no calibration")") }
                let oracle = result.selection.paretoIndices.compactMap { evaluate(result, index: $0, truth: simulation.truth).main }.min()
                for variant in variants where variant.formula == formula {
                    let best = try chosen(result, variant: variant, seed: seed)
                    var score = evaluate(result, index: best, truth: simulation.truth)
                    score.oracle = oracle
                    scores[variant.name, default: []].append(score)
                    print(
                        "seed \(seed) \(variant.name): ROI MAE main \(f(score.main)), calibrated \(f(score.calibrated)), "
                            + "uncalibrated \(f(score.uncalibrated)), R² train \(f(score.rsq))")
                }
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("\nrecovery on data simulated from \(data), \(seeds.count) seeds, \(liftTests) lift tests, r² \(r2), \(iterations)×\(trials) per search, \(String(format: "%.0f", seconds)) s")
        print("| variant | ROI MAE, main channels | calibrated main channels | uncalibrated main channels | R² train | best Pareto model |")
        print("|---|---|---|---|---|---|")
        for variant in variants {
            let list = scores[variant.name] ?? []
            // Mean (median): a few seeds where the search finds no accurate model dominate the mean.
            func mean(_ key: KeyPath<Score, Double?>) -> String {
                let values = list.compactMap { $0[keyPath: key] }.sorted()
                guard !values.isEmpty else { return "–" }
                let median = values.count % 2 == 1
                    ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
                return "\(f(values.reduce(0, +) / Double(values.count))) (\(f(median)))"
            }
            print("| \(variant.name) | \(mean(\.main)) | \(mean(\.calibrated)) | \(mean(\.uncalibrated)) | \(mean(\.rsq)) | \(mean(\.oracle)) |")
        }
    }

    /// The record chosen by a rule on an existing search.
    static func chosen(_ result: TrainingResult, variant: Variant, seed: UInt64) throws -> Int {
        guard var plan = result.calibration,
            plan.selection != variant.rule || variant.balance != nil || variant.constraint != nil
        else { return result.selection.best }
        plan.selection = variant.rule
        plan.constraint = variant.constraint ?? plan.constraint
        return try ParetoSelection.select(
            result.records, space: result.space, validation: result.model.settings.tsValidation,
            minCandidates: result.minParetoCandidates, seed: seed, calibration: plan, balance: variant.balance
        ).best
    }

    /// ROI errors of one candidate against the truth (main: paid, not placebo, spend share ≥ 3 %).
    static func evaluate(_ result: TrainingResult, index: Int, truth: Truth) -> Score {
        guard let candidate = result.records[index].result else { return Score() }
        let calibrated = Set(
            (result.calibration?.studies ?? []).flatMap { $0.study.channels.map(result.model.config.modelledName(ofChannel:)) })
        let spendTotal = truth.paidChannels.reduce(0.0) { $0 + ($1.totalSpend ?? 0) }
        var main: [Double] = []
        var withLift: [Double] = []
        var without: [Double] = []
        for channel in truth.paidChannels where !channel.placebo {
            guard let trueROI = channel.roi, let modelROI = candidate.media.first(where: { $0.name == channel.variable })?.roiTotal
            else { continue }
            let error = abs(modelROI - trueROI)
            guard (channel.totalSpend ?? 0) / spendTotal >= RecoveryEvaluation.defaultMainShare else { continue }
            main.append(error)
            if calibrated.contains(channel.variable) { withLift.append(error) } else { without.append(error) }
        }
        func mean(_ v: [Double]) -> Double? { v.isEmpty ? nil : v.reduce(0, +) / Double(v.count) }
        return Score(
            main: mean(main), calibrated: result.calibration == nil ? nil : mean(withLift),
            uncalibrated: result.calibration == nil ? nil : mean(without), rsq: candidate.metrics.rsqTrain)
    }

    static func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "–" }
}
