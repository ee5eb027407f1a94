import MMMCore

/// The allocation's CSV files: `allocation.csv` (one row per channel, in the spirit of Robyn's `dt_optimOut`, with
/// Robyn's column names where a column has a Robyn counterpart) and `allocator_metrics.csv` (the previous system's
/// one-row summary, reference-system §4.3 step 25).
package enum AllocationTables {
    /// `allocation.csv` file name.
    package static let allocationFile = "allocation.csv"
    /// `allocator_metrics.csv` file name.
    package static let metricsFile = "allocator_metrics.csv"

    static let allocationHeader = [
        "solID", "dep_var_type", "scenario", "channels", "spend_column", "date_min", "date_max", "periods",
        "constr_low", "constr_up", "constr_low_unb", "constr_up_unb", "histSpendAllUnit", "histSpendWindow",
        "histSpendWindowUnit", "initSpendUnit", "initSpendShare", "initResponseUnit", "histResponseUnit",
        "initResponseMargUnit", "initRoiUnit", "initCpaUnit", "initSpendTotal", "initResponseTotal",
        "lowerBoundUnit", "upperBoundUnit", "optmSpendUnit", "optmSpendUnitDelta", "optmSpendShareUnit",
        "optmResponseUnit", "optmResponseMargUnit", "optmRoiUnit", "optmCpaUnit", "optmSpendTotal", "optmResponseTotal",
        "optmResponseUnitTotalLift", "status", "moved", "explanation", "lowerBoundUnitUnbound", "upperBoundUnitUnbound",
        "optmSpendUnitUnbound", "optmSpendUnitDeltaUnbound", "optmSpendShareUnitUnbound", "optmResponseUnitUnbound",
        "optmResponseMargUnitUnbound", "optmRoiUnitUnbound", "optmCpaUnitUnbound", "optmSpendTotalUnbound",
        "optmResponseTotalUnbound", "optmResponseUnitTotalLiftUnbound", "statusUnbound", "movedUnbound",
        "explanationUnbound", "target", "marginalResponse", "marginalResponseUnbound",
    ]

    /// Renders `allocation.csv`.
    /// - Parameter result: the allocation.
    /// - Returns: the file's bytes.
    package static func allocation(_ result: AllocationResult) -> [UInt8] {
        var table = RobynCSV(header: allocationHeader)
        let periods = Double(result.periods)
        for c in result.channels {
            table.text(result.modelId)
            table.text(result.depVarType.rawValue)
            table.text(result.scenario.rawValue)
            table.text(c.channel)
            table.text(c.spendColumn)
            table.text(result.dateStart.description)
            table.text(result.dateEnd.description)
            table.integer(result.periods)
            table.number(c.bounded.lowerMultiplier)
            table.number(c.bounded.upperMultiplier)
            table.number(c.extended.lowerMultiplier)
            table.number(c.extended.upperMultiplier)
            table.number(c.windowMeanSpend)
            table.number(c.initialSpend * periods)
            table.number(c.initialSpend)
            table.number(c.initialSpend)
            table.number(c.initialSpendShare)
            table.number(c.initialResponse)
            table.number(c.historicalResponse)
            table.number(c.initialMarginalResponse)
            table.number(c.initialROI)
            table.number(c.initialCPA)
            table.number(c.initialSpend * periods)
            table.number(c.initialResponse * periods)
            run(&table, c.bounded, result.bounded, periods: periods)
            run(&table, c.extended, result.extended, periods: periods)
            table.number(result.target)
            table.number(result.bounded.marginalResponse)
            table.number(result.extended.marginalResponse)
            // Rows always have as many cells as the header (the header and the writes above are one list).
            try? table.endRow()
        }
        return table.bytes
    }

    private static func run(_ table: inout RobynCSV, _ c: AllocationChannelRun, _ totals: AllocationRun, periods: Double) {
        table.number(c.lowerBound)
        table.number(c.upperBound)
        table.number(c.spend)
        table.number(c.spendChange)
        table.number(c.spendShare)
        table.number(c.response)
        table.number(c.marginalResponse)
        table.number(c.roi)
        table.number(c.cpa)
        table.number(c.spend * periods)
        table.number(c.response * periods)
        table.number(totals.responseLift)
        table.text(c.status.rawValue)
        table.bool(c.moved)
        table.text(c.explanation)
    }

    static let metricsHeader = [
        "model_id", "training_time_mins", "max_cores_used", "r2_train", "nrmse_train", "r2_val", "nrmse_val", "r2_test",
        "nrmse_test", "decomp_rssd_train", "allocator_total_response", "allocator_total_spend",
    ]

    /// Renders `allocator_metrics.csv`: the model's errors and the bounded run's optimised totals over the range.
    /// - Parameters:
    ///   - result: the allocation.
    ///   - metrics: the allocated model's errors.
    ///   - trainingMinutes: wall-clock training time (NA when unknown; the only wall-clock value of the file).
    ///   - cores: worker threads used for training (NA when unknown).
    /// - Returns: the file's bytes.
    package static func metrics(
        _ result: AllocationResult, metrics: ModelMetrics, trainingMinutes: Double?, cores: Int?
    ) -> [UInt8] {
        var table = RobynCSV(header: metricsHeader)
        table.text(result.modelId)
        table.number(trainingMinutes)
        table.integer(cores)
        for value in [
            metrics.rsqTrain, metrics.nrmseTrain, metrics.rsqVal, metrics.nrmseVal, metrics.rsqTest, metrics.nrmseTest,
            metrics.decompRssd, result.bounded.optimalResponseTotal, result.bounded.optimalSpendTotal,
        ] {
            table.number(value)
        }
        try? table.endRow()
        return table.bytes
    }
}
