import Foundation
import MMMBayes
import Testing

/// NUTS on targets with known moments; every check is within 4 Monte Carlo standard errors (ESS-based), so a
/// sampler with a wrong stationary distribution fails while a correct one passes for essentially any seed.
struct NUTSKnownTargetTests {
    static func options(seed: UInt64 = 11, warmup: Int = 1000, draws: Int = 1000) -> NUTSOptions {
        var options = NUTSOptions()
        options.seed = seed
        options.warmup = warmup
        options.draws = draws
        options.threads = 2
        return options
    }

    @Test func standardNormalIn10Dimensions() async throws {
        let target = ClosureDensity(dimension: 10) { q, g in
            var lp = 0.0
            for i in q.indices {
                lp -= 0.5 * q[i] * q[i]
                g[i] = -q[i]
            }
            return lp
        }
        let chains = try await NUTSSampler.sample(target, options: Self.options())
        #expect(chains.count == 4 && chains.allSatisfy { $0.draws.count == 1000 })
        for i in 0..<10 {
            let mean = MonteCarlo.check(chains, truth: 0) { $0[i] }
            #expect(mean.ok, "mean of x\(i): \(mean.message)")
            let second = MonteCarlo.check(chains, truth: 1) { $0[i] * $0[i] }
            #expect(second.ok, "E[x\(i)²]: \(second.message)")
            let draws = MonteCarlo.matrix(chains) { $0[i] }
            #expect(ConvergenceDiagnostics.rankNormalizedRHat(draws) < 1.01)
            #expect(ConvergenceDiagnostics.bulkESS(draws) > 1000)
        }
        #expect(chains.reduce(0) { $0 + $1.divergences } == 0)
        // Adapted metric ≈ identity, step size in Stan's usual range for this target.
        for chain in chains {
            #expect(chain.inverseMetric.allSatisfy { $0 > 0.7 && $0 < 1.4 }, "metric \(chain.inverseMetric)")
            #expect(chain.stepSize > 0.4 && chain.stepSize < 1.3, "step size \(chain.stepSize)")
        }
        let accept = chains.flatMap(\.stats).map(\.acceptStat).reduce(0, +) / 4000
        #expect(abs(accept - 0.8) < 0.1, "mean acceptance \(accept)")
    }

    @Test func correlatedGaussian() async throws {
        // Unit variances, correlation 0.9, means (1, −2): the precision matrix is Σ⁻¹ = [[1, −ρ], [−ρ, 1]] / (1 − ρ²).
        let rho = 0.9
        let mu = [1.0, -2.0]
        let target = ClosureDensity(dimension: 2) { q, g in
            let a = q[0] - mu[0]
            let b = q[1] - mu[1]
            let scale = 1 / (1 - rho * rho)
            g[0] = -scale * (a - rho * b)
            g[1] = -scale * (b - rho * a)
            return -0.5 * scale * (a * a - 2 * rho * a * b + b * b)
        }
        let chains = try await NUTSSampler.sample(target, options: Self.options(seed: 3))
        for i in 0..<2 {
            let mean = MonteCarlo.check(chains, truth: mu[i]) { $0[i] }
            #expect(mean.ok, "mean \(i): \(mean.message)")
            let variance = MonteCarlo.check(chains, truth: 1) { ($0[i] - mu[i]) * ($0[i] - mu[i]) }
            #expect(variance.ok, "variance \(i): \(variance.message)")
        }
        let covariance = MonteCarlo.check(chains, truth: rho) { ($0[0] - mu[0]) * ($0[1] - mu[1]) }
        #expect(covariance.ok, "covariance: \(covariance.message)")
        #expect(chains.reduce(0) { $0 + $1.divergences } == 0)
    }

    /// Neal's funnel: v ~ Normal(0, 3), x₁…₉ | v ~ Normal(0, e^{v/2}); `centred` samples x directly, otherwise
    /// z = x·e^{−v/2} ~ Normal(0, 1) is sampled and x recovered from it (the non-centred form).
    static func funnel(centred: Bool) -> ClosureDensity {
        ClosureDensity(dimension: 10) { q, g in
            let v = q[0]
            var lp = -v * v / 18
            g[0] = -v / 9
            let precision = centred ? Foundation.exp(-v) : 1
            for i in 1..<10 {
                lp += -0.5 * q[i] * q[i] * precision - (centred ? 0.5 * v : 0)
                g[i] = -q[i] * precision
                if centred { g[0] += 0.5 * q[i] * q[i] * precision - 0.5 }
            }
            return lp
        }
    }

    /// P(x₁ ≤ a) = ∫ Φ(a·e^{−v/2}) φ(v; 0, 3) dv by the trapezoidal rule on ±8 sd.
    static func funnelCDF(_ a: Double) -> Double {
        let n = 4000
        let h = 48.0 / Double(n)
        var total = 0.0
        for k in 0...n {
            let v = -24 + Double(k) * h
            let weight = k == 0 || k == n ? 0.5 : 1
            let density = Foundation.exp(-v * v / 18) / (3 * (2 * Double.pi).squareRoot())
            total += weight * density * 0.5 * Foundation.erfc(-a * Foundation.exp(-v / 2) / 2.0.squareRoot())
        }
        return total * h
    }

    /// The x₁ quantile by bisection on the quadrature CDF (0.574 for the upper quartile; SciPy's quad agrees).
    static func funnelQuantile(_ p: Double) -> Double {
        var (lo, hi) = (-50.0, 50.0)
        for _ in 0..<80 {
            let mid = (lo + hi) / 2
            if funnelCDF(mid) < p { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    @Test func centredFunnelDivergesAndTheDiagnosticsSaySo() async throws {
        let chains = try await NUTSSampler.sample(Self.funnel(centred: true), options: Self.options(seed: 5, warmup: 150))
        let divergences = chains.reduce(0) { $0 + $1.divergences }
        #expect(divergences > 0, "the funnel's neck must produce divergences")
        let v = MonteCarlo.matrix(chains) { $0[0] }
        let x1 = chains.flatMap { $0.draws.map { $0[1] } }.sorted()
        let q75 = DrawMatrix.quantile(sorted: x1, 0.75)
        let truth = Self.funnelQuantile(0.75)
        // The neck (v ≪ 0) is under-explored, so v is biased up and x too wide: right in order of magnitude only.
        #expect(q75 > truth / 2 && q75 < 2 * truth, "x₁ upper quartile \(q75) vs \(truth)")
        #expect(abs(DrawMatrix.quantile(sorted: x1, 0.5)) < 0.2 * truth)
        FileHandle.standardError.write(
            Data(
                ("centred funnel (150 warm-up, 4×1000): \(divergences) divergences, R-hat(v) "
                    + "\(ConvergenceDiagnostics.rankNormalizedRHat(v)), x₁ q75 \(q75) vs \(truth)\n").utf8))
    }

    @Test func nonCentredFunnelGetsTheXMarginalRight() async throws {
        let chains = try await NUTSSampler.sample(Self.funnel(centred: false), options: Self.options(seed: 5))
        #expect(chains.reduce(0) { $0 + $1.divergences } == 0)
        let v = MonteCarlo.check(chains, truth: 0) { $0[0] }
        #expect(v.ok, "mean of v: \(v.message)")
        let vSquare = MonteCarlo.check(chains, truth: 9) { $0[0] * $0[0] }
        #expect(vSquare.ok, "E[v²]: \(vSquare.message)")
        // Quartiles of x₁ = z₁·e^{v/2}: P(x₁ ≤ q) must be 0.25 / 0.75 within 4 MCSE of an indicator mean.
        for p in [0.25, 0.75] {
            let q = Self.funnelQuantile(p)
            let check = MonteCarlo.check(chains, truth: p) { $0[1] * Foundation.exp($0[0] / 2) <= q ? 1 : 0 }
            #expect(check.ok, "P(x₁ ≤ \(q)): \(check.message)")
        }
    }

    @Test func illScaledGaussianAdaptsTheMetric() async throws {
        // Independent normals with sds from 0.01 to 100: only a well-adapted diagonal metric samples this well.
        let sds = (0..<8).map { Foundation.pow(10, -2 + Double($0) * 4 / 7) }
        let target = ClosureDensity(dimension: 8) { q, g in
            var lp = 0.0
            for i in q.indices {
                lp -= 0.5 * q[i] * q[i] / (sds[i] * sds[i])
                g[i] = -q[i] / (sds[i] * sds[i])
            }
            return lp
        }
        let chains = try await NUTSSampler.sample(target, options: Self.options(seed: 9))
        for i in sds.indices {
            let second = MonteCarlo.check(chains, truth: sds[i] * sds[i]) { $0[i] * $0[i] }
            #expect(second.ok, "E[x\(i)²]: \(second.message)")
            for chain in chains {
                let ratio = chain.inverseMetric[i] / (sds[i] * sds[i])
                #expect(ratio > 0.7 && ratio < 1.4, "chain \(chain.chain) metric/variance \(ratio) at \(i)")
            }
        }
        #expect(chains.allSatisfy { $0.stats.map(\.treeDepth).max() ?? 0 <= 4 })
    }
}
