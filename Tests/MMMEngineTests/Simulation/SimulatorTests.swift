import Foundation
import MMMCore
import Testing

@testable import MMMEngine

/// The simulator's truth, recomputed here by a second implementation: adstock in its convolution form
/// (Σ_j x_j·w_{t−j} with the weights written out), Hill from its formula, and the sums behind ROI, shares and lifts.
@Suite struct SimulatorTests {
    /// Convolution-form adstock with the lag weights computed from their definitions (§1.1, §1.3, §1.4).
    static func convolved(_ x: [Double], _ type: AdstockType, _ h: [String: Double], kernelLength: Int) -> [Double] {
        var w = [Double](repeating: 0, count: kernelLength)
        switch type {
        case .geometric:
            let theta = h["thetas"] ?? 0
            for lag in 0..<kernelLength { w[lag] = pow(theta, Double(lag)) }
        case .weibullCDF, .weibullPDF:
            let k = h["shapes"] ?? 0
            let s = h["scales"] ?? 0
            if k == 0 || s == 0 { return x }
            // round(quantile(1:n, s)), half to even.
            let lambda = (1 + s * Double(kernelLength - 1)).rounded(.toNearestOrEven)
            if type == .weibullCDF {
                for lag in 0..<kernelLength {
                    w[lag] = exp(-(1...max(1, lag)).reduce(0.0) { $0 + (lag == 0 ? 0 : pow(Double($1) / lambda, k)) })
                }
            } else {
                let f = (1...kernelLength).map { u in (k / lambda) * pow(Double(u) / lambda, k - 1) * exp(-pow(Double(u) / lambda, k)) }
                let lo = f.min() ?? 0
                let hi = f.max() ?? 1
                for lag in 0..<kernelLength { w[lag] = (f[lag] - lo) / (hi - lo) }
            }
        }
        return x.indices.map { t in (0...t).reduce(0.0) { $0 + x[$1] * w[t - $1] } }
    }

    static func hill(_ v: Double, alpha: Double, inflexion: Double) -> Double {
        pow(v, alpha) / (pow(v, alpha) + pow(inflexion, alpha))
    }

    static func column(_ table: DataTable, _ name: String) throws -> [Double] {
        try #require(table[name]?.numbers)
    }

    @Test(arguments: [AdstockType.geometric, .weibullCDF, .weibullPDF])
    func theTruthIsWhatASecondImplementationComputes(adstock: AdstockType) throws {
        let sim = try SimulationFixtures.simulation(adstock: adstock)
        let truth = sim.truth
        let dates = truth.rows.dates
        let window = try #require(dates.firstIndex(of: truth.windowStart))..<(try #require(dates.firstIndex(of: truth.windowEnd)) + 1)
        let n = dates.count
        var paidTotal = 0.0
        for channel in truth.channels {
            let raw = try Self.column(sim.data, channel.variable)
            let adstocked = Self.convolved(raw, adstock, channel.hyperparameters, kernelLength: n)
            let inflexion = (adstocked[window].max() ?? 0) * (channel.hyperparameters["gammas"] ?? 1)
            #expect(abs(inflexion - channel.inflexion) <= 1e-9 * inflexion, "\(channel.variable) inflexion")
            let alpha = channel.hyperparameters["alphas"] ?? 1
            let contribution = adstocked.map { channel.coefficient * Self.hill($0, alpha: alpha, inflexion: inflexion) }
            let stored = try #require(truth.rows.contributions[channel.variable])
            for t in 0..<n { #expect(abs(contribution[t] - stored[t]) <= 1e-7 * (abs(stored[t]) + 1), "\(channel.variable) row \(t)") }
            let total = contribution[window].reduce(0, +)
            #expect(abs(total - channel.contribution) <= 1e-7 * (abs(total) + 1))
            if let spendColumn = channel.spendColumn {
                let spend = try Self.column(sim.data, spendColumn)[window].reduce(0, +)
                let roi = try #require(channel.roi)
                #expect(abs(total / spend - roi) <= 1e-9 * (roi + 1), "\(channel.variable) ROI")
                paidTotal += total
            }
        }
        // Targets were met, the placebo has no effect, shares add up, y is the sum of its parts.
        let roi = Dictionary(uniqueKeysWithValues: truth.paidChannels.map { ($0.spendColumn ?? "", $0.roi ?? .nan) })
        #expect(abs((roi["tv_S"] ?? 0) - 1.6) < 1e-9 && abs((roi["search_S"] ?? 0) - 3.3) < 1e-9)
        #expect(truth.paidChannels.filter(\.placebo).allSatisfy { $0.contribution == 0 && $0.roi == 0 })
        #expect(abs(truth.paidChannels.reduce(0.0) { $0 + ($1.effectShare ?? 0) } - 1) < 1e-12)
        #expect(paidTotal > 0)
        let y = try Self.column(sim.data, truth.depVar)
        for t in 0..<n {
            let parts = truth.rows.baseline[t] + truth.rows.noise[t] + truth.rows.contributions.values.reduce(0.0) { $0 + $1[t] }
            #expect(abs(y[t] - parts) <= 1e-9 * abs(y[t]))
        }
        // Each lift test's true value: β Σ (hill(A_t) − hill(A_t − S_t)) with S the adstock of the study's spend alone.
        #expect(truth.liftTests.count == 3)
        for test in truth.liftTests {
            let channel = try #require(truth.channels.first { $0.spendColumn == test.study.channel })
            let raw = try Self.column(sim.data, channel.variable)
            let rows = dates.indices.filter { dates[$0] >= test.study.liftStartDate && dates[$0] <= test.study.liftEndDate }
            var alone = [Double](repeating: 0, count: n)
            for t in rows { alone[t] = raw[t] }
            let all = Self.convolved(raw, adstock, channel.hyperparameters, kernelLength: n)
            let only = Self.convolved(alone, adstock, channel.hyperparameters, kernelLength: n)
            let alpha = channel.hyperparameters["alphas"] ?? 1
            let lift = rows.reduce(0.0) { sum, t in
                sum + channel.coefficient
                    * (Self.hill(all[t], alpha: alpha, inflexion: channel.inflexion)
                        - Self.hill(all[t] - only[t], alpha: alpha, inflexion: channel.inflexion))
            }
            #expect(abs(lift - test.trueLift) <= 1e-7 * abs(lift), "\(test.study.channel)")
            #expect(lift > 0 && test.study.liftAbs > 0)
            #expect(test.study.liftStartDate >= truth.windowStart && test.study.liftEndDate < truth.windowEnd)
            // The study ends the day before a data row, so it covers whole periods.
            #expect(dates.contains(test.study.liftEndDate.adding(days: 1)))
        }
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedDiffers() throws {
        let a = try SimulationFixtures.simulation(seed: 11)
        let b = try SimulationFixtures.simulation(seed: 11)
        let c = try SimulationFixtures.simulation(seed: 12)
        #expect(try StrictJSON.encode(a.truth) == StrictJSON.encode(b.truth))
        #expect(CSVWriter().bytes(for: a.data) == CSVWriter().bytes(for: b.data))
        #expect(a.liftTests == b.liftTests)
        #expect(try StrictJSON.encode(a.truth) != StrictJSON.encode(c.truth))
    }

    @Test func everyTrueCurveLiesInsideTheBoundsTheModelUsesThePlacebosIncluded() throws {
        // The placebo has no bounds of its own in the input config; it takes its preset row, as training resolves it.
        // (It once took the first entry of a dictionary, which changed with the process's hash seed.)
        for seed: UInt64 in 1...6 {
            let sim = try SimulationFixtures.simulation(seed: seed)
            let bounds = try sim.config.resolvedHyperparameterBounds()
            for channel in sim.truth.channels {
                let own = try #require(bounds[channel.variable], "no bounds for \(channel.variable)")
                for (name, value) in channel.hyperparameters {
                    let kind = try #require(HyperparameterKind(rawValue: name))
                    let bound = try #require(own[kind], "\(channel.variable) has no \(name) bound")
                    #expect(bound.lower <= value && value <= bound.upper, "seed \(seed): \(channel.variable) \(name) \(value) outside \(bound)")
                }
            }
        }
    }

    @Test func theNoiseMeetsTheRequestedFit() throws {
        let r2 = try SimulationFixtures.simulation { $0.noise = .rSquared(0.8) }.truth.rSquared
        #expect(abs(r2 - 0.8) < 0.05)
        let exact = try SimulationFixtures.simulation { $0.noise = .standardDeviation(0) }.truth
        #expect(exact.rSquared == 1 && exact.rows.noise.allSatisfy { $0 == 0 })
    }

    @Test func theSimulatedTableTrainsWithItsConfig() throws {
        let sim = try SimulationFixtures.simulation()
        #expect(sim.config.paidMedia.last == MediaPair(spend: "placebo_S", variable: "placebo_S"))
        #expect(sim.config.resampleFreq == .none && sim.config.calibrationInput == nil)
        let state = try SimulationFixtures.preparedSimulation(sim) { $0.calibrationInput = .studies(sim.liftTests) }
        #expect(state.skipReason == nil)
        #expect(try CalibrationPlan.build(ModelDesignBuilder.build(state))?.plan.studies.count == 3)
    }

    @Test(arguments: [
        ("unknown ROI channel", "radio_S"),
        ("ROI too large", "too large"),
        ("bad hyperparameter name", "tv_S_lambda"),
        ("hyperparameter out of limits", "outside Robyn's limits"),
        ("too many lift tests", "--lift-tests 9"),
    ])
    func badOptionsAreUsageErrors(name: String, expected: String) throws {
        do {
            _ = try SimulationFixtures.simulation { options in
                switch name {
                case "unknown ROI channel": options.roi["radio_S"] = 1
                case "ROI too large": options.roi = ["ooh_S": 400]
                case "bad hyperparameter name": options.hyperparameters["tv_S_lambda"] = 1
                case "hyperparameter out of limits": options.hyperparameters["tv_S_thetas"] = 1.5
                default: options.liftTests = 9
                }
            }
            Issue.record("accepted \(name)")
        } catch let error as SimulationError {
            #expect(error.category == .usage)
            #expect(error.description.contains(expected) || (name == "ROI too large" && error.description.contains("more than 90 %")), "\(error)")
        }
    }
}
