import MMMCore

/// Where a benchmark run is: variants and candidates.
public struct BenchmarkProgress: Sendable, Equatable {
    /// Variants finished in this run (trained, failed, or linked to another by `same_as`).
    public var variantsDone: Int
    /// Variants this run has to handle (already finished ones excluded).
    public var variantsTotal: Int
    /// Candidates evaluated so far, over all variants in flight and done.
    public var candidatesDone: Int
    /// Candidates to evaluate in this run.
    public var candidatesTotal: Int

    /// Creates a progress snapshot.
    public init(variantsDone: Int, variantsTotal: Int, candidatesDone: Int, candidatesTotal: Int) {
        self.variantsDone = variantsDone
        self.variantsTotal = variantsTotal
        self.candidatesDone = candidatesDone
        self.candidatesTotal = candidatesTotal
    }
}

/// How a benchmark run went.
public struct BenchmarkRunReport: Sendable {
    /// The plan as run (with `same_as` links found from the data).
    public var plan: BenchmarkPlan
    /// Variants trained now.
    public var trained: [String]
    /// Variants already finished by an earlier run of the same plan (resumed past).
    public var resumed: [String]
    /// Variants not trained because another trains exactly the same.
    public var linked: [String]
    /// Variants that failed, with the message.
    public var failed: [(id: String, message: String)]
    /// Variants skipped by preparation (e.g. a constant dependent variable), with the reason.
    public var skipped: [(id: String, reason: String)]
    /// Variants in flight × threads each.
    public var parallel: Int
    /// Threads per variant.
    public var threads: Int
}

/// How many variants run at once and with how many threads each, so that variants × threads never exceeds the
/// cores (results do not depend on either).
public struct BenchmarkSchedule: Sendable, Equatable {
    /// Variants in flight.
    public var parallel: Int
    /// Threads per variant.
    public var threads: Int
    /// Set when a request was reduced to fit the cores.
    public var note: String?

    /// Chooses a schedule.
    /// - Parameters:
    ///   - cores: available cores.
    ///   - parallel: requested variants in flight (nil: as many as cores).
    ///   - threads: requested threads per variant (nil: cores ÷ variants in flight).
    ///   - variants: how many variants have to train.
    public init(cores: Int, parallel: Int?, threads: Int?, variants: Int) {
        let cores = max(1, cores)
        var note: String?
        var p = parallel ?? max(1, cores / max(1, threads ?? 1))
        if p > cores {
            note = "--parallel \(p) reduced to \(cores) (one variant per core at most)"
            p = cores
        }
        p = max(1, min(p, max(1, variants)))
        var t = threads ?? max(1, cores / p)
        if p * t > cores {
            let fitted = max(1, cores / p)
            note = (note.map { $0 + "; " } ?? "") + "--threads \(t) reduced to \(fitted) so that \(p) variants × threads ≤ \(cores) cores"
            t = fitted
        }
        self.parallel = p
        self.threads = t
        self.note = note
    }
}
