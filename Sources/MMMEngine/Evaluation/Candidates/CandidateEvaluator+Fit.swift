/// The intercept outcome of Robyn's refit rule.
struct InterceptOutcome {
    var intercept: Double
    var dfInt: Int
    var dropped: Bool
}

extension CandidateEvaluator {
    /// Adstocks every media variable over all rows and writes its window saturation into the design matrix.
    /// - Throws: `EngineError.nonFiniteValue` if a variable's adstocked window is all zero (inflexion 0), where
    ///   Hill gives 0/0 and R's glmnet would stop on the NaN column.
    func transformMedia(_ hyperparameters: CandidateHyperparameters, _ ws: EvaluationWorkspace) throws(EngineError) {
        template.withUnsafeBufferPointer { source in
            _ = ws.x.update(fromContentsOf: source)
        }
        let window = design.window
        for slot in 0..<mediaCount {
            let parameters = hyperparameters.media[slot]
            var cached: Int?
            var key: EvaluationWorkspace.KernelKey?
            if case .weibull(let shape, let scale) = parameters.adstock {
                key = EvaluationWorkspace.KernelKey(adstock: settings.adstock, shape: shape, scale: scale)
                if ws.kernelKeys[slot] == key { cached = ws.kernelLengths[slot] }
            }
            let buffers = MediaTransformBuffers(
                weights: ws.block(ws.weights, slot, rowCount),
                adstocked: ws.block(ws.adstocked, slot, rowCount),
                carryover: ws.block(ws.carryover, slot, windowLength),
                saturatedTotal: ws.block(ws.x, mediaColumns[slot], windowLength),
                saturatedCarryover: ws.block(ws.saturatedCarryover, slot, windowLength))
            let (scalars, kernelLength) = design.regressors[mediaColumns[slot]].values.withUnsafeBufferPointer {
                MediaTransformKernel.run(
                    x: $0, rawSum: rawMediaSums[slot], adstock: settings.adstock, parameters: parameters.adstock,
                    alpha: parameters.alpha, gamma: parameters.gamma, window: window, buffers: buffers,
                    cachedKernel: cached)
            }
            ws.mediaScalars[slot] = scalars
            guard scalars.inflexion > 0, scalars.inflexion.isFinite else {
                throw EngineError(
                    .nonFiniteValue,
                    "Media '\(mediaNames[slot])' has an adstocked window that is all zero with these adstock "
                        + "parameters, so its Hill saturation is 0/0.")
            }
            if let key, kernelLength > 0 || cached != nil {
                ws.kernelKeys[slot] = key
                ws.kernelLengths[slot] = kernelLength
            }
        }
    }

    /// Sign bounds per column, with Robyn's trend flip when Σ trend over the training rows is negative.
    func setLimits(split: TimeSeriesSplit, _ ws: EvaluationWorkspace) {
        for j in 0..<columnCount {
            ws.lower[j] = baseLower[j]
            ws.upper[j] = baseUpper[j]
        }
        if let trend = trendColumn {
            var sum = 0.0
            let offset = trend * windowLength
            for i in split.train { sum += ws.x[offset + i] }
            if sum < 0 {
                ws.lower[trend] = -1
                ws.upper[trend] = 0
            }
        }
    }

    /// glmnet on the training rows, refitting without intercept if Robyn's non-negative rule applies.
    func fitRidge(
        split: TimeSeriesSplit, lambda: Double, penaltyFactors: [Double]?, _ ws: EvaluationWorkspace
    ) throws(EngineError) -> InterceptOutcome {
        let factors = penaltyFactors ?? []
        return try yWindow.withUnsafeBufferPointer { (y) throws(EngineError) -> InterceptOutcome in
            try factors.withUnsafeBufferPointer { (pf) throws(EngineError) -> InterceptOutcome in
                var problem = RidgeCore.Problem(
                    x: UnsafeBufferPointer(ws.x), leadingDimension: windowLength, columns: columnCount,
                    rows: split.trainEnd, y: y, lambda: lambda, lower: UnsafeBufferPointer(ws.lower),
                    upper: UnsafeBufferPointer(ws.upper), penaltyFactor: penaltyFactors == nil ? nil : pf,
                    intercept: settings.intercept, solver: settings.ridgeSolver)
                let first = try RidgeCore.fit(problem, scratch: ws.ridge, coefficients: ws.coefficients)
                guard settings.intercept, settings.interceptSign == .nonNegative, first < 0 else {
                    return InterceptOutcome(intercept: first, dfInt: settings.intercept ? 1 : 0, dropped: false)
                }
                problem.intercept = false
                _ = try RidgeCore.fit(problem, scratch: ws.ridge, coefficients: ws.coefficients)
                return InterceptOutcome(intercept: 0, dfInt: 0, dropped: true)
            }
        }
    }

    /// `ŷ = b0 + Σ_j b_j·x_j` on every window row, accumulated in column order like `cbind(1, x) %*% beta`.
    func predict(intercept: Double, _ ws: EvaluationWorkspace) {
        for t in 0..<windowLength { ws.yPred[t] = intercept }
        for j in 0..<columnCount {
            let b = ws.coefficients[j]
            let offset = j * windowLength
            for t in 0..<windowLength { ws.yPred[t] += b * ws.x[offset + t] }
        }
    }
}
