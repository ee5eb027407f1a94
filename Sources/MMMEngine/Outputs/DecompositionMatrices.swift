import MMMCore

/// `pareto_alldecomp_matrix.csv` and `pareto_media_transform_matrix.csv`: per-row series of every Pareto model.
enum DecompositionMatrices {
    /// `ds, dep_var, <regressors…>, intercept, depVarHat, solID, cluster, top_sol`: coef × regressor per window row.
    static func allDecomposition(_ result: TrainingResult, emit: @escaping ([UInt8]) throws -> Void) throws {
        let names = result.model.design.regressorNames
        let header = ["ds", "dep_var"] + names + ["intercept", "depVarHat", "solID", "cluster", "top_sol"]
        let dates = Array(result.model.windowDates)
        var table = RobynCSV(header: header, chunkSize: 1 << 20, sink: emit)
        for index in result.selection.paretoIndices {
            guard let details = result.details[index] else { continue }
            let series = Dictionary(uniqueKeysWithValues: details.decomposition.map { ($0.name, $0.values) })
            let cluster = ModelColumns.cluster(index, result.selection)
            for (t, date) in dates.enumerated() {
                table.text(date.description)
                table.number(details.actual[t])
                for name in names { table.number(series[name]?[t]) }
                table.number(series["(Intercept)"]?[t])
                table.number(details.fitted[t])
                table.text(result.records[index].modelId)
                cluster.forEach { table.cell($0) }
                try table.endRow()
            }
        }
        try table.finish()
    }

    /// `ds, <media…>, type, solID, cluster, top_sol` with type `adstockedMedia` (adstocked input) and `decompMedia`
    /// (coef × saturated) over the window.
    static func mediaTransform(_ result: TrainingResult, emit: @escaping ([UInt8]) throws -> Void) throws {
        let media = result.model.design.mediaNames
        let header = ["ds"] + media + ["type", "solID", "cluster", "top_sol"]
        let window = result.model.design.window
        let dates = Array(result.model.windowDates)
        var table = RobynCSV(header: header, chunkSize: 1 << 20, sink: emit)
        for index in result.selection.paretoIndices {
            guard let details = result.details[index] else { continue }
            let decomposition = Dictionary(uniqueKeysWithValues: details.decomposition.map { ($0.name, $0.values) })
            let cluster = ModelColumns.cluster(index, result.selection)
            for type in ["adstockedMedia", "decompMedia"] {
                for (t, date) in dates.enumerated() {
                    table.text(date.description)
                    for (slot, name) in media.enumerated() {
                        table.number(
                            type == "adstockedMedia"
                                ? details.media[slot].adstocked[window.lowerBound + t] : decomposition[name]?[t])
                    }
                    table.text(type)
                    table.text(result.records[index].modelId)
                    cluster.forEach { table.cell($0) }
                    try table.endRow()
                }
            }
        }
        try table.finish()
    }
}
