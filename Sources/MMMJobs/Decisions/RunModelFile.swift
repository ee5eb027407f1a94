import Foundation
import MMMCore
import MMMEngine

/// Reads a model file back from a finished run folder.
///
/// A run folder does not keep the prepared data (only Snowflake runs keep an input snapshot), so decisions on a
/// finished run start from its `model.json` (written by the `allocate` step at train time): the best model's
/// parameters plus the media history every model of the run shares. Another Pareto model is the same history with
/// that model's parameters, read from `pareto_hyperparameters.csv` (α, γ, θ or shape/scale, inflexions, errors) and
/// `pareto_aggregated.csv` (coefficients). Both tables store numbers in shortest round-trip form, so the derived
/// file equals the one training would have written for that model.
public enum RunModelFile {
    /// Loads a run's model file.
    /// - Parameters:
    ///   - folder: the run folder.
    ///   - modelId: a Pareto model of the run; nil means the model of `model.json` (the best model).
    /// - Returns: the model file.
    /// - Throws: ``ConfigError`` when `model.json` is missing or invalid, or the model is not in the Pareto tables.
    public static func load(from folder: any RunFolder, modelId: String? = nil) async throws -> ModelFile {
        let location = folder.location + "/" + AllocationFiles.modelFile
        guard let data = try await folder.read(AllocationFiles.modelFile) else {
            throw ConfigError(
                file: location, path: "$",
                "no model.json in the run folder: it was trained with --no-allocate or before model files existed; "
                    + "retrain it (the run folder does not keep the prepared data)")
        }
        let base = try StrictJSON.decode(ModelFile.self, from: data, file: location)
        guard let modelId, modelId != base.modelId else { return base }
        func table(_ name: String) async throws -> DataTable {
            guard let bytes = try await folder.read(name) else {
                throw ConfigError(file: folder.location + "/" + name, path: "$", "missing; it is needed for --model \(modelId)")
            }
            return try CSVReader().parse(bytes)
        }
        return try derive(
            base: base, modelId: modelId, hyperparameters: try await table(RobynTable.paretoHyperparameters.fileName),
            aggregated: try await table(RobynTable.paretoAggregated.fileName))
    }

    /// A run's model file for another of its Pareto models.
    /// - Parameters:
    ///   - base: the run's `model.json` (its history and settings are shared by every model of the run).
    ///   - modelId: the model wanted.
    ///   - hyperparameters: `pareto_hyperparameters.csv`.
    ///   - aggregated: `pareto_aggregated.csv`.
    /// - Returns: the model file.
    /// - Throws: ``ConfigError`` when the model or one of its values is not in the tables.
    public static func derive(base: ModelFile, modelId: String, hyperparameters: DataTable, aggregated: DataTable) throws
        -> ModelFile
    {
        let hyperFile = RobynTable.paretoHyperparameters.fileName
        guard let ids = hyperparameters["solID"], let row = (0..<hyperparameters.rowCount).first(where: { ids.cellText($0) == modelId })
        else {
            let known = hyperparameters["solID"].map { c in (0..<hyperparameters.rowCount).map { c.cellText($0) } } ?? []
            throw ConfigError(
                path: "model", "model \(modelId) is not on the run's Pareto fronts (\(hyperFile)); models: "
                    + known.prefix(8).joined(separator: ", ") + (known.count > 8 ? ", …" : ""))
        }
        func value(_ column: String, file: String = hyperFile, table: DataTable? = nil, at index: Int? = nil) throws -> Double? {
            let t = table ?? hyperparameters
            guard let numbers = t[column]?.numbers else {
                throw ConfigError(path: "model", "\(file) has no numeric column '\(column)'")
            }
            let number = numbers[index ?? row]
            return number.isFinite ? number : nil
        }
        func required(_ column: String) throws -> Double {
            guard let number = try value(column) else {
                throw ConfigError(path: "model", "\(hyperFile) has no value of '\(column)' for model \(modelId)")
            }
            return number
        }
        let aggregatedFile = RobynTable.paretoAggregated.fileName
        guard let aggregatedIds = aggregated["solID"], let names = aggregated["rn"] else {
            throw ConfigError(path: "model", "\(aggregatedFile) has no solID or rn column")
        }
        var file = base
        file.modelId = modelId
        file.media = try base.media.map { entry in
            var media = entry
            media.alpha = try required("\(entry.name)_alphas")
            media.gamma = try required("\(entry.name)_gammas")
            media.inflexion = try required("\(entry.name)_inflexion")
            if base.adstock == .geometric {
                media.theta = try required("\(entry.name)_thetas")
            } else {
                media.shape = try required("\(entry.name)_shapes")
                media.scale = try required("\(entry.name)_scales")
            }
            guard let index = (0..<aggregated.rowCount).first(where: { aggregatedIds.cellText($0) == modelId && names.cellText($0) == entry.name }),
                let coefficient = try value("coef", file: aggregatedFile, table: aggregated, at: index)
            else {
                throw ConfigError(path: "model", "\(aggregatedFile) has no coefficient of \(entry.name) for model \(modelId)")
            }
            media.coefficient = coefficient
            return media
        }
        var metrics = ModelMetrics(modelId: modelId)
        metrics.rsqTrain = try value("rsq_train")
        metrics.rsqVal = try value("rsq_val")
        metrics.rsqTest = try value("rsq_test")
        metrics.nrmseTrain = try value("nrmse_train")
        metrics.nrmseVal = try value("nrmse_val")
        metrics.nrmseTest = try value("nrmse_test")
        metrics.nrmse = try value("nrmse")
        metrics.decompRssd = try value("decomp.rssd")
        metrics.mape = try value("mape")
        metrics.trainSize = try value("train_size")
        metrics.lambda = try value("lambda")
        metrics.paretoFront = try value("robynPareto").map { Int($0) }
        metrics.cluster = try value("cluster").map { Int($0) }
        file.metrics = metrics
        // The informational window means follow the new parameters.
        let model = try ResponseModel(file)
        for (index, channel) in model.channels.enumerated() {
            file.media[index].windowMean = channel.meanValue(rows: model.window)
            file.media[index].windowMeanCarryover = channel.meanCarryover(rows: model.window)
            file.media[index].windowMeanResponse = channel.historicalResponse(rows: model.window)
        }
        return file
    }
}
