import Foundation
import MMMBayes

/// `mmm-bench bayes [--weeks 156] [--channels 7] [--chains 4] [--warmup 1000] [--draws 1000] [--threads 2] [--seed 1]
/// [--adstock geometric|weibull_cdf|weibull_pdf] [--gradient-evaluations N] [--gradient-only] [--skip-nuts] [--no-warm-start]`: times the Bayesian backend's inference core on a seeded synthetic weekly
/// model: one density + gradient evaluation (fast path and the generic Dual64 reference), the full NUTS fit with the
/// defaults, and MAP + Laplace. Reports wall time, gradient evaluations per second, the verdict, ROI recovery
/// against the known truth, and peak RSS.
enum BayesBenchmark {
    static func run(_ arguments: [String]) async throws {
        let weeks = try BenchArguments.positive("--weeks", in: arguments, default: 156)
        let channelCount = try BenchArguments.positive("--channels", in: arguments, default: 7)
        var options = NUTSOptions()
        options.chains = try BenchArguments.positive("--chains", in: arguments, default: 4)
        options.warmup = try BenchArguments.positive("--warmup", in: arguments, default: 1000)
        options.draws = try BenchArguments.positive("--draws", in: arguments, default: 1000)
        options.threads = try BenchArguments.positive("--threads", in: arguments, default: ProcessInfo.processInfo.activeProcessorCount)
        options.seed = UInt64(try BenchArguments.positive("--seed", in: arguments, default: 1))
        let evaluations = try BenchArguments.positive("--gradient-evaluations", in: arguments, default: 20000)
        // Stan's default inputs (random inits, unit metric) instead of the Laplace warm start.
        options.warmStart = !arguments.contains("--no-warm-start")
        let data = SyntheticMMM(weeks: weeks, channels: SyntheticMMM.defaultChannels(channelCount), seed: options.seed)
        var input = data.input
        if let name = BenchArguments.value("--adstock", in: arguments) {
            guard let kind = AdstockKind(rawValue: name) else {
                throw BenchArguments.BadValue(description: "--adstock needs geometric, weibull_cdf or weibull_pdf, got '\(name)'")
            }
            for c in input.channels.indices { input.channels[c].adstock = kind }
        }
        let model = try MMMPosterior(input)
        print(
            "model: \(weeks) weeks, \(channelCount) channels (\(input.channels[0].adstock.rawValue)), "
                + "\(input.controls.count) controls, \(model.dimension) parameters")
        timeGradient(model, evaluations: evaluations)
        guard !arguments.contains("--gradient-only") else { return }

        var mapOptions = MAPOptions()
        mapOptions.seed = options.seed
        let mapCPU = processCPUSeconds()
        let map = try await BayesFitter.fit(model, method: .map(mapOptions))
        print(
            "MAP + Laplace (\(mapOptions.starts) starts, \(mapOptions.draws) draws): \(format(map.seconds, 3)) s wall, "
                + "\(format(processCPUSeconds() - mapCPU, 3)) s CPU; best start: \(map.optimum?.iterations ?? 0) L-BFGS iterations, "
                + "\(map.optimum?.reason ?? "")")
        report(map, truth: data.truth)

        guard !arguments.contains("--skip-nuts") else { return }
        let cpuStart = processCPUSeconds()
        let fit = try await BayesFitter.fit(model, method: .nuts(options))
        let cpu = processCPUSeconds() - cpuStart
        let sampler = fit.sampler
        let gradients = fit.chains.reduce(0) { $0 + $1.leapfrogSteps }
        let warmupGradients = fit.chains.reduce(0) { $0 + $1.warmupLeapfrogSteps }
        print(
            "NUTS \(options.chains)×(\(options.warmup)+\(options.draws)) threads \(options.threads): \(format(fit.seconds, 2)) s wall, "
                + "\(format(cpu, 2)) s CPU (\(format(cpu / Double(gradients + warmupGradients) * 1e6, 1)) µs per gradient overall), "
                + "\(warmupGradients) warm-up + \(gradients) kept gradients (\(format(Double(gradients) / Double(options.chains * options.draws), 1)) per draw), "
                + "step sizes \(sampler?.stepSizes.map { format($0, 3) } ?? []), divergences \(sampler?.divergences ?? 0), "
                + "tree-depth hits \(sampler?.treeDepthHits ?? 0)")
        print("verdict: \(fit.verdict.text.replacingOccurrences(of: "\n", with: " | "))")
        report(fit, truth: data.truth)
        print("peak RSS \(TrainBenchmark.peakRSSMegabytes()) MB")
    }

    /// Times the fast gradient and the generic Dual64 reference at the model's centre.
    static func timeGradient(_ model: MMMPosterior, evaluations: Int) {
        var workspace = model.makeWorkspace()
        var gradient = [Double](repeating: 0, count: model.dimension)
        let q = model.initialPoint()
        var sink = 0.0
        // Thread CPU time, so other processes on a shared machine do not inflate the per-call figure.
        let start = threadCPUSeconds()
        for i in 0..<evaluations {
            var moved = q
            moved[i % q.count] += 1e-9
            sink += model.logDensity(moved, gradient: &gradient, workspace: &workspace)
        }
        let fast = (threadCPUSeconds() - start) / Double(evaluations) * 1e6
        let referenceCount = Swift.max(evaluations / 1000, 3)
        let referenceStart = threadCPUSeconds()
        for _ in 0..<referenceCount { sink += model.referenceGradient(at: q).value }
        let reference = (threadCPUSeconds() - referenceStart) / Double(referenceCount) * 1e6
        print(
            "log density + gradient (CPU time per call): fast path \(format(fast, 1)) µs, generic Dual64 reference "
                + "\(format(reference, 1)) µs\(sink.isNaN ? " (NaN)" : "")")
    }

    /// ROI posterior mean and 90 % interval per channel against the truth.
    static func report(_ fit: BayesFit, truth: [SyntheticMMM.ChannelTruth]) {
        var errors = [Double]()
        var covered = 0
        var rows = [String]()
        for channel in truth {
            guard let roi = fit.summary("roi", owner: channel.name) else { continue }
            errors.append(abs(roi.mean - channel.roi))
            if roi.q05 <= channel.roi, channel.roi <= roi.q95 { covered += 1 }
            rows.append("\(channel.name) \(format(roi.mean, 2)) [\(format(roi.q05, 2)), \(format(roi.q95, 2))] vs \(format(channel.roi, 2))")
        }
        let mae = errors.reduce(0, +) / Double(Swift.max(errors.count, 1))
        print("  ROI (mean [q05, q95] vs truth): \(rows.joined(separator: "; "))")
        print("  ROI mean absolute error \(format(mae, 3)), 90 % intervals cover \(covered)/\(truth.count)")
    }

    /// CPU seconds (user + system) used by the whole process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// CPU seconds used by the calling thread.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}
