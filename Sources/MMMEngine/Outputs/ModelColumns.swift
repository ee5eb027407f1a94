/// Column blocks shared by Robyn's output tables (robyn-semantics §6.4).
enum ModelColumns {
    /// The model-level error block.
    static let metricHeader = [
        "rsq_train", "rsq_val", "rsq_test", "nrmse_train", "nrmse_val", "nrmse_test", "nrmse", "decomp.rssd", "mape",
        "lambda", "lambda_hp", "lambda_max", "lambda_min_ratio",
    ]

    static func metrics(_ r: CandidateResult?) -> [RobynCSV.Cell] {
        guard let r else { return metricHeader.map { _ in .number(nil) } }
        let m = r.metrics
        return [
            .number(m.rsqTrain), .number(m.rsqVal), .number(m.rsqTest), .number(m.nrmseTrain), .number(m.nrmseVal),
            .number(m.nrmseTest), .number(m.nrmse), .number(m.decompRSSD), .number(m.mape), .number(r.lambda),
            .number(r.lambdaHP), .number(r.lambdaMax), .number(r.lambdaMinRatio),
        ]
    }

    /// `solID, trial, iterNG, iterPar`.
    static let idHeader = ["solID", "trial", "iterNG", "iterPar"]

    static func id(_ record: CandidateRecord) -> [RobynCSV.Cell] {
        [.text(record.modelId), .integer(record.trial), .integer(record.batch), .integer(record.position)]
    }

    /// Cluster and top-solution flags of a record (NA off the Pareto set).
    static func cluster(_ index: Int, _ selection: ParetoSelection) -> [RobynCSV.Cell] {
        guard let cluster = selection.clusters[index] else { return [.integer(nil), .bool(nil)] }
        return [.integer(cluster), .bool(selection.clusterWinners.contains(index))]
    }
}
