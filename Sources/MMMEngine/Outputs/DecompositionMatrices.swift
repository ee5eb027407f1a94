import MMMCore

/// `pareto_alldecomp_matrix.csv` and `pareto_media_transform_matrix.csv`: per-row series of every Pareto model.
enum DecompositionMatrices {
    /// `ds, dep_var, <regressors…>, intercept, depVarHat, solID, cluster, top_sol`: coef × regressor per window row.
    static func allDecomposition(_ result: TrainingResult, emit: @escaping ([UInt8]) throws -> Void) throws {
        let names = result.model.design.regressorNames
        let header = ["ds", "dep_var"] + names + ["intercept", "depVarHat", "solID", "cluster", "top_sol"]
        // Cells that repeat (the dates on every model, a model's id and cluster on each of its rows) are rendered once.
        let dates = result.model.windowDates.map { RobynCSV.render([.text($0.description)]) }
        var table = RobynCSV(header: header, chunkSize: 1 << 20, sink: emit)
        for index in result.selection.paretoIndices {
            guard let details = result.details[index] else { continue }
            let series = Dictionary(uniqueKeysWithValues: details.decomposition.map { ($0.name, $0.values) })
            let columns = names.map { series[$0] }
            let intercept = series["(Intercept)"]
            let modelCells: [RobynCSV.Cell] = [.text(result.records[index].modelId)] + ModelColumns.cluster(index, result.selection)
            let model = RobynCSV.render(modelCells)
            for (t, date) in dates.enumerated() {
                table.raw(date, cells: 1)
                table.number(details.actual[t])
                for column in columns { table.number(column?[t]) }
                table.number(intercept?[t])
                table.number(details.fitted[t])
                table.raw(model, cells: modelCells.count)
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
        let dates = result.model.windowDates.map { RobynCSV.render([.text($0.description)]) }
        var table = RobynCSV(header: header, chunkSize: 1 << 20, sink: emit)
        for index in result.selection.paretoIndices {
            guard let details = result.details[index] else { continue }
            let decomposition = Dictionary(uniqueKeysWithValues: details.decomposition.map { ($0.name, $0.values) })
            let decomposed = media.map { decomposition[$0] }
            let cluster = ModelColumns.cluster(index, result.selection)
            for type in ["adstockedMedia", "decompMedia"] {
                let tailCells: [RobynCSV.Cell] = [.text(type), .text(result.records[index].modelId)] + cluster
                let tail = RobynCSV.render(tailCells)
                for (t, date) in dates.enumerated() {
                    table.raw(date, cells: 1)
                    for slot in media.indices {
                        table.number(
                            type == "adstockedMedia" ? details.media[slot].adstocked[window.lowerBound + t] : decomposed[slot]?[t])
                    }
                    table.raw(tail, cells: tailCells.count)
                    try table.endRow()
                }
            }
        }
        try table.finish()
    }
}
