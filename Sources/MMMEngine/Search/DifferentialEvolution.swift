/// A multi-objective differential evolution optimiser over the unit box, in the spirit of nevergrad's TwoPointsDE
/// (the optimiser Robyn uses), with an ask/tell interface.
///
/// - A population of `populationSize` slots is first filled with uniform samples.
/// - Afterwards each ask targets the next slot in turn and proposes a child of its member `x`:
///   `donor = x + F1·(a − b) + F2·(best − x)`, with `a`, `b` random other members and `best` a random member of the
///   population's current Pareto set; then a two-point crossover copies one contiguous block of the donor into `x`
///   (at least one coordinate). Coordinates leaving [0, 1] are reflected back. (nevergrad draws `a`, `b` from the
///   Pareto set too and uses the parent as `best` when it is on the front; that converged worse on Robyn's demo —
///   see docs/engine.md.)
/// - On tell, a child replaces its parent with probability equal to the weighted share of objectives it improves
///   (nevergrad's multi-objective adaptation); with one objective that is "if strictly better".
///
/// All randomness comes from ``CounterRNG`` streams keyed by `(seed, trial, ask number)`, so the sequence of
/// candidates depends only on the seed, the trial and the losses told — never on threads or timing.
package struct DifferentialEvolution: Sendable {
    /// Settings.
    package struct Configuration: Sendable {
        /// Search dimension (free hyperparameters).
        package var dimension: Int
        /// Population slots (nevergrad: max(30, workers)).
        package var populationSize = 30
        /// Differential weight of `(a − b)`.
        package var f1 = 0.8
        /// Differential weight of `(best − x)`.
        package var f2 = 0.8
        /// Objective weights for the replacement probability (Robyn: all 1).
        package var objectiveWeights: [Double] = [1, 1]

        /// Creates settings for a dimension.
        package init(dimension: Int) { self.dimension = dimension }
    }

    /// A proposed point and the slot it competes for.
    package struct Candidate: Sendable, Equatable {
        /// Coordinates in [0, 1]^d.
        package var point: [Double]
        /// Population slot.
        package var slot: Int
        /// Ask number within the trial (0-based).
        package var ask: Int
    }

    private struct Member: Sendable {
        var point: [Double]
        var losses: [Double]
    }

    package let configuration: Configuration
    private let seed: UInt64
    private let trial: UInt64
    private var members: [Member?] {
        didSet { front = nil }
    }
    private var asks = 0
    /// ``paretoSlots()`` of the current members (asks between two tells share it).
    private var front: [Int]?

    /// Creates an optimiser for one trial.
    package init(configuration: Configuration, seed: UInt64, trial: Int) {
        self.configuration = configuration
        self.seed = seed
        self.trial = UInt64(trial)
        members = Array(repeating: nil, count: max(4, configuration.populationSize))
    }

    /// Proposes the next `count` candidates (for distinct slots when `count` ≤ population size).
    package mutating func ask(_ count: Int) -> [Candidate] {
        (0..<count).map { _ in askOne() }
    }

    private mutating func askOne() -> Candidate {
        let slot = asks % members.count
        var rng = CounterRNG(seed, trial, UInt64(asks), 1)
        defer { asks += 1 }
        let d = configuration.dimension
        guard let parent = members[slot] else {
            return Candidate(point: (0..<d).map { _ in rng.uniform() }, slot: slot, ask: asks)
        }
        let others = members.indices.filter { $0 != slot && members[$0] != nil }
        guard others.count >= 2, d > 0 else {
            return Candidate(point: (0..<d).map { _ in rng.uniform() }, slot: slot, ask: asks)
        }
        let a = others[rng.index(below: others.count)]
        var b = others[rng.index(below: others.count)]
        if b == a { b = others[(others.firstIndex(of: a).map { $0 + 1 } ?? 0) % others.count] }
        let front = self.front ?? paretoSlots()
        self.front = front
        let best = front[rng.index(below: front.count)]
        guard let pa = members[a]?.point, let pb = members[b]?.point, let pbest = members[best]?.point else {
            return Candidate(point: parent.point, slot: slot, ask: asks)
        }
        var child = parent.point
        // Two-point crossover: a contiguous (wrapping) block of length 1…d comes from the donor.
        let start = rng.index(below: d)
        let length = 1 + rng.index(below: d)
        for offset in 0..<length {
            let j = (start + offset) % d
            let donor = parent.point[j] + configuration.f1 * (pa[j] - pb[j]) + configuration.f2 * (pbest[j] - parent.point[j])
            child[j] = Self.reflect(donor)
        }
        return Candidate(point: child, slot: slot, ask: asks)
    }

    /// Reports the losses of asked candidates (any order); non-finite losses count as worst.
    package mutating func tell(_ candidate: Candidate, losses: [Double]) {
        let clean = losses.map { $0.isFinite ? $0 : Double.infinity }
        guard let parent = members[candidate.slot] else {
            members[candidate.slot] = Member(point: candidate.point, losses: clean)
            return
        }
        let weights = configuration.objectiveWeights.count == clean.count
            ? configuration.objectiveWeights : Array(repeating: 1, count: clean.count)
        let total = weights.reduce(0, +)
        var improved = 0.0
        for k in clean.indices where clean[k] < parent.losses[k] { improved += weights[k] }
        let probability = total > 0 ? improved / total : 0
        guard probability > 0 else { return }
        var rng = CounterRNG(seed, trial, UInt64(candidate.ask), 2)
        if probability >= 1 || rng.uniform() < probability {
            members[candidate.slot] = Member(point: candidate.point, losses: clean)
        }
    }

    /// Slots whose members no other member dominates.
    private func paretoSlots() -> [Int] {
        let filled = members.indices.filter { members[$0] != nil }
        let front = filled.filter { i in
            guard let li = members[i]?.losses else { return false }
            return !filled.contains { j in
                guard j != i, let lj = members[j]?.losses else { return false }
                return zip(lj, li).allSatisfy { $0 <= $1 } && zip(lj, li).contains { $0 < $1 }
            }
        }
        return front.isEmpty ? filled : front
    }

    /// Reflects a coordinate into [0, 1].
    static func reflect(_ v: Double) -> Double {
        guard v.isFinite else { return 0.5 }
        var x = v.truncatingRemainder(dividingBy: 2)
        if x < 0 { x += 2 }
        return x > 1 ? 2 - x : x
    }
}
