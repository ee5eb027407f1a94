import Foundation
import MMMCore
import MMMEngine

/// `mmm-bench recovery --diagnose`: for one search, how each selection criterion relates to the ROI error — the rank
/// correlation of NRMSE, DECOMP.RSSD and MAPE.LIFT with the main channels' ROI MAE over the candidates, and the ROI MAE
/// of the candidates each criterion ranks best. This is the evidence behind the calibrated selection rule.
enum RecoveryDiagnostics {
    static func report(_ result: TrainingResult, truth: Truth, label: String) {
        let scored = result.records.indices.compactMap { index -> (Int, CandidateMetrics, Double)? in
            guard let metrics = result.records[index].result?.metrics,
                let error = RecoveryBenchmark.evaluate(result, index: index, truth: truth).main,
                metrics.nrmse.isFinite, metrics.decompRSSD.isFinite, metrics.mape.isFinite
            else { return nil }
            return (index, metrics, error)
        }
        guard scored.count > 10 else { return }
        let errors = scored.map(\.2)
        func rank(_ values: [Double]) -> [Double] {
            let order = values.indices.sorted { values[$0] < values[$1] }
            var ranks = [Double](repeating: 0, count: values.count)
            for (r, i) in order.enumerated() { ranks[i] = Double(r) }
            return ranks
        }
        func spearman(_ values: [Double]) -> Double {
            let a = rank(values)
            let b = rank(errors)
            let n = Double(a.count)
            let ma = a.reduce(0, +) / n
            let mb = b.reduce(0, +) / n
            let cov = zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) }
            let va = a.reduce(0) { $0 + ($1 - ma) * ($1 - ma) }
            let vb = b.reduce(0) { $0 + ($1 - mb) * ($1 - mb) }
            return cov / (va * vb).squareRoot()
        }
        func topMean(_ values: [Double], share: Double = 0.02) -> Double {
            let count = max(1, Int(Double(values.count) * share))
            let best = values.indices.sorted { values[$0] < values[$1] }.prefix(count)
            return best.reduce(0) { $0 + errors[$1] } / Double(count)
        }
        let nrmse = scored.map(\.1.nrmse)
        let rssd = scored.map(\.1.decompRSSD)
        let mape = scored.map(\.1.mape)
        let pareto = Set(result.selection.paretoIndices)
        let paretoErrors = scored.filter { pareto.contains($0.0) }.map(\.2)
        let f = RecoveryBenchmark.f
        print(
            "  \(label): \(scored.count) candidates; ROI MAE min \(f(errors.min())), median \(f(errors.sorted()[errors.count / 2])); "
                + "Spearman with ROI MAE: NRMSE \(f(spearman(nrmse))), DECOMP.RSSD \(f(spearman(rssd))), MAPE.LIFT \(f(spearman(mape))); "
                + "mean ROI MAE of the best 2 % by NRMSE \(f(topMean(nrmse))), by DECOMP.RSSD \(f(topMean(rssd))), by MAPE.LIFT \(f(topMean(mape))); "
                + "Pareto set (\(paretoErrors.count)) min \(f(paretoErrors.min())), mean \(f(paretoErrors.isEmpty ? nil : paretoErrors.reduce(0, +) / Double(paretoErrors.count)))")
    }
}
