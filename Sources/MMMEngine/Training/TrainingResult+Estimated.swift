import MMMCore

extension TrainingResult {
    /// A one-model result for a model estimated outside the search (``EstimatedModel``): one candidate `1_1_1`,
    /// alone on Pareto front 1 and in cluster 1, chosen as the best model. The writers then produce the same run
    /// folder as for a native search: Robyn's tables with that model's rows, `model_summary.json`, `model.json`.
    ///
    /// Fit metrics are computed on the whole window (no validation split: `train_size` 1); λ is NA (no ridge
    /// penalty). The `boot_*` / `ci_*` columns hold the estimate's intervals.
    /// - Parameters:
    ///   - estimate: the model's parameters and per-row contributions.
    ///   - model: the prepared model the estimate was made on.
    /// - Returns: the result.
    /// - Throws: ``EngineError`` when the estimate does not match the design, ``ConfigError`` for bad bounds.
    package static func estimated(_ estimate: EstimatedModel, model: PreparedModel) throws -> TrainingResult {
        let design = model.design
        let window = design.window
        let regressors = design.regressors
        guard estimate.coefficients.count == regressors.count, estimate.contributions.count == regressors.count,
            estimate.contributions.allSatisfy({ $0.count == window.count }), estimate.media.count == design.mediaNames.count
        else {
            throw EngineError(.lengthMismatch, "The estimate does not match the design's regressors and window.")
        }
        let hyperparameters = CandidateHyperparameters(media: estimate.media, lambda: .fixed(.nan), trainSize: 1)
        let evaluation = try EstimatedEvaluation(estimate, model: model)
        let space = try SearchSpace(
            mediaNames: design.mediaNames, channelBounds: try model.config.resolvedHyperparameterBounds(),
            adstock: model.settings.adstock, trainSize: .fixed(1))
        let values = space.names.map { name -> Double in
            if name == "lambda" { return .nan }
            if name == "train_size" { return 1 }
            guard let slot = design.mediaNames.firstIndex(where: { name.hasPrefix($0 + "_") }),
                let kind = HyperparameterKind(rawValue: String(name.dropFirst(design.mediaNames[slot].count + 1)))
            else { return .nan }
            let media = estimate.media[slot]
            switch (kind, media.adstock) {
            case (.alphas, _): return media.alpha
            case (.gammas, _): return media.gamma
            case (.thetas, .geometric(let theta)): return theta
            case (.shapes, .weibull(let shape, _)): return shape
            case (.scales, .weibull(_, let scale)): return scale
            default: return .nan
            }
        }
        let result = evaluation.result(hyperparameters: hyperparameters)
        let record = CandidateRecord(trial: 1, batch: 1, position: 1, iteration: 1, values: values, result: result)
        let selection = ParetoSelection(
            fronts: [1], keptFronts: 1, paretoIndices: [0], clusters: [0: 1], errorScores: [0: 0], clusterWinners: [0],
            best: 0, clusterCount: 1, clusterWSS: [0], notes: [])
        let details = CandidateDetails(
            result: result, windowRows: window, actual: Array(design.dependent[window]), decomposition: evaluation.series,
            fitted: evaluation.fitted, media: evaluation.mediaSeries)
        var intervals: [String: ClusterBootstrap.Interval] = [:]
        for (name, interval) in estimate.intervals {
            intervals[name] = .init(mean: interval.mean, standardError: interval.sd, low: interval.low, high: interval.high)
        }
        var training = TrainingResult(
            model: model, space: space, lambdaRange: design.lambdaRange, records: [record], selection: selection,
            details: [0: details], bootstrap: ClusterBootstrap(intervals: [1: intervals]), timings: [])
        training.minParetoCandidates = 1
        return training
    }
}

/// The per-row series, decomposition rows and media outcomes of an ``EstimatedModel``.
private struct EstimatedEvaluation {
    var series: [WindowSeries]
    var fitted: [Double]
    var mediaSeries: [MediaSeries]
    var decomposition: [VariableDecomposition]
    var coefficients: [Double]
    var media: [MediaOutcome]
    var metrics: CandidateMetrics
    let intercept: Double
    let regressorNames: [String]

    init(_ estimate: EstimatedModel, model: PreparedModel) throws {
        let design = model.design
        let window = design.window
        let rows = window.count
        intercept = estimate.intercept
        regressorNames = design.regressorNames
        coefficients = estimate.coefficients
        series = [WindowSeries(name: "(Intercept)", values: Array(repeating: estimate.intercept, count: rows))]
        fitted = series[0].values
        for (j, regressor) in design.regressors.enumerated() {
            series.append(WindowSeries(name: regressor.name, values: estimate.contributions[j]))
            for t in 0..<rows { fitted[t] += estimate.contributions[j][t] }
        }
        decomposition = Self.decompose(series)
        // Media: the curve at the point values, its coefficient matched to the contribution total.
        let mediaColumns = design.regressors.indices.filter { design.regressors[$0].role.isMedia }
        mediaSeries = []
        var outcomes: [MediaOutcome] = []
        for (slot, column) in mediaColumns.enumerated() {
            let hyper = estimate.media[slot]
            let raw = design.regressors[column].values
            let adstock = try Adstock.transform(raw, type: model.settings.adstock, parameters: hyper.adstock)
            let (saturated, inflexion) = HillSaturation.saturate(Array(adstock.decayed[window]), alpha: hyper.alpha, gamma: hyper.gamma)
            let carry = HillSaturation.saturate(Array(adstock.carryover[window]), alpha: hyper.alpha, inflexion: inflexion)
                .map { $0.isNaN ? 0 : $0 }
            let total = estimate.contributions[column].reduce(0, +)
            let saturatedTotal = saturated.reduce(0, +)
            let b = saturatedTotal > 0 ? total / saturatedTotal : 0
            coefficients[column] = b
            let immediate = zip(saturated, carry).map { $0 - $1 }
            mediaSeries.append(
                MediaSeries(
                    name: design.regressors[column].name, weights: adstock.weights, adstocked: adstock.decayed,
                    immediate: adstock.immediate, carryover: adstock.carryover, saturatedTotal: saturated,
                    saturatedCarryover: carry, saturatedImmediate: immediate,
                    immediateDecomposition: immediate.map { b * $0 }, carryoverDecomposition: carry.map { b * $0 }))
            let carrySum = carry.reduce(0) { $0 + b * $1 }
            var outcome = MediaOutcome(
                name: design.regressors[column].name, spendName: nil, inflexion: inflexion,
                inflation: adstock.inflationTotal, coefficient: b, meanResponse: total / Double(rows),
                meanSpendAdstocked: adstock.decayed[window].reduce(0, +) / Double(rows),
                meanCarryover: adstock.carryover[window].reduce(0, +) / Double(rows),
                carryoverPct: carrySum / total, responseTotalSum: total, responseCarryoverSum: carrySum,
                responseImmediateSum: immediate.reduce(0) { $0 + b * $1 })
            if case .paidMedia(let spendName, let spend, _) = design.regressors[column].role {
                outcome.spendName = spendName
                outcome.totalSpend = spend[window].reduce(0, +)
            }
            outcomes.append(outcome)
        }
        for j in coefficients.indices { decomposition[j + 1].coefficient = coefficients[j] }
        let paid = outcomes.indices.filter { outcomes[$0].spendName != nil }
        let rssd = DecompRSSD(
            effects: paid.map { outcomes[$0].responseTotalSum }, spends: paid.map { outcomes[$0].totalSpend ?? 0 },
            zeroPenalty: model.settings.rssdZeroPenalty)
        let spendTotal = paid.reduce(0) { $0 + (outcomes[$1].totalSpend ?? 0) }
        for (position, slot) in paid.enumerated() {
            let total = outcomes[slot].totalSpend ?? 0
            let response = outcomes[slot].responseTotalSum
            outcomes[slot].meanSpend = total / Double(rows)
            outcomes[slot].spendShare = total / spendTotal
            outcomes[slot].effectShare = rssd.effectShare[position]
            outcomes[slot].roiTotal = response / total
            outcomes[slot].roiMean = (response / Double(rows)) / (total / Double(rows))
            outcomes[slot].cpaTotal = total / response
            outcomes[slot].cpaMean = (total / Double(rows)) / (response / Double(rows))
        }
        media = outcomes
        let actual = Array(design.dependent[window])
        let nrmse = FitMetrics.nrmse(actual: actual, predicted: fitted)
        metrics = CandidateMetrics(
            rsqTrain: FitMetrics.adjustedRSquared(
                actual: actual, predicted: fitted, parameterCount: design.regressors.count, dfInt: 1),
            rsqVal: nil, rsqTest: nil, nrmseTrain: nrmse, nrmseVal: nil, nrmseTest: nil, nrmse: nrmse,
            decompRSSD: rssd.value, decompRSSDWithoutPenalty: rssd.withoutPenalty, shareZeroEffect: rssd.shareZeroEffect,
            mape: 0)
    }

    /// Robyn's `xDecompAgg` rows from per-row series (the non-zero mean quirk included, as the evaluator has it).
    static func decompose(_ series: [WindowSeries]) -> [VariableDecomposition] {
        let rows = series.enumerated().map { index, part -> VariableDecomposition in
            let total = part.values.reduce(0, +)
            let nonZero = part.values.filter { $0 != 0 }
            let meanNon0 = index == 0
                ? Swift.max(part.values.first ?? 0, 0)
                : (part.values.contains { $0 > 0 } ? nonZero.reduce(0, +) / Double(nonZero.count) : 0)
            return VariableDecomposition(
                name: part.name, coefficient: index == 0 ? (part.values.first ?? 0) : 0, xDecompAgg: total,
                xDecompPerc: 0, xDecompMeanNon0: meanNon0, xDecompMeanNon0Perc: 0, positive: total >= 0)
        }
        return rows.withShares()
    }

    func result(hyperparameters: CandidateHyperparameters) -> CandidateResult {
        let rows = decomposition
        let paidColumns = media.filter { $0.spendName != nil }.map(\.coefficient)
        return CandidateResult(
            hyperparameters: hyperparameters, lambda: .nan, lambdaHP: nil, lambdaMax: .nan, lambdaMinRatio: .nan,
            split: TimeSeriesSplit(count: fitted.count, trainSize: 1), regressorNames: regressorNames,
            intercept: intercept, coefficients: coefficients, dfInt: 1, interceptDropped: false,
            lowerLimits: coefficients.map { _ in -.infinity }, upperLimits: coefficients.map { _ in .infinity },
            metrics: metrics, decomposition: rows, allPositive: rows.allSatisfy(\.positive),
            hasZeroPaidCoefficient: paidColumns.contains(0), media: media, yPred: fitted)
    }
}
