import Foundation
import MMMCore

/// `pareto_aggregated.csv` and `all_aggregated.csv`: one row per model and variable (Robyn's `xDecompAgg`).
///
/// Refresh (`…RF`, `…_refresh`) columns equal their initial-model values, as in Robyn for a first model. The
/// response fields are filled for Pareto models only (as Robyn); `boot_mean`, `boot_se`, `ci_low`, `ci_up` are the
/// model's cluster's bootstrap interval for paid channels (``ClusterBootstrap``).
enum AggregatedTable {
    static let header =
        [
            "rn", "coef", "xDecompAgg", "xDecompPerc", "xDecompMeanNon0", "xDecompMeanNon0Perc", "xDecompAggRF",
            "xDecompPercRF", "xDecompMeanNon0RF", "xDecompMeanNon0PercRF", "pos", "spend_share", "spend_share_refresh",
            "mean_spend", "total_spend", "mean_exposure", "mean_exposure_refresh", "effect_share",
            "effect_share_refresh", "train_size",
        ] + ModelColumns.metricHeader + ModelColumns.idHeader
        + [
            "iterations", "robynPareto", "mean_response", "mean_spend_adstocked", "mean_carryover", "roi_mean",
            "roi_total", "cpa_mean", "cpa_total", "cluster", "top_sol", "boot_mean", "boot_se", "ci_low", "ci_up",
            "carryover_pct",
        ]

    /// Writes rows for the given record indices, rendering groups of models on `threads` threads and emitting them in
    /// order (the bytes do not depend on the thread count).
    static func write(
        _ result: TrainingResult, indices: [Int], threads: Int = 1, emit: @escaping ([UInt8]) throws -> Void
    ) throws {
        try emit(RobynCSV(header: Self.header).bytes)
        let groupSize = 250
        let groups = stride(from: 0, to: indices.count, by: groupSize).map { Array(indices[$0..<min($0 + groupSize, indices.count)]) }
        var next = 0
        while next < groups.count {
            let wave = Array(groups[next..<min(next + max(1, threads) * 2, groups.count)])
            let rendered = Locked([Int: [UInt8]]())
            let failure = Locked<(any Error)?>(nil)
            DispatchQueue.concurrentPerform(iterations: wave.count) { w in
                do {
                    // One buffer per group, handed over without copying.
                    var chunk: [UInt8] = []
                    try rows(result, indices: wave[w]) { if chunk.isEmpty { chunk = $0 } else { chunk += $0 } }
                    rendered.withLock { $0[w] = chunk }
                } catch {
                    failure.withLock { $0 = error }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
            for w in wave.indices { try emit(rendered.withLock { $0[w] ?? [] }) }
            next += wave.count
        }
    }

    /// The rows (without header) of some records.
    private static func rows(_ result: TrainingResult, indices: [Int], emit: @escaping ([UInt8]) throws -> Void) throws {
        var table = RobynCSV(header: header, sink: emit)
        table.dropHeader()
        let onPareto = Set(result.selection.paretoIndices)
        let blockCells = 1 + ModelColumns.metricHeader.count + ModelColumns.idHeader.count + 2
        for index in indices {
            let record = result.records[index]
            guard let r = record.result else { continue }
            // The model block repeats on every variable row: render it once.
            let block = RobynCSV.render(
                [.number(r.hyperparameters.trainSize)] + ModelColumns.metrics(r) + ModelColumns.id(record)
                    + [.integer(record.iteration), .integer(result.selection.fronts[index])])
            let cluster = ModelColumns.cluster(index, result.selection)
            let isPareto = onPareto.contains(index)
            for variable in r.decomposition {
                let media = r.media.first { $0.name == variable.name }
                let exposure = media == nil ? nil : result.model.meanExposure[variable.name]
                let response = isPareto ? media : nil
                table.text(variable.name)
                table.number(variable.coefficient)
                for _ in 0..<2 {
                    table.number(variable.xDecompAgg)
                    table.number(variable.xDecompPerc)
                    table.number(variable.xDecompMeanNon0)
                    table.number(variable.xDecompMeanNon0Perc)
                }
                table.bool(variable.positive)
                table.number(media?.spendShare)
                table.number(media?.spendShare)
                table.number(media?.meanSpend)
                table.number(media?.totalSpend)
                table.number(exposure)
                table.number(exposure)
                table.number(media?.effectShare)
                table.number(media?.effectShare)
                table.raw(block, cells: blockCells)
                table.number(response?.meanResponse)
                table.number(response?.meanSpendAdstocked)
                table.number(response?.meanCarryover)
                table.number(media?.roiMean)
                table.number(media?.roiTotal)
                table.number(media?.cpaMean)
                table.number(media?.cpaTotal)
                cluster.forEach { table.cell($0) }
                let interval = isPareto
                    ? result.selection.clusters[index].flatMap { result.bootstrap.intervals[$0]?[variable.name] } : nil
                table.number(interval?.mean)
                table.number(interval?.standardError)
                table.number(interval?.low)
                table.number(interval?.high)
                table.number(response?.carryoverPct)
                try table.endRow()
            }
        }
        try table.finish()
    }
}
