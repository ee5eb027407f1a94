/// How fast an engine evaluates candidate models: candidates per core-second at a number of rows (time per candidate
/// grows about linearly with the rows), with where the figure comes from.
public struct EngineThroughput: Sendable, Equatable, Codable {
    /// Candidates per second on one core.
    public var candidatesPerCoreSecond: Double
    /// The table size it was measured at.
    public var rows: Int
    /// Where the figure comes from.
    public var source: String
    /// Whether a search uses at most one core per trial (the native engine: trials are its unit of parallel work);
    /// otherwise every core (Robyn evaluates a trial's candidates in parallel).
    public var cappedByTrials: Bool

    /// Creates a figure.
    public init(candidatesPerCoreSecond: Double, rows: Int, source: String, cappedByTrials: Bool = true) {
        self.candidatesPerCoreSecond = candidatesPerCoreSecond
        self.rows = rows
        self.source = source
        self.cappedByTrials = cappedByTrials
    }

    /// The rate at another table size (linear in rows: each candidate transforms and fits every row).
    public func perCoreSecond(atRows target: Int) -> Double {
        candidatesPerCoreSecond * Double(rows) / Double(max(1, target))
    }

    /// The native engine on Robyn's demo (208 weekly rows): `mmm-bench train --threads 1`, 13,500–19,500 candidates/s in
    /// the search on the 2-core development machine (README, Benchmarks); the low end, to stay on the safe side.
    public static let nativeStored = EngineThroughput(
        candidatesPerCoreSecond: 13_500, rows: 208, source: "stored: mmm-bench train, 1 thread, demo data (README)")

    /// Robyn (R) as the previous system ran it: 2,000 × 5 = 10,000 candidates in 12 minutes on 8 vCPU (previous
    /// deployment guide, table 1), on its ~150-row weekly data; per core-second with the estimate's 85 % parallel
    /// efficiency, so that the estimate gives back those 12 minutes at 8 vCPU.
    public static let robynStored = EngineThroughput(
        candidatesPerCoreSecond: 10_000 / (720 * 8 * 0.85), rows: 150,
        source: "stored: the previous system's production runs (2,000×5 in 12 min on 8 vCPU)", cappedByTrials: false)

    enum CodingKeys: String, CodingKey {
        case candidatesPerCoreSecond = "candidates_per_core_second"
        case rows, source
        case cappedByTrials = "capped_by_trials"
    }
}
