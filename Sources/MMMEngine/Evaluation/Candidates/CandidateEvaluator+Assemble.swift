extension CandidateEvaluator {
    /// Metrics, decomposition (`model_decomp`), DECOMP.RSSD and per-media fields from the fitted workspace.
    func assemble(
        hyperparameters: CandidateHyperparameters, split: TimeSeriesSplit, lambda: Double, lambdaHP: Double?,
        fit: InterceptOutcome, _ ws: EvaluationWorkspace
    ) -> CandidateResult {
        let coefficients = Array(ws.coefficients)
        let decomposition = decompose(intercept: fit.intercept, coefficients: coefficients, ws)
        let paidEffects = paidSlots.map { decomposition[mediaColumns[$0] + 1].xDecompPerc }
        let rssd = DecompRSSD(
            effects: paidEffects, spends: paidSlots.map { totalSpend[$0] }, zeroPenalty: settings.rssdZeroPenalty)
        let metrics = computeMetrics(split: split, dfInt: fit.dfInt, rssd: rssd, ws)
        let media = mediaOutcomes(decomposition: decomposition, coefficients: coefficients, rssd: rssd, ws)
        return CandidateResult(
            hyperparameters: hyperparameters, lambda: lambda, lambdaHP: lambdaHP, lambdaMax: lambdaRange.lambdaMax,
            lambdaMinRatio: LambdaRange.minRatio, split: split, regressorNames: regressorNames,
            intercept: fit.intercept, coefficients: coefficients, dfInt: fit.dfInt, interceptDropped: fit.dropped,
            lowerLimits: Array(ws.lower), upperLimits: Array(ws.upper), metrics: metrics,
            decomposition: decomposition, allPositive: decomposition.allSatisfy(\.positive),
            hasZeroPaidCoefficient: paidSlots.contains { coefficients[mediaColumns[$0]] == 0 },
            media: media, yPred: Array(ws.yPred))
    }

    /// NRMSE and adjusted R² per split (p = every column; n_train for validation and test).
    func computeMetrics(split: TimeSeriesSplit, dfInt: Int, rssd: DecompRSSD, _ ws: EvaluationWorkspace)
        -> CandidateMetrics
    {
        yWindow.withUnsafeBufferPointer { y in
            let yHat = UnsafeBufferPointer(ws.yPred)
            func rsq(_ rows: Range<Int>) -> Double {
                FitMetrics.adjustedRSquared(
                    y, yHat, rows, parameterCount: columnCount, dfInt: dfInt, trainCount: split.trainEnd)
            }
            let nrmseTrain = FitMetrics.nrmse(y, yHat, split.train)
            let nrmseVal = split.hasValidation ? FitMetrics.nrmse(y, yHat, split.validation) : nil
            let objective = settings.tsValidation ? (nrmseVal ?? .nan) : nrmseTrain
            return CandidateMetrics(
                rsqTrain: rsq(split.train), rsqVal: split.hasValidation ? rsq(split.validation) : nil,
                rsqTest: split.hasValidation ? rsq(split.test) : nil, nrmseTrain: nrmseTrain, nrmseVal: nrmseVal,
                nrmseTest: split.hasValidation ? FitMetrics.nrmse(y, yHat, split.test) : nil, nrmse: objective,
                decompRSSD: rssd.value, decompRSSDWithoutPenalty: rssd.withoutPenalty,
                shareZeroEffect: rssd.shareZeroEffect, mape: 0)
        }
    }

    /// Robyn's `xDecompAgg` over the whole window: intercept first, then every regressor.
    func decompose(intercept: Double, coefficients: [Double], _ ws: EvaluationWorkspace) -> [VariableDecomposition] {
        var rows: [VariableDecomposition] = []
        rows.reserveCapacity(columnCount + 1)
        let count = Double(windowLength)
        rows.append(
            VariableDecomposition(
                name: "(Intercept)", coefficient: intercept, xDecompAgg: intercept * count, xDecompPerc: 0,
                xDecompMeanNon0: intercept > 0 ? intercept : 0, xDecompMeanNon0Perc: 0, positive: intercept >= 0))
        for j in 0..<columnCount {
            let b = coefficients[j]
            let offset = j * windowLength
            var total = 0.0
            var nonZeroSum = 0.0
            var nonZeroCount = 0
            var anyPositive = false
            for t in 0..<windowLength {
                let value = b * ws.x[offset + t]
                total += value
                if value != 0 {
                    nonZeroSum += value
                    nonZeroCount += 1
                    if value > 0 { anyPositive = true }
                }
            }
            // Quirk: the mean is over non-zero values but only taken when some value is positive.
            let meanNon0 = anyPositive ? nonZeroSum / Double(nonZeroCount) : 0
            rows.append(
                VariableDecomposition(
                    name: regressorNames[j], coefficient: b, xDecompAgg: total, xDecompPerc: 0,
                    xDecompMeanNon0: meanNon0, xDecompMeanNon0Perc: 0, positive: total >= 0))
        }
        return rows.withShares()
    }

    /// Transformation scalars, response fields and (paid only) spend and efficiency fields per media.
    func mediaOutcomes(
        decomposition: [VariableDecomposition], coefficients: [Double], rssd: DecompRSSD, _ ws: EvaluationWorkspace
    ) -> [MediaOutcome] {
        let count = Double(windowLength)
        let spendTotal = paidSlots.reduce(0) { $0 + totalSpend[$1] }
        var paidPosition = 0
        return (0..<mediaCount).map { slot in
            let column = mediaColumns[slot]
            let b = coefficients[column]
            let saturated = ws.block(ws.x, column, windowLength)
            let satCarry = ws.block(ws.saturatedCarryover, slot, windowLength)
            let carry = ws.block(ws.carryover, slot, windowLength)
            let adstocked = ws.block(ws.adstocked, slot, rowCount)
            var carrySum = 0.0
            var immediateSum = 0.0
            var adstockedSum = 0.0
            var carryInputSum = 0.0
            for t in 0..<windowLength {
                carrySum += b * satCarry[t]
                let immediate = saturated[t] - satCarry[t]
                immediateSum += b * (immediate.isNaN ? 0 : immediate)
                adstockedSum += adstocked[windowStart + t]
                carryInputSum += carry[t]
            }
            let totalResponse = decomposition[column + 1].xDecompAgg
            let meanResponse = totalResponse / count
            let scalars = ws.mediaScalars[slot]
            var outcome = MediaOutcome(
                name: mediaNames[slot], spendName: spendNames[slot], inflexion: scalars.inflexion,
                inflation: scalars.inflation, coefficient: b, meanResponse: meanResponse,
                meanSpendAdstocked: adstockedSum / count, meanCarryover: carryInputSum / count,
                carryoverPct: carrySum / totalResponse, responseTotalSum: totalResponse,
                responseCarryoverSum: carrySum, responseImmediateSum: immediateSum)
            if spendNames[slot] != nil {
                let total = totalSpend[slot]
                let mean = total / count
                outcome.totalSpend = total
                outcome.meanSpend = mean
                outcome.spendShare = total / spendTotal
                outcome.effectShare = rssd.effectShare[paidPosition]
                outcome.roiTotal = totalResponse / total
                outcome.roiMean = meanResponse / mean
                outcome.cpaTotal = total / totalResponse
                outcome.cpaMean = mean / meanResponse
                paidPosition += 1
            }
            return outcome
        }
    }
}
