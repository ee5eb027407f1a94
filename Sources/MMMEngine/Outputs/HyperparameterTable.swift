/// `pareto_hyperparameters.csv`: one row per Pareto model (Robyn's `resultHypParam` for the kept fronts).
///
/// Robyn's `Elapsed` / `ElapsedAccum` columns are left out: they are wall-clock times, which would make equal runs
/// differ (timings are in `run_manifest.json`).
enum HyperparameterTable {
    static func write(_ result: TrainingResult, emit: @escaping ([UInt8]) throws -> Void) throws {
        let media = result.model.design.mediaNames
        let hyperNames = result.space.names.filter { $0 != "lambda" && $0 != "train_size" }
        let header =
            hyperNames + ["train_size"] + media.map { "\($0)_inflexion" } + media.map { "\($0)_inflation" }
            + ModelColumns.metricHeader + ["pos"] + ModelColumns.idHeader
            + ["iterations", "coef0", "mape.qt10", "robynPareto", "error_score", "cluster", "top_sol"]
        var table = RobynCSV(header: header, chunkSize: 1 << 20, sink: emit)
        let slots = Dictionary(uniqueKeysWithValues: result.space.names.enumerated().map { ($1, $0) })
        for index in result.selection.paretoIndices {
            let record = result.records[index]
            let r = record.result
            for name in hyperNames { table.number(slots[name].map { record.values[$0] }) }
            table.number(slots["train_size"].map { record.values[$0] })
            for name in media { table.number(r?.media.first { $0.name == name }?.inflexion) }
            for name in media { table.number(r?.media.first { $0.name == name }?.inflation) }
            ModelColumns.metrics(r).forEach { table.cell($0) }
            table.bool(r?.allPositive)
            ModelColumns.id(record).forEach { table.cell($0) }
            table.integer(record.iteration)
            table.bool(r?.hasZeroPaidCoefficient)
            table.bool(true)
            table.integer(result.selection.fronts[index])
            table.number(result.selection.errorScores[index])
            ModelColumns.cluster(index, result.selection).forEach { table.cell($0) }
            try table.endRow()
        }
        try table.finish()
    }
}
