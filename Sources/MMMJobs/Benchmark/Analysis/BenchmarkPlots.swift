import MMMCharts

/// The previous system's six analysis plots (reference-system §2.10), drawn with MMMCharts.
enum BenchmarkPlots {
    /// File name (without `.svg`) and chart, in the previous system's order.
    static func all(_ rows: [AnalysisRow]) -> [(name: String, chart: any Chart)] {
        let models = rows.filter(\.hasModel)
        let labels = models.map(\.name)
        func series(_ prefix: String) -> [BarChart.Series] {
            ["train", "val", "test"].map { split in
                BarChart.Series(name: "\(prefix)_\(split)", values: models.map { $0.number("\(prefix)_\(split)") ?? .nan })
            }
        }
        let rsq = BarChart(
            title: "R² by variant and split (higher is better)", categories: labels, series: series("rsq"),
            valueAxis: AxisOptions(title: "adjusted R²", format: .fixed(2)))
        let nrmse = BarChart(
            title: "NRMSE by variant and split (lower is better)", categories: labels, series: series("nrmse"),
            valueAxis: AxisOptions(title: "NRMSE", format: .fixed(3), includeZero: true))
        let rssd = RankingChart(
            title: "DECOMP.RSSD ranking (lower: effect shares closer to spend shares)",
            panels: [.init(title: "DECOMP.RSSD", items: items(models, "decomp_rssd"), order: .ascending, valueFormat: .fixed(3))])
        let gap = ScatterPlot(
            title: "Train/validation/test gaps (NRMSE): x = val − train, y = test − val",
            groups: [
                .init(
                    name: "variants",
                    points: models.compactMap { row in
                        guard let t = row.number("nrmse_train"), let v = row.number("nrmse_val"), let s = row.number("nrmse_test") else { return nil }
                        return .init(x: v - t, y: s - v, label: row.name, highlighted: true)
                    })
            ],
            referenceLines: [.init(axis: .x, value: 0), .init(axis: .y, value: 0)], labels: .all,
            xAxis: AxisOptions(title: "NRMSE val − train", format: .fixed(3)), yAxis: AxisOptions(title: "NRMSE test − val", format: .fixed(3)))
        let metrics = ["rsq_train", "rsq_val", "rsq_test", "nrmse_train", "nrmse_val", "nrmse_test", "decomp_rssd", "mape"]
        let usable = metrics.filter { m in
            let v = models.compactMap { $0.number(m) }
            return v.count >= 2 && (v.max() ?? 0) > (v.min() ?? 0)
        }
        let matrix = usable.map { a in usable.map { b in correlation(models, a, b) ?? .nan } }
        let heatmap = Heatmap(
            title: "Metric correlations across variants", rowLabels: usable, columnLabels: usable, values: matrix, domain: -1...1)
        let best = RankingChart(
            title: "Best models",
            panels: [
                .init(title: "Highest R² val", items: items(models, "rsq_val"), order: .descending, limit: 10, valueFormat: .fixed(3)),
                .init(title: "Lowest NRMSE val", items: items(models, "nrmse_val"), order: .ascending, limit: 10, valueFormat: .fixed(3)),
                .init(title: "Lowest DECOMP.RSSD", items: items(models, "decomp_rssd"), order: .ascending, limit: 10, valueFormat: .fixed(3)),
                .init(
                    title: "Generalisation: smallest |R² val − R² test|",
                    items: models.compactMap { r in
                        guard let v = r.number("rsq_val"), let t = r.number("rsq_test") else { return nil }
                        return .init(label: r.name, value: abs(v - t))
                    }, order: .ascending, limit: 10, valueFormat: .fixed(3)),
            ], columns: 2)
        return [
            ("rsq_comparison", rsq), ("nrmse_comparison", nrmse), ("decomp_rssd", rssd), ("train_val_test_gap", gap),
            ("metric_correlations", heatmap), ("best_models_summary", best),
        ]
    }

    private static func items(_ rows: [AnalysisRow], _ column: String) -> [RankingChart.Item] {
        rows.compactMap { r in r.number(column).map { RankingChart.Item(label: r.name, value: $0) } }
    }

    /// Pearson correlation over the rows where both are present.
    static func correlation(_ rows: [AnalysisRow], _ a: String, _ b: String) -> Double? {
        let pairs = rows.compactMap { r -> (Double, Double)? in
            guard let x = r.number(a), let y = r.number(b) else { return nil }
            return (x, y)
        }
        guard pairs.count >= 2 else { return nil }
        let mx = pairs.map(\.0).reduce(0, +) / Double(pairs.count), my = pairs.map(\.1).reduce(0, +) / Double(pairs.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (x, y) in pairs {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
            syy += (y - my) * (y - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
