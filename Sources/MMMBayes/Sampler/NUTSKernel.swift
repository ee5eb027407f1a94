import Foundation

/// What one NUTS transition reports (Stan's sampler diagnostics).
public struct TransitionStats: Sendable, Hashable, Codable {
    /// Mean Metropolis acceptance probability over the trajectory (`accept_stat__`).
    public var acceptStat: Double
    /// The step size used (`stepsize__`).
    public var stepSize: Double
    /// Tree depth reached (`treedepth__`).
    public var treeDepth: Int
    /// Leapfrog steps taken (`n_leapfrog__`).
    public var leapfrogSteps: Int
    /// Whether the trajectory diverged (`divergent__`).
    public var divergent: Bool
    /// The Hamiltonian at the selected point (`energy__`).
    public var energy: Double
    /// log p at the selected point (`lp__`, up to a constant).
    public var logDensity: Double

    /// Creates statistics (the sampler fills them; public for re-reading stored runs).
    public init(
        acceptStat: Double, stepSize: Double, treeDepth: Int, leapfrogSteps: Int, divergent: Bool, energy: Double,
        logDensity: Double
    ) {
        self.acceptStat = acceptStat
        self.stepSize = stepSize
        self.treeDepth = treeDepth
        self.leapfrogSteps = leapfrogSteps
        self.divergent = divergent
        self.energy = energy
        self.logDensity = logDensity
    }
}

/// Stan's `diag_e_nuts`: multinomial NUTS with the generalised U-turn criterion and a diagonal metric
/// (Betancourt 2017; Stan's `base_nuts`). One instance belongs to one chain.
final class NUTSKernel<Model: LogDensityModel> {
    let model: Model
    var workspace: Model.Workspace
    var rng: KeyedRNG
    /// The diagonal inverse metric M⁻¹ (the adapted posterior variances).
    var inverseMetric: [Double]
    /// The nominal step size ε.
    var stepSize: Double
    let maxDepth: Int
    let maxDeltaH: Double
    /// The current state; after a transition, the selected draw.
    let z: PhasePoint

    // Trajectory state of one transition.
    let zForward: PhasePoint, zBackward: PhasePoint, zSample: PhasePoint, zPropose: PhasePoint
    var rho: [Double], rhoForward: [Double], rhoBackward: [Double]
    var pForwardForward: [Double], pSharpForwardForward: [Double], pForwardBackward: [Double], pSharpForwardBackward: [Double]
    var pBackwardForward: [Double], pSharpBackwardForward: [Double], pBackwardBackward: [Double], pSharpBackwardBackward: [Double]
    /// Scratch for the recursion, one set per depth, so building a tree allocates nothing.
    let levels: [TreeLevel]
    var divergent = false

    init(model: Model, rng: KeyedRNG, stepSize: Double, maxDepth: Int, maxDeltaH: Double) {
        let n = model.dimension
        self.model = model
        workspace = model.makeWorkspace()
        self.rng = rng
        inverseMetric = Array(repeating: 1, count: n)
        self.stepSize = stepSize
        self.maxDepth = maxDepth
        self.maxDeltaH = maxDeltaH
        z = PhasePoint(dimension: n)
        zForward = PhasePoint(dimension: n)
        zBackward = PhasePoint(dimension: n)
        zSample = PhasePoint(dimension: n)
        zPropose = PhasePoint(dimension: n)
        let zeros = [Double](repeating: 0, count: n)
        (rho, rhoForward, rhoBackward) = (zeros, zeros, zeros)
        (pForwardForward, pSharpForwardForward, pForwardBackward, pSharpForwardBackward) = (zeros, zeros, zeros, zeros)
        (pBackwardForward, pSharpBackwardForward, pBackwardBackward, pSharpBackwardBackward) = (zeros, zeros, zeros, zeros)
        levels = (0...maxDepth).map { _ in TreeLevel(dimension: n) }
    }

    /// Evaluates log p and its gradient at `point.q`.
    func evaluate(_ point: PhasePoint) {
        point.logDensity = model.logDensity(point.q, gradient: &point.gradient, workspace: &workspace)
    }

    /// H = −log p(q) + ½ pᵀ M⁻¹ p, with NaN mapped to +∞ (a divergence).
    func hamiltonian(_ point: PhasePoint) -> Double {
        let kinetic = point.p.withUnsafeBufferPointer { p in
            inverseMetric.withUnsafeBufferPointer { m in
                var sum = 0.0
                for i in 0..<p.count { sum += p[i] * p[i] * m[i] }
                return sum
            }
        }
        let h = 0.5 * kinetic - point.logDensity
        return h.isNaN ? .infinity : h
    }

    /// Draws p ~ Normal(0, M).
    func sampleMomentum(_ point: PhasePoint) {
        for i in point.p.indices { point.p[i] = rng.normal() / inverseMetric[i].squareRoot() }
    }

    /// One leapfrog step of size ε (negative to go backwards).
    func leapfrog(_ point: PhasePoint, _ epsilon: Double) {
        let half = 0.5 * epsilon
        inverseMetric.withUnsafeBufferPointer { m in
            point.p.withUnsafeMutableBufferPointer { p in
                point.gradient.withUnsafeBufferPointer { g in
                    for i in 0..<p.count { p[i] += half * g[i] }
                }
                point.q.withUnsafeMutableBufferPointer { q in
                    for i in 0..<q.count { q[i] += epsilon * m[i] * p[i] }
                }
            }
        }
        evaluate(point)
        point.p.withUnsafeMutableBufferPointer { p in
            point.gradient.withUnsafeBufferPointer { g in
                for i in 0..<p.count { p[i] += half * g[i] }
            }
        }
    }

    /// Stan's generalised no-U-turn check: both ends' sharp momenta must point along ρ.
    @inline(__always)
    func criterion(_ pSharpMinus: [Double], _ pSharpPlus: [Double], _ rho: [Double], plus extra: [Double]? = nil) -> Bool {
        var plus = Vector.dot(pSharpPlus, rho)
        var minus = Vector.dot(pSharpMinus, rho)
        if let extra {
            plus += Vector.dot(pSharpPlus, extra)
            minus += Vector.dot(pSharpMinus, extra)
        }
        return plus > 0 && minus > 0
    }

    /// One NUTS transition from the current state `z` (whose log p and gradient are current).
    func transition() -> TransitionStats {
        sampleMomentum(z)
        for point in [zForward, zBackward, zSample, zPropose] { point.assign(from: z) }
        Vector.product(&pSharpForwardForward, inverseMetric, z.p)
        Vector.assign(&pForwardForward, z.p)
        Vector.assign(&pForwardBackward, z.p)
        Vector.assign(&pBackwardForward, z.p)
        Vector.assign(&pBackwardBackward, z.p)
        Vector.assign(&rho, z.p)
        Vector.assign(&pSharpForwardBackward, pSharpForwardForward)
        Vector.assign(&pSharpBackwardForward, pSharpForwardForward)
        Vector.assign(&pSharpBackwardBackward, pSharpForwardForward)
        var logSumWeight = 0.0
        let h0 = hamiltonian(z)
        var leapfrogs = 0
        var sumMetropolis = 0.0
        var depth = 0
        divergent = false
        while depth < maxDepth {
            Vector.zero(&rhoForward)
            Vector.zero(&rhoBackward)
            var logSumWeightSubtree = -Double.infinity
            let valid: Bool
            if rng.uniform() > 0.5 {
                // Extend forward: the old trajectory becomes the backward subtree.
                z.assign(from: zForward)
                Vector.assign(&rhoBackward, rho)
                Vector.assign(&pBackwardForward, pForwardForward)
                Vector.assign(&pSharpBackwardForward, pSharpForwardForward)
                valid = buildTree(
                    depth, propose: zPropose, pSharpBegin: &pSharpForwardBackward, pSharpEnd: &pSharpForwardForward,
                    rho: &rhoForward, pBegin: &pForwardBackward, pEnd: &pForwardForward, h0: h0, sign: 1,
                    leapfrogs: &leapfrogs, logSumWeight: &logSumWeightSubtree, sumMetropolis: &sumMetropolis)
                zForward.assign(from: z)
            } else {
                z.assign(from: zBackward)
                Vector.assign(&rhoForward, rho)
                Vector.assign(&pForwardBackward, pBackwardBackward)
                Vector.assign(&pSharpForwardBackward, pSharpBackwardBackward)
                valid = buildTree(
                    depth, propose: zPropose, pSharpBegin: &pSharpBackwardForward, pSharpEnd: &pSharpBackwardBackward,
                    rho: &rhoBackward, pBegin: &pBackwardForward, pEnd: &pBackwardBackward, h0: h0, sign: -1,
                    leapfrogs: &leapfrogs, logSumWeight: &logSumWeightSubtree, sumMetropolis: &sumMetropolis)
                zBackward.assign(from: z)
            }
            if !valid { break }
            depth += 1
            // Biased progressive sampling between the old trajectory and the new subtree.
            if logSumWeightSubtree > logSumWeight || rng.uniform() < Foundation.exp(logSumWeightSubtree - logSumWeight) {
                zSample.assign(from: zPropose)
            }
            logSumWeight = SpecialFunctions.logSumExp(logSumWeight, logSumWeightSubtree)
            for i in rho.indices { rho[i] = rhoBackward[i] + rhoForward[i] }
            // U-turn across the merged trajectory and between its two subtrees, each extended by one point.
            var persist = criterion(pSharpBackwardBackward, pSharpForwardForward, rho)
            persist = persist && criterion(pSharpBackwardBackward, pSharpForwardBackward, rhoBackward, plus: pForwardBackward)
            persist = persist && criterion(pSharpBackwardForward, pSharpForwardForward, rhoForward, plus: pBackwardForward)
            if !persist { break }
        }
        z.assign(from: zSample)
        return TransitionStats(
            acceptStat: leapfrogs > 0 ? sumMetropolis / Double(leapfrogs) : 0, stepSize: stepSize, treeDepth: depth,
            leapfrogSteps: leapfrogs, divergent: divergent, energy: hamiltonian(z), logDensity: z.logDensity)
    }
}
