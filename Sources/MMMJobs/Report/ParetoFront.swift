import MMMCharts
import MMMCore

/// The Pareto models of a run on NRMSE × DECOMP.RSSD, coloured (and shaped) by cluster, the best model marked.
struct ParetoFront: Sendable {
    /// One Pareto model.
    struct Model: Sendable {
        var metrics: ModelMetrics
        /// Whether it is its cluster's winner (Robyn's `top_sol`).
        var clusterWinner: Bool
    }

    var models: [Model]
    var bestModelId: String
    /// Whether NRMSE is the validation NRMSE (the run had a validation split).
    var validated: Bool

    /// Reads the Pareto models from `pareto_hyperparameters.csv`, else from `model_summary.json` (at most 100).
    static func read(_ run: RunContents) throws -> ParetoFront? {
        guard let summary = run.summary else { return nil }
        var models: [Model] = []
        if let table = run.hyperparameters {
            let ids = try table.texts("solID"), winners = try table.flags("top_sol")
            for row in 0..<table.rowCount {
                guard let id = ids[row] else { continue }
                models.append(Model(metrics: try ModelView.metrics(table, row: row, modelId: id), clusterWinner: winners[row]))
            }
        } else {
            models = summary.paretoModels.map { Model(metrics: $0, clusterWinner: false) }
        }
        return ParetoFront(
            models: models, bestModelId: summary.bestModel.modelId, validated: summary.bestModel.nrmseVal != nil)
    }

    /// The cluster winners, best model first, then by cluster.
    var winners: [Model] {
        models.filter { $0.clusterWinner || $0.metrics.modelId == bestModelId }.sorted { a, b in
            if (a.metrics.modelId == bestModelId) != (b.metrics.modelId == bestModelId) { return a.metrics.modelId == bestModelId }
            return (a.metrics.cluster ?? .max, a.metrics.modelId) < (b.metrics.cluster ?? .max, b.metrics.modelId)
        }
    }

    func chart(width: Double = 720) -> ScatterPlot {
        let clusters = Set(models.compactMap(\.metrics.cluster)).sorted()
        func points(_ selected: [Model]) -> [ScatterPlot.Point] {
            selected.compactMap { m in
                guard let x = m.metrics.nrmse, let y = m.metrics.decompRssd else { return nil }
                let best = m.metrics.modelId == bestModelId
                let label = best ? "best: \(m.metrics.modelId)" : m.clusterWinner ? m.metrics.modelId : nil
                return .init(x: x, y: y, label: label, highlighted: best || m.clusterWinner)
            }
        }
        var groups = clusters.map { c in
            ScatterPlot.Group(name: "Cluster \(c)", points: points(models.filter { $0.metrics.cluster == c }))
        }
        let unclustered = models.filter { $0.metrics.cluster == nil }
        if !unclustered.isEmpty { groups.append(.init(name: "Not clustered", points: points(unclustered))) }
        return ScatterPlot(
            title: "Pareto front: fit vs business plausibility", groups: groups,
            xAxis: AxisOptions(title: validated ? "NRMSE (validation)" : "NRMSE (training)", format: .fixed(3)),
            yAxis: AxisOptions(title: "DECOMP.RSSD", format: .fixed(3)), options: ChartOptions(width: width, height: 420))
    }

    static let caption = "Each point is a model on the kept Pareto fronts: left is a closer fit, lower is an effect split closer to the spend split. Colour and marker shape give the cluster; labelled points are the cluster winners, and \"best\" is the chosen model."
}
