import MMMCore
/// Robyn's post-processing of a search (§5.6–5.7): Pareto fronts on (NRMSE, DECOMP.RSSD), clusters of the Pareto
/// models by their hyperparameters, one winner per cluster, and the chosen best model.
public struct ParetoSelection: Sendable {
    /// Front number of every record (nil: not eligible or not on a kept front).
    public var fronts: [Int?]
    /// Fronts kept (Robyn's `pareto_fronts`).
    public var keptFronts: Int
    /// Indices of the records on the kept fronts, best front first, then in record order.
    public var paretoIndices: [Int]
    /// Cluster (1-based) of each Pareto model, keyed by record index.
    public var clusters: [Int: Int]
    /// Robyn's `error_score` of each Pareto model, keyed by record index.
    public var errorScores: [Int: Double]
    /// Record indices of the cluster winners (Robyn's `top_sol`), in cluster order.
    public var clusterWinners: [Int]
    /// Record index of the chosen model.
    public var best: Int
    /// Number of clusters.
    public var clusterCount: Int
    /// Within-cluster sums of squares for k = 1…, from the automatic choice of k.
    public var clusterWSS: [Double]
    /// Notes (e.g. fewer candidates than `min_candidates`).
    public var notes: [Diagnostic]
    /// Models that passed the eligibility filter (Robyn's `mape.qt10`).
    public var eligibleModelCount = 0
    /// The calibration constraint and rule, when the search had lift studies.
    package var calibration: (constraint: Double, rule: CalibratedSelection)?

    /// The rule used to choose ``best``, in words (written into model_summary.json).
    public func bestModelRule(minCandidates: Int, validation: Bool) -> String {
        if let calibration { return calibratedRule(calibration, minCandidates: minCandidates, validation: validation) }
        return "models with NRMSE and DECOMP.RSSD at or below their 90 % quantiles; Pareto fronts kept until at least "
            + "\(minCandidates) models (\(keptFronts) fronts, \(paretoIndices.count) models); clustered by hyperparameters "
            + "(k-means, k by Robyn's within-sum-of-squares rule, 3–10 when there are enough distinct models: \(clusterCount) "
            + "clusters); best = the cluster winner with the lowest error score sqrt((\(validation ? "nrmse_test" : "nrmse_train")^2 "
            + "+ decomp_rssd^2 + mape^2)/9) on errors min-max normalised over the Pareto models"
    }

    private func calibratedRule(
        _ calibration: (constraint: Double, rule: CalibratedSelection), minCandidates: Int, validation: Bool
    ) -> String {
        let nrmse = validation ? "nrmse_test" : "nrmse_train"
        let score =
            calibration.rule == .robyn
            ? "sqrt((\(nrmse)^2 + decomp_rssd^2 + mape^2)/9)"
            : "sqrt((\(nrmse)^2 + mape^2)/4) (rule fit_and_lift: DECOMP.RSSD is not used once lift studies measure the effects)"
        return "models with MAPE.LIFT at or below its \(NumberFormatting.shortest(calibration.constraint * 100)) % quantile "
            + "(calibration_constraint) and NRMSE and DECOMP.RSSD at or below their 90 % quantiles (\(eligibleModelCount) models); "
            + "Pareto fronts on (NRMSE, DECOMP.RSSD) kept until at least \(minCandidates) models (\(keptFronts) fronts, "
            + "\(paretoIndices.count) models); clustered by hyperparameters (\(clusterCount) clusters); best = the cluster "
            + "winner with the lowest error score \(score) on errors min-max normalised over the Pareto models"
    }

    /// Selects models.
    /// - Parameters:
    ///   - records: the search's records.
    ///   - space: names the hyperparameters (the clustering features).
    ///   - validation: whether the models have a validation/test split (then nrmse_test drives the error score).
    ///   - minCandidates: Robyn's `min_candidates`.
    ///   - seed: for k-means.
    ///   - calibration: the lift studies, when the search had them (their constraint and rule apply).
    ///   - balance: error-score weights overriding the rule's (for `mmm-bench recovery` experiments).
    ///   - threads: threads for the clustering (the selection does not depend on it).
    /// - Throws: ``EngineError`` when no candidate could be evaluated.
    package static func select(
        _ records: [CandidateRecord], space: SearchSpace, validation: Bool, minCandidates: Int, seed: UInt64,
        calibration: CalibrationPlan? = nil, balance: [Double]? = nil, threads: Int = 1
    ) throws -> ParetoSelection {
        let valid = records.indices.filter { records[$0].result != nil }
        guard !valid.isEmpty else {
            var reasons: [String: Int] = [:]
            for record in records { if let failure = record.failure { reasons[failure, default: 0] += 1 } }
            let common = reasons.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "unknown"
            throw EngineError(
                .noSelectableModel,
                "none of the \(records.count) candidate models could be evaluated; the most common reason: \(common)")
        }
        let nrmse = records.map { $0.result?.metrics.nrmse ?? .nan }
        let rssd = records.map { $0.result?.metrics.decompRSSD ?? .nan }
        let mape = records.map { $0.result?.metrics.mape ?? .nan }
        let eligible = ParetoFronts.eligible(
            nrmse: nrmse, decompRSSD: rssd, mape: mape, calibrationConstraint: calibration?.constraint ?? 0.1)
        let x = records.indices.map { eligible[$0] ? nrmse[$0] : .nan }
        let y = records.indices.map { eligible[$0] ? rssd[$0] : .nan }
        let allFronts = ParetoFronts.assign(x: x, y: y)
        var notes: [Diagnostic] = []
        let kept: Int
        if let k = ParetoFronts.autoFrontCount(allFronts, minCandidates: minCandidates) {
            kept = k
        } else {
            kept = allFronts.compactMap { $0 }.max() ?? 1
            let onFronts = allFronts.compactMap { $0 }.count
            notes.append(
                .note(
                    "few_pareto_models",
                    "only \(onFronts) eligible models on Pareto fronts (fewer than \(minCandidates)); all \(kept) fronts kept — run more iterations for a robust choice"
                ))
        }
        let fronts = allFronts.map { f in f.flatMap { $0 <= kept ? $0 : nil } }
        let pareto = records.indices.filter { fronts[$0] != nil }
            .sorted { (fronts[$0] ?? 0, $0) < (fronts[$1] ?? 0, $1) }
        guard !pareto.isEmpty else {
            let finite = valid.filter { nrmse[$0].isFinite && rssd[$0].isFinite }.count
            throw EngineError(
                .noSelectableModel,
                "no candidate passed Robyn's filter (NRMSE and DECOMP.RSSD both at or below their 90 % quantiles"
                    + (calibration == nil ? "" : ", MAPE.LIFT within the calibration_constraint quantile") + "): "
                    + "\(valid.count) models evaluated, \(finite) with finite errors; run more iterations")
        }
        let clustering = cluster(pareto, records: records, space: space, seed: seed, threads: threads)
        let errorNRMSE = pareto.map { i -> Double in
            let m = records[i].result?.metrics
            return (validation ? m?.nrmseTest : m?.nrmseTrain) ?? .nan
        }
        let balance: [Double] = balance ?? (calibration?.selection == .fitAndLift ? [1, 0, 1] : [1, 1, 1])
        let scores = ErrorScores.compute(
            nrmse: errorNRMSE, decompRSSD: pareto.map { rssd[$0] }, mape: pareto.map { mape[$0] }, balance: balance)
        var scoreByIndex: [Int: Double] = [:]
        for (position, index) in pareto.enumerated() { scoreByIndex[index] = scores[position] }
        var winners: [Int] = []
        for c in 1...max(1, clustering.count) {
            let members = pareto.filter { clustering.assignments[$0] == c }
            if let winner = members.min(by: { (scoreByIndex[$0] ?? .infinity, $0) < (scoreByIndex[$1] ?? .infinity, $1) }) {
                winners.append(winner)
            }
        }
        let best = winners.min { (scoreByIndex[$0] ?? .infinity, $0) < (scoreByIndex[$1] ?? .infinity, $1) } ?? pareto[0]
        var selection = ParetoSelection(
            fronts: fronts, keptFronts: kept, paretoIndices: pareto, clusters: clustering.assignments,
            errorScores: scoreByIndex, clusterWinners: winners, best: best, clusterCount: clustering.count,
            clusterWSS: clustering.wss, notes: notes)
        selection.eligibleModelCount = eligible.filter { $0 }.count
        selection.calibration = calibration.map { ($0.constraint, $0.selection) }
        return selection
    }

    /// k-means on the min-max normalised hyperparameters (not lambda or train_size) of the Pareto models; duplicate
    /// rows are clustered once (Robyn drops them) and share their cluster.
    private static func cluster(_ pareto: [Int], records: [CandidateRecord], space: SearchSpace, seed: UInt64, threads: Int)
        -> (assignments: [Int: Int], count: Int, wss: [Double])
    {
        let featureColumns = space.names.indices.filter { space.names[$0] != "lambda" && space.names[$0] != "train_size" }
        var rows = pareto.map { i in featureColumns.map { records[i].values[$0] } }
        for column in featureColumns.indices {
            let values = rows.map { $0[column] }
            guard let lo = values.min(), let hi = values.max() else { continue }
            for r in rows.indices { rows[r][column] = hi > lo ? (rows[r][column] - lo) / (hi - lo) : 1 }
        }
        var unique: [[Double]] = []
        var uniqueIndex: [[Double]: Int] = [:]
        let rowToUnique = rows.map { row -> Int in
            if let u = uniqueIndex[row] { return u }
            uniqueIndex[row] = unique.count
            unique.append(row)
            return unique.count - 1
        }
        guard unique.count > 1 else {
            return (Dictionary(uniqueKeysWithValues: pareto.map { ($0, 1) }), 1, [])
        }
        let (_, wss, result) = KMeans.automatic(unique, seed: seed, threads: threads)
        var assignments: [Int: Int] = [:]
        for (position, index) in pareto.enumerated() {
            assignments[index] = result.assignments[rowToUnique[position]] + 1
        }
        return (assignments, Set(result.assignments).count, wss)
    }
}
