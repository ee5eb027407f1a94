import Foundation
import MMMCore

/// Compares a model's effects with a simulation's truth (docs/simulation.md, "Evaluating a run").
package enum RecoveryEvaluator {
    /// Builds the report.
    /// - Parameters:
    ///   - summary: the run's `model_summary.json` (the chosen model's decomposition, the calibration studies).
    ///   - contributions: the chosen model's per-row contribution by variable, keyed by date (window rows).
    ///   - truth: the simulation's truth.
    ///   - mainShare: the spend share from which a paid channel counts as main.
    /// - Returns: the report.
    package static func report(
        summary: ModelSummary, contributions: [String: [CalendarDate: Double]], truth: Truth, mainShare: Double
    ) -> RecoveryReport {
        let decomposition = Dictionary(summary.decomposition.map { ($0.variable, $0) }, uniquingKeysWith: { a, _ in a })
        let calibrated = Set(
            (summary.calibration?.studies ?? []).flatMap { study in
                study.channel.split(separator: "+").map { summary.config.modelledName(ofChannel: String($0).trimmingCharacters(in: .whitespaces)) }
            })
        let paid = truth.paidChannels
        let spendTotal = paid.reduce(0.0) { $0 + ($1.totalSpend ?? 0) }
        let windowRows = truth.rows.dates.indices.filter {
            truth.rows.dates[$0] >= truth.windowStart && truth.rows.dates[$0] <= truth.windowEnd
        }
        var rows: [RecoveryReport.Channel] = []
        for channel in truth.channels {
            let isPaid = channel.spendColumn != nil
            let spendShare = isPaid && spendTotal > 0 ? (channel.totalSpend ?? 0) / spendTotal : nil
            var row = RecoveryReport.Channel(
                variable: channel.variable, spendColumn: channel.spendColumn, placebo: channel.placebo,
                calibrated: calibrated.contains(channel.variable),
                main: isPaid && !channel.placebo && (spendShare ?? 0) >= mainShare)
            row.spendShare = spendShare
            let model = decomposition[channel.variable]
            if isPaid {
                row.roiTrue = channel.roi
                row.effectShareTrue = channel.effectShare
                if let effect = model?.totalEffect, let spend = model?.totalSpend, spend > 0 { row.roiModel = effect / spend }
                row.effectShareModel = model?.effectShare
                row.roiError = difference(row.roiModel, row.roiTrue)
                row.effectShareError = difference(row.effectShareModel, row.effectShareTrue)
            }
            if let modelSeries = contributions[channel.variable], let trueSeries = truth.rows.contributions[channel.variable] {
                let pairs = windowRows.compactMap { t in modelSeries[truth.rows.dates[t]].map { ($0, trueSeries[t]) } }
                row.contributionCorrelation = pairs.count == windowRows.count ? pearson(pairs) : nil
            }
            rows.append(row)
        }
        var report = RecoveryReport(
            runId: summary.runId, modelId: summary.bestModel.modelId, mainShareThreshold: mainShare, channels: rows)
        let real = rows.filter { $0.spendColumn != nil && !$0.placebo }
        report.roiMAE = meanAbsolute(real.map(\.roiError))
        report.roiMAEMain = meanAbsolute(real.filter(\.main).map(\.roiError))
        if summary.calibration != nil {
            let main = real.filter(\.main)
            report.roiMAECalibrated = meanAbsolute(main.filter(\.calibrated).map(\.roiError))
            report.roiMAEUncalibrated = meanAbsolute(main.filter { !$0.calibrated }.map(\.roiError))
        }
        report.effectShareMAE = meanAbsolute(rows.filter { $0.spendColumn != nil }.map(\.effectShareError))
        let placebos = rows.filter(\.placebo)
        if !placebos.isEmpty { report.placeboShare = placebos.reduce(0.0) { $0 + ($1.effectShareModel ?? .nan) } }
        return report
    }

    static func difference(_ model: Double?, _ truth: Double?) -> Double? {
        guard let model, let truth else { return nil }
        return model - truth
    }

    /// Mean of |x| over the finite values; nil when there is none.
    static func meanAbsolute(_ values: [Double?]) -> Double? {
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        return finite.isEmpty ? nil : finite.reduce(0) { $0 + abs($1) } / Double(finite.count)
    }

    /// Pearson correlation; nil when either side is constant.
    static func pearson(_ pairs: [(Double, Double)]) -> Double? {
        let n = Double(pairs.count)
        guard n > 1 else { return nil }
        let mx = pairs.reduce(0) { $0 + $1.0 } / n
        let my = pairs.reduce(0) { $0 + $1.1 } / n
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

extension TrainingResult {
    /// The chosen model's per-row contribution of each regressor over the window, keyed by date.
    package var bestContributions: [String: [CalendarDate: Double]] {
        guard let details = details[selection.best] else { return [:] }
        let dates = Array(model.windowDates)
        var byName: [String: [CalendarDate: Double]] = [:]
        for series in details.decomposition {
            byName[series.name] = Dictionary(zip(dates, series.values), uniquingKeysWith: { a, _ in a })
        }
        return byName
    }
}
