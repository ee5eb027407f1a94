import MMMCore
import MMMEngine

extension ModelView {
    /// Reads one Pareto model of a run.
    /// - Parameters:
    ///   - modelId: the model's `solID`.
    ///   - run: the run folder's contents (needs `model_summary.json` for the configuration and roles).
    /// - Returns: nil when the run has no summary or the model is not among its Pareto models.
    /// - Throws: ``DataError`` when a table lacks a column it must have.
    static func read(_ modelId: String, from run: RunContents) throws -> ModelView? {
        guard let summary = run.summary else { return nil }
        let hyperRow = try run.hyperparameters.flatMap { try $0.rows(ofModel: modelId).first }
        let metrics: ModelMetrics
        if let table = run.hyperparameters, let row = hyperRow {
            metrics = try Self.metrics(table, row: row, modelId: modelId)
        } else if let known = ([summary.bestModel] + summary.paretoModels).first(where: { $0.modelId == modelId }) {
            metrics = known
        } else {
            return nil
        }
        var gaps: [String] = []
        var dates: [CalendarDate] = [], actual: [Double] = [], fitted: [Double] = []
        if let table = run.decomposition {
            let rows = try table.rows(ofModel: modelId)
            let ds = try table.dates("ds"), dep = try table.numbers("dep_var"), hat = try table.numbers("depVarHat")
            for r in rows {
                guard let d = ds[r], let a = dep[r], let f = hat[r] else { continue }
                dates.append(d)
                actual.append(a)
                fitted.append(f)
            }
        } else {
            gaps.append("pareto_alldecomp_matrix.csv is missing: no fit over time and no residuals.")
        }
        let roles = Dictionary(summary.decomposition.map { ($0.variable, $0.role) }, uniquingKeysWith: { a, _ in a })
        let contributions = try Self.contributions(run, modelId: modelId, summary: summary, roles: roles, gaps: &gaps)
        let (channels, curveRange) = try Self.channels(run, modelId: modelId, hyperRow: hyperRow, summary: summary, gaps: &gaps)
        let carryover = try Self.carryover(run, hyperRow: hyperRow, summary: summary, gaps: &gaps)
        return ModelView(
            modelId: modelId, metrics: metrics, depVar: summary.config.depVar, depVarType: summary.config.depVarType,
            adstock: summary.config.adstock, periodName: Self.periodName(run.preparation?.cadence), dates: dates,
            actual: actual, fitted: fitted, split: split(rows: dates.count, trainSize: metrics.trainSize),
            contributions: contributions, channels: channels, curveRange: curveRange, carryover: carryover, gaps: gaps)
    }

    /// Robyn's split of the window rows; no split without rows or without a training share below 1.
    private static func split(rows: Int, trainSize: Double?) -> TimeSeriesSplit {
        guard rows > 0, let trainSize, trainSize > 0, trainSize < 1 else { return TimeSeriesSplit(count: rows, trainSize: 1) }
        return TimeSeriesSplit(count: rows, trainSize: trainSize)
    }

    /// A model's metrics from its `pareto_hyperparameters.csv` row.
    static func metrics(_ table: RunTable, row: Int, modelId: String) throws -> ModelMetrics {
        func value(_ column: String) throws -> Double? { table.has(column) ? try table.numbers(column)[row] : nil }
        var m = ModelMetrics(modelId: modelId)
        m.rsqTrain = try value("rsq_train")
        m.rsqVal = try value("rsq_val")
        m.rsqTest = try value("rsq_test")
        m.nrmseTrain = try value("nrmse_train")
        m.nrmseVal = try value("nrmse_val")
        m.nrmseTest = try value("nrmse_test")
        m.nrmse = try value("nrmse")
        m.decompRssd = try value("decomp.rssd")
        m.mape = try value("mape")
        m.trainSize = try value("train_size")
        m.lambda = try value("lambda")
        m.paretoFront = try value("robynPareto").map { Int($0) }
        m.cluster = try value("cluster").map { Int($0) }
        return m
    }

    private static func contributions(
        _ run: RunContents, modelId: String, summary: ModelSummary, roles: [String: VariableContribution.Role],
        gaps: inout [String]
    ) throws -> [Contribution] {
        let isConversion = summary.config.depVarType == .conversion
        guard let table = run.aggregated else {
            guard modelId == summary.bestModel.modelId else {
                gaps.append("pareto_aggregated.csv is missing: no decomposition.")
                return []
            }
            // The summary holds the best model's decomposition.
            return summary.decomposition.map { c in
                Contribution(
                    variable: c.variable, role: c.role, totalEffect: c.totalEffect ?? 0, effectPercent: c.effectPercent,
                    effectShare: c.effectShare, spendShare: c.spendShare, efficiency: isConversion ? c.cpa : c.roi)
            }
        }
        let rows = try table.rows(ofModel: modelId)
        let names = try table.texts("rn"), effect = try table.numbers("xDecompAgg"), percent = try table.numbers("xDecompPerc")
        let effectShare = try table.numbers("effect_share"), spendShare = try table.numbers("spend_share")
        let efficiency = try table.numbers(isConversion ? "cpa_total" : "roi_total")
        return rows.compactMap { r in
            guard let name = names[r] else { return nil }
            return Contribution(
                variable: name, role: roles[name] ?? (name == "(Intercept)" ? .intercept : .context),
                totalEffect: effect[r] ?? 0, effectPercent: percent[r], effectShare: effectShare[r],
                spendShare: spendShare[r], efficiency: efficiency[r])
        }
    }

    /// The paid channels' curves, from the most specific source the run has: the model's allocation (curves over its
    /// date range, today's and the recommended spend), else `model.json` (derived for another Pareto model), else the
    /// Pareto tables. All three hold the same parameters; the engine's `ResponseCurve` evaluates them.
    private static func channels(
        _ run: RunContents, modelId: String, hyperRow: Int?, summary: ModelSummary, gaps: inout [String]
    ) throws -> ([Channel], String?) {
        if let allocation = run.allocation, allocation.modelId == modelId {
            let channels = allocation.channels.map { c in
                Channel(
                    name: c.channel,
                    curve: ResponseCurve(coefficient: c.coefficient, alpha: c.alpha, inflexion: c.inflexion, carryoverMean: c.carryoverMean),
                    currentSpend: c.initialSpend, optimalSpend: c.bounded.spend)
            }
            return (channels, "\(allocation.dateStart) to \(allocation.dateEnd)")
        }
        if let base = run.modelFile, let file = modelFile(base, modelId: modelId, run: run) {
            let channels = file.paidMedia.map { m in
                Channel(
                    name: m.name,
                    curve: ResponseCurve(coefficient: m.coefficient, alpha: m.alpha, inflexion: m.inflexion, carryoverMean: m.windowMeanCarryover),
                    currentSpend: m.windowMean)
            }
            return (channels, nil)
        }
        return (try tableChannels(run, modelId: modelId, hyperRow: hyperRow, summary: summary, gaps: &gaps), nil)
    }

    /// `model.json`, or the file derived from it for another Pareto model (nil when that fails).
    private static func modelFile(_ base: ModelFile, modelId: String, run: RunContents) -> ModelFile? {
        if base.modelId == modelId { return base }
        guard let hyper = run.hyperparameters?.table, let aggregated = run.aggregated?.table else { return nil }
        return try? RunModelFile.derive(base: base, modelId: modelId, hyperparameters: hyper, aggregated: aggregated)
    }

    private static func tableChannels(
        _ run: RunContents, modelId: String, hyperRow: Int?, summary: ModelSummary, gaps: inout [String]
    ) throws -> [Channel] {
        guard let hyper = run.hyperparameters, let hyperRow, let aggregated = run.aggregated else {
            gaps.append("pareto_hyperparameters.csv or pareto_aggregated.csv is missing: no response curves.")
            return []
        }
        let rows = try aggregated.rows(ofModel: modelId)
        let names = try aggregated.texts("rn"), coef = try aggregated.numbers("coef")
        let meanSpend = try aggregated.numbers("mean_spend"), carry = try aggregated.numbers("mean_carryover")
        var channels: [Channel] = []
        for pair in summary.config.paidMedia {
            let name = pair.variable
            guard let r = rows.first(where: { names[$0] == name }), let c = coef[r], let spend = meanSpend[r],
                let alpha = try hyper.numbers("\(name)_alphas")[hyperRow],
                let inflexion = try hyper.numbers("\(name)_inflexion")[hyperRow]
            else {
                gaps.append("\(name): no response curve (its coefficient, Hill parameters or mean spend are missing).")
                continue
            }
            let curve = ResponseCurve(coefficient: c, alpha: alpha, inflexion: inflexion, carryoverMean: carry[r] ?? 0)
            channels.append(Channel(name: name, curve: curve, currentSpend: spend))
        }
        return channels
    }

    private static func carryover(
        _ run: RunContents, hyperRow: Int?, summary: ModelSummary, gaps: inout [String]
    ) throws -> [Carryover] {
        guard let hyper = run.hyperparameters, let hyperRow else { return [] }
        // Robyn's Weibull kernel is as long as the modelling table (warm-up and later rows included).
        let length = max(run.preparation?.outputRows ?? 0, run.preparation?.window?.rows ?? 0, 2)
        let adstock = summary.config.adstock
        var result: [Carryover] = []
        for name in summary.config.paidMedia.map(\.variable) + summary.config.organicVars {
            func value(_ suffix: String) throws -> Double? {
                hyper.has("\(name)_\(suffix)") ? try hyper.numbers("\(name)_\(suffix)")[hyperRow] : nil
            }
            let parameters: AdstockParameters
            let words: String
            if adstock == .geometric {
                guard let theta = try value("thetas") else { continue }
                parameters = .geometric(theta: theta)
                words = "θ \(ReportFormat.parameter(theta))"
            } else {
                guard let shape = try value("shapes"), let scale = try value("scales") else { continue }
                parameters = .weibull(shape: shape, scale: scale)
                words = "shape \(ReportFormat.parameter(shape)), scale \(ReportFormat.parameter(scale))"
            }
            var impulse = [Double](repeating: 0, count: length)
            impulse[0] = 1
            guard let output = try? Adstock.transform(impulse, type: adstock, parameters: parameters) else {
                gaps.append("\(name): adstock parameters do not fit \(adstock.rawValue).")
                continue
            }
            result.append(Carryover(name: name, weights: output.decayed, parameters: words))
        }
        return result
    }

    /// `weeks`, `days` or `months` for axis titles.
    static func periodName(_ cadence: String?) -> String {
        switch cadence {
        case "daily": return "days"
        case "monthly": return "months"
        case "weekly": return "weeks"
        default: return "periods"
        }
    }
}
