import MMMCore

/// Builds `model_summary.json` (``ModelSummary``) from a training result.
enum SummaryBuilder {
    static func metrics(_ index: Int, _ result: TrainingResult) -> ModelMetrics {
        let record = result.records[index]
        var m = ModelMetrics(modelId: record.modelId)
        if let r = record.result {
            m.rsqTrain = r.metrics.rsqTrain
            m.rsqVal = r.metrics.rsqVal
            m.rsqTest = r.metrics.rsqTest
            m.nrmseTrain = r.metrics.nrmseTrain
            m.nrmseVal = r.metrics.nrmseVal
            m.nrmseTest = r.metrics.nrmseTest
            m.nrmse = r.metrics.nrmse
            m.decompRssd = r.metrics.decompRSSD
            m.mape = r.metrics.mape
            m.trainSize = r.hyperparameters.trainSize
            m.lambda = r.lambda
        }
        m.paretoFront = result.selection.fronts[index]
        m.cluster = result.selection.clusters[index]
        return m
    }

    static func decomposition(_ result: TrainingResult) -> [VariableContribution] {
        guard let r = result.bestRecord.result else { return [] }
        let roles = Dictionary(uniqueKeysWithValues: result.model.design.regressors.map { ($0.name, $0.role) })
        let conversion = result.model.settings.depVarType == .conversion
        return r.decomposition.map { variable in
            var c = VariableContribution(variable: variable.name, role: .intercept)
            switch roles[variable.name] {
            case .baseline?: c.role = .baseline
            case .context?: c.role = .context
            case .paidMedia(let spendName, _, _)?:
                c.role = .paidMedia
                c.spendColumn = spendName
            case .organic?: c.role = .organic
            case nil: c.role = .intercept
            }
            c.coefficient = variable.coefficient
            c.totalEffect = variable.xDecompAgg
            c.effectPercent = variable.xDecompPerc
            if let media = r.media.first(where: { $0.name == variable.name }) {
                c.meanResponse = media.meanResponse
                c.carryoverShare = media.carryoverPct
                if c.role == .paidMedia {
                    c.effectShare = media.effectShare
                    c.spendShare = media.spendShare
                    c.totalSpend = media.totalSpend
                    c.meanSpend = media.meanSpend
                    if conversion { c.cpa = media.cpaTotal } else { c.roi = media.roiTotal }
                }
            }
            return c
        }
    }

    static func summary(_ result: TrainingResult, runId: String) -> ModelSummary {
        let pareto = result.selection.paretoIndices
        // Results do not depend on threads; it is recorded in run_manifest.json, not in the config echo.
        var config = result.model.config
        config.threads = nil
        var summary = ModelSummary(
            runId: runId, engine: .native, config: config, candidateCount: result.records.count,
            paretoModelCount: pareto.count, paretoModels: pareto.prefix(100).map { metrics($0, result) },
            bestModel: metrics(result.selection.best, result),
            bestModelRule: result.selection.bestModelRule(
                minCandidates: result.minParetoCandidates, validation: result.model.settings.tsValidation),
            decomposition: decomposition(result))
        summary.calibration = CalibrationOutputs.summary(result)
        return summary
    }
}
