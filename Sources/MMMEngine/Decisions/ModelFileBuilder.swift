import MMMCore

extension TrainingResult {
    /// The model file (`model.json`) of one evaluated model of this run.
    ///
    /// Coefficients, hyperparameters and inflexions come from the model's evaluation; the history is the modelling
    /// table's media columns over every row (exposure channels already in spend-equivalent units). The informational
    /// window means are computed from the file's own history, so they agree with what the file reproduces.
    /// - Parameters:
    ///   - index: the record's index (default: the best model).
    ///   - runId: the run's id.
    /// - Returns: the model file.
    /// - Throws: ``EngineError`` when the record failed to evaluate.
    package func modelFile(index: Int? = nil, runId: String) throws -> ModelFile {
        let recordIndex = index ?? selection.best
        let record = records[recordIndex]
        guard let result = record.result else {
            throw EngineError(.noSelectableModel, "model \(record.modelId) could not be evaluated: \(record.failure ?? "unknown")")
        }
        let design = model.design
        let media = try design.regressors.filter(\.role.isMedia).enumerated().map { slot, regressor throws(EngineError) in
            let hyper = result.hyperparameters.media[slot]
            let outcome = result.media[slot]
            var theta: Double?
            var shape: Double?
            var scale: Double?
            switch hyper.adstock {
            case .geometric(let value): theta = value
            case .weibull(let k, let s):
                shape = k
                scale = s
            }
            var spendColumn: String?
            if case .paidMedia(let spendName, _, _) = regressor.role { spendColumn = spendName }
            var entry = ModelFileMedia(
                name: regressor.name, role: spendColumn == nil ? .organic : .paidMedia, spendColumn: spendColumn,
                costPerExposure: model.costPerExposure[regressor.name], coefficient: outcome.coefficient,
                alpha: hyper.alpha, gamma: hyper.gamma, theta: theta, shape: shape, scale: scale,
                inflexion: outcome.inflexion, values: regressor.values, windowMean: 0, windowMeanCarryover: 0,
                windowMeanResponse: 0)
            let channel = try ChannelModel(entry, adstock: model.settings.adstock)
            entry.windowMean = channel.meanValue(rows: design.window)
            entry.windowMeanCarryover = channel.meanCarryover(rows: design.window)
            entry.windowMeanResponse = channel.historicalResponse(rows: design.window)
            return entry
        }
        let dates = Array(model.dates)
        return ModelFile(
            runId: runId, modelId: record.modelId, engine: .native, depVar: model.config.depVar,
            depVarType: model.settings.depVarType, adstock: model.settings.adstock, dates: dates,
            windowStart: dates[design.window.lowerBound], windowEnd: dates[design.window.upperBound - 1],
            metrics: SummaryBuilder.metrics(recordIndex, self), media: media)
    }

    /// The record index of a model id.
    /// - Parameter modelId: e.g. `1_12_3`.
    /// - Returns: the index, or nil when the run has no such model.
    package func recordIndex(modelId: String) -> Int? {
        records.firstIndex { $0.modelId == modelId }
    }
}
