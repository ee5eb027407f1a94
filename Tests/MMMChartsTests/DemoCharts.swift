import Foundation

@testable import MMMCharts

/// Deterministic demo data and one chart of every type, shaped like the run report and the benchmark analysis
/// will use them (issues 9 and 11).
enum DemoCharts {
    static let start = ChartDate(year: 2022, month: 1, day: 3)!  // a Monday
    static let weeks = 104
    static var dates: [ChartDate] { (0..<weeks).map { start.adding(days: 7 * $0) } }

    static func actual(_ k: Int) -> Double {
        let t = Double(k)
        return 1_500_000 + 400_000 * sin(t / 52 * 2 * .pi) + 120_000 * sin(t * 1.7) + 2_000 * t
    }

    static func predicted(_ k: Int) -> Double {
        let t = Double(k)
        return 1_500_000 + 380_000 * sin(t / 52 * 2 * .pi) + 60_000 * sin(t * 1.7 + 0.3) + 2_100 * t
    }

    static var line: LineChart {
        let d = dates
        let trainEnd = d[72], valEnd = d[88]
        return LineChart(
            title: "Actual vs predicted revenue",
            dates: d,
            series: [.init(name: "Actual", values: (0..<weeks).map(actual)),
                     .init(name: "Predicted", values: (0..<weeks).map(predicted))],
            splits: [.init(date: trainEnd, label: "validation starts"), .init(date: valEnd, label: "test starts")],
            regions: [.init(from: trainEnd, to: valEnd, label: "validation"), .init(from: valEnd, to: d[weeks - 1], label: "test")],
            yAxis: AxisOptions(title: "Revenue"), xTitle: "Week")
    }

    static let channels = ["tv_S", "ooh_S", "print_S", "facebook_S", "search_S"]

    /// Options for charts shown two-up in a figure grid.
    static let half = ChartOptions(width: 460)

    static var shares: BarChart {
        BarChart(
            title: "Share of spend vs share of effect", categories: channels,
            series: [.init(name: "Spend share", values: [0.38, 0.12, 0.08, 0.22, 0.20]),
                     .init(name: "Effect share", values: [0.30, 0.05, 0.11, 0.26, 0.28])],
            valueAxis: AxisOptions(title: "Share of total", format: .percent(0)), options: half)
    }

    static let variants = (1...12).map { "adstock_\(["geometric", "weibull_cdf", "weibull_pdf"][$0 % 3])_split\($0)" }

    static func metric(_ v: Int, _ salt: Double) -> Double { 0.5 + 0.4 * sin(Double(v) * 1.3 + salt) * cos(Double(v) * 0.7) }

    static var rsq: BarChart {
        BarChart(
            title: "R² by variant and split", categories: variants,
            series: ["train", "val", "test"].enumerated().map { s, name in
                .init(name: "R² \(name)", values: variants.indices.map { min(0.99, 0.9 - 0.1 * Double(s) + 0.08 * metric($0, Double(s))) })
            },
            orientation: .vertical, valueAxis: AxisOptions(title: "R²", format: .fixed(2), domain: 0...1))
    }

    static var waterfall: WaterfallChart {
        WaterfallChart(title: "Decomposition of revenue", steps: [
            .init(label: "intercept", value: 62_000_000), .init(label: "trend", value: 18_500_000),
            .init(label: "season", value: -4_200_000), .init(label: "holiday", value: 3_100_000),
            .init(label: "competitor_sales_B", value: -9_800_000), .init(label: "tv_S", value: 21_000_000),
            .init(label: "facebook_S", value: 12_400_000), .init(label: "search_S", value: 15_900_000),
            .init(label: "ooh_S", value: 2_600_000), .init(label: "print_S", value: 4_100_000),
        ], valueAxis: AxisOptions(title: "Revenue"))
    }

    static var pareto: ScatterPlot {
        var groups: [ScatterPlot.Group] = (0..<3).map { c in
            ScatterPlot.Group(name: "Cluster \(c + 1)", points: (0..<14).map { k in
                let t = Double(k) / 13
                let x = 0.06 + 0.05 * t + 0.01 * Double(c) + 0.004 * sin(Double(k * 7 + c))
                let y = 0.02 + 0.25 * (1 - t) * (1 - t) + 0.03 * Double(c) + 0.01 * cos(Double(k * 5 + c))
                return .init(x: x, y: y, label: "\(c + 1)_\(k)_\(k % 4 + 1)", highlighted: c == 0 && k == 6)
            })
        }
        let front = [(0.060, 0.27), (0.064, 0.19), (0.068, 0.13), (0.074, 0.085), (0.082, 0.05), (0.094, 0.028), (0.11, 0.02)]
        groups.append(.init(name: "Pareto front", points: front.map { .init(x: $0.0, y: $0.1) }, connected: true, showMarkers: false))
        return ScatterPlot(title: "Pareto front: fit vs decomposition distance", groups: groups,
            xAxis: AxisOptions(title: "NRMSE", format: .fixed(3)), yAxis: AxisOptions(title: "DECOMP.RSSD", format: .fixed(2)))
    }

    static var gaps: ScatterPlot {
        ScatterPlot(title: "R² gaps: train − val vs val − test", groups: [.init(name: "variants", points: (0..<8).map { v in
            .init(x: 0.12 * sin(Double(v) * 2.1), y: 0.1 * cos(Double(v) * 1.3), label: "variant_\(v)")
        })], referenceLines: [.init(axis: .x, value: 0), .init(axis: .y, value: 0)], labels: .all,
            xAxis: AxisOptions(title: "R² train − val", format: .fixed(2)), yAxis: AxisOptions(title: "R² val − test", format: .fixed(2)))
    }

    static var curves: CurvesChart {
        let hill: [(a: Double, k: Double, h: Double, current: Double, optimal: Double)] = [
            (9e6, 2.5e6, 1.6, 2.8e6, 3.6e6), (5e6, 1.2e6, 2.2, 0.9e6, 0.6e6), (7e6, 3.5e6, 1.2, 2.0e6, 2.9e6),
        ]
        let names = ["tv_S", "facebook_S", "search_S"]
        var marks: [CurvesChart.Mark] = []
        let curves = hill.enumerated().map { i, c -> CurvesChart.Curve in
            func y(_ x: Double) -> Double { c.a * pow(x, c.h) / (pow(x, c.h) + pow(c.k, c.h)) }
            marks.append(.init(curve: i, x: c.current, y: y(c.current), kind: .current, label: "\(names[i]) now"))
            marks.append(.init(curve: i, x: c.optimal, y: y(c.optimal), kind: .optimal, label: "\(names[i]) optimal"))
            return .init(name: names[i], points: (0...40).map { k in let x = Double(k) * 150_000; return .init(x: x, y: y(x)) })
        }
        return CurvesChart(title: "Response curves with current and optimal weekly spend", curves: curves, marks: marks,
            xAxis: AxisOptions(title: "Weekly spend", includeZero: true), yAxis: AxisOptions(title: "Weekly response", includeZero: true))
    }

    static let metricNames = ["rsq_train", "rsq_val", "rsq_test", "nrmse_train", "nrmse_val", "nrmse_test", "decomp_rssd", "mape"]

    /// Pearson correlations of synthetic per-variant metrics (a real, symmetric, positive semi-definite matrix).
    static var heatmap: Heatmap {
        let columns = metricNames.indices.map { m in (0..<30).map { v in
            sin(Double(v) * (0.3 + 0.11 * Double(m))) + (m < 3 ? 1 : -1) * 0.6 * sin(Double(v) * 0.3)
        } }
        func r(_ a: [Double], _ b: [Double]) -> Double {
            let ma = a.reduce(0, +) / Double(a.count), mb = b.reduce(0, +) / Double(b.count)
            let cov = zip(a, b).map { ($0 - ma) * ($1 - mb) }.reduce(0, +)
            let va = a.map { ($0 - ma) * ($0 - ma) }.reduce(0, +), vb = b.map { ($0 - mb) * ($0 - mb) }.reduce(0, +)
            return cov / (va * vb).squareRoot()
        }
        return Heatmap(title: "Metric correlations", rowLabels: metricNames, columnLabels: metricNames,
            values: columns.map { a in columns.map { b in r(a, b) } }, domain: -1...1)
    }

    static var ranking: RankingChart {
        RankingChart(title: "DECOMP.RSSD by variant (lower is better)", panels: [
            .init(title: "All variants", items: variants.indices.map { .init(label: variants[$0], value: 0.05 + 0.2 * metric($0, 4)) },
                order: .ascending, valueFormat: .fixed(3)),
        ])
    }

    static var bestModels: RankingChart {
        let items = { (salt: Double) in variants.indices.map { RankingChart.Item(label: variants[$0], value: metric($0, salt)) } }
        return RankingChart(title: "Best models", panels: [
            .init(title: "Highest R² (validation)", items: items(1), order: .descending, limit: 10, valueFormat: .fixed(3)),
            .init(title: "Lowest NRMSE (validation)", items: items(2), order: .ascending, limit: 10, valueFormat: .fixed(3)),
            .init(title: "Lowest DECOMP.RSSD", items: items(3), order: .ascending, limit: 10, valueFormat: .fixed(3)),
            .init(title: "Smallest |R² val − R² test|", items: items(5).map { .init(label: $0.label, value: abs($0.value - 0.5)) },
                order: .ascending, limit: 10, valueFormat: .fixed(3)),
        ], columns: 2)
    }

    static var spend: BarChart {
        BarChart(title: "Current vs optimal weekly spend", categories: channels,
            series: [.init(name: "Current", values: [2.8e6, 0.9e6, 0.4e6, 1.5e6, 2.0e6]),
                     .init(name: "Optimal", values: [3.6e6, 0.6e6, 0.2e6, 1.9e6, 2.3e6])],
            valueAxis: AxisOptions(title: "Weekly spend"), options: half)
    }

    /// Every demo chart, in page order.
    static var all: [any Chart] { [line, waterfall, shares, spend, curves, pareto, gaps, rsq, ranking, bestModels, heatmap] }

    /// Awkward inputs: empty, single point, all equal, non-finite values, long and hostile labels.
    static var edgeCases: [any Chart] {
        let hostile = "<script>alert('x')</script> & \"quoted\" — a very long channel name that will not fit anywhere"
        let o = half
        return [
            LineChart(title: "Empty line chart", dates: [], series: [], options: o),
            LineChart(title: "One point", dates: [start], series: [.init(name: "Actual", values: [42])], options: o),
            BarChart(title: "All equal", categories: ["a", "b", "c"], series: [.init(name: "v", values: [5, 5, 5])], options: o),
            ScatterPlot(title: "With NaN & inf", groups: [.init(name: "g", points: [
                .init(x: 1, y: 2), .init(x: .nan, y: 1), .init(x: 2, y: .infinity), .init(x: 3, y: 4, label: hostile, highlighted: true),
            ])], options: o),
            WaterfallChart(title: "Negative total", steps: [.init(label: hostile, value: -3), .init(label: "b", value: 1)], options: o),
            Heatmap(title: "With gaps", rowLabels: ["a", hostile], columnLabels: ["x", "y"], values: [[1, .nan], [-0.5]], options: o),
            RankingChart(title: "Negative values", panels: [.init(title: hostile, items: [.init(label: "x", value: -0.2),
                .init(label: "y", value: 0.4)], order: .descending)], options: o),
            CurvesChart(title: "One curve, one point", curves: [.init(name: hostile, points: [.init(x: 1, y: 1)])], options: o),
            BarChart(title: "Vertical with negatives", categories: ["a", "b"], series: [.init(name: "v", values: [-2, 3])],
                orientation: .vertical, options: o),
        ]
    }
}
