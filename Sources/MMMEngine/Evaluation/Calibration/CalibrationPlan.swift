import MMMCore

/// A job's lift studies resolved against the model, plus how they are used (Robyn's `lift_calibration` inputs).
package struct CalibrationPlan: Sendable, Hashable {
    /// The studies, in input order.
    package var studies: [LiftStudyPlan]
    /// MAPE.LIFT as Robyn computes it, or the corrected form.
    package var formula: CalibrationFormula
    /// Robyn's `calibration_constraint`.
    package var constraint: Double
    /// How the best model is chosen.
    package var selection: CalibratedSelection

    /// Resolves the configuration's studies against the prepared model, with Robyn's data-level checks.
    /// - Parameter model: the prepared model (its config holds the studies inline).
    /// - Returns: the plan and notes (spend or confidence warnings), or nil when the job has no studies.
    /// - Throws: ``ConfigError`` naming `$.calibration_input[i]` for a study outside the window, covering no data
    ///   row, naming a channel the preparation dropped, or (Robyn's formula) covering one row only.
    package static func build(_ model: PreparedModel) throws -> (plan: CalibrationPlan, notes: [Diagnostic])? {
        let config = model.config
        guard case .studies(let studies)? = config.calibrationInput, !studies.isEmpty else { return nil }
        try config.validateCalibration()
        let plans = try resolve(
            studies, dates: model.dates, window: model.design.window, mediaNames: model.design.mediaNames,
            formula: config.calibrationFormula, modelledName: config.modelledName(ofChannel:))
        var notes: [Diagnostic] = []
        for (index, study) in studies.enumerated() {
            notes += checks(study, label: label(study, index), path: "$.calibration_input[\(index)]", model: model)
        }
        let plan = CalibrationPlan(
            studies: plans, formula: config.calibrationFormula, constraint: config.calibrationConstraint,
            selection: config.calibratedSelection)
        return (plan, notes)
    }

    /// Resolves studies against the rows of a table (Robyn's `calib_pos` and day counts).
    /// - Parameters:
    ///   - studies: the studies, already checked against the configuration.
    ///   - dates: every row's date.
    ///   - window: the modelling window rows (0-based, half-open).
    ///   - mediaNames: the design's media names (slot order).
    ///   - formula: Robyn's day counts or the corrected ones.
    ///   - modelledName: maps a study channel (spend column, var or organic) to its media name.
    /// - Returns: one plan per study.
    /// - Throws: ``ConfigError`` naming `$.calibration_input[i]`.
    package static func resolve(
        _ studies: [CalibrationStudy], dates: [CalendarDate], window: Range<Int>, mediaNames: [String],
        formula: CalibrationFormula, modelledName: (String) -> String
    ) throws -> [LiftStudyPlan] {
        let windowStart = dates[window.lowerBound]
        let windowEnd = dates[window.upperBound - 1]
        return try studies.enumerated().map { index, study in
            let path = "$.calibration_input[\(index)]"
            let label = label(study, index)
            guard study.liftStartDate >= windowStart, study.liftEndDate <= windowEnd else {
                throw ConfigError(
                    path: path,
                    "\(label) is not within the modelling window \(windowStart)…\(windowEnd); remove it or widen the window (Robyn's check)")
            }
            let slots = try study.channels.map { channel -> Int in
                guard let slot = mediaNames.firstIndex(of: modelledName(channel)) else {
                    throw ConfigError(
                        path: path + ".channel",
                        "\(label): channel '\(channel)' is not in the model (data preparation dropped it; see the preparation manifest)")
                }
                return slot
            }
            var rows = window.filter { dates[$0] >= study.liftStartDate && dates[$0] <= study.liftEndDate }
            if !rows.contains(where: { dates[$0] == study.liftStartDate }), let first = rows.first, first > window.lowerBound {
                rows.insert(first - 1, at: 0)
            }
            guard let first = rows.first, let last = rows.last else {
                throw ConfigError(
                    path: path, "\(label) covers no data row (the data has no date inside it); widen the study to at least one period")
            }
            let decompDays: Int
            let liftDays: Int
            switch formula {
            case .robyn:
                decompDays = dates[last].days(since: dates[first])
                liftDays = study.liftEndDate.days(since: study.liftStartDate)
                guard decompDays > 0 else {
                    throw ConfigError(
                        path: path,
                        "\(label) spans one data row, so Robyn's scaling pred / decompDays · liftDays divides by 0 days; lengthen the study or set calibration_formula \"corrected\"")
                }
            case .corrected:
                decompDays = periodEnd(of: last, dates: dates).days(since: dates[first])
                liftDays = study.liftEndDate.days(since: study.liftStartDate) + 1
            }
            return LiftStudyPlan(
                study: study, slots: slots, rows: rows, windowOffsets: rows.map { $0 - window.lowerBound },
                decompStart: dates[first], decompEnd: dates[last], scale: Double(liftDays) / Double(decompDays))
        }
    }

    private static func label(_ study: CalibrationStudy, _ index: Int) -> String {
        "study \(index + 1) (\(study.channel) \(study.liftStartDate)…\(study.liftEndDate))"
    }

    /// The first day after a row's period: the next row's date, or for the last row one more of its interval.
    static func periodEnd(of row: Int, dates: [CalendarDate]) -> CalendarDate {
        if row + 1 < dates.count { return dates[row + 1] }
        let step = row > 0 ? dates[row].days(since: dates[row - 1]) : 1
        return dates[row].adding(days: step)
    }

    /// Robyn's warnings: the recorded spend differs from the data by more than 10 %, or the confidence is below 0.8.
    private static func checks(_ study: CalibrationStudy, label: String, path: String, model: PreparedModel) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        let config = model.config
        let paid = study.channels.compactMap { channel in config.paidMedia.first { $0.spend == channel || $0.variable == channel } }
        if let recorded = study.spend, paid.count == study.channels.count {
            let rows = model.dates.indices.filter { model.dates[$0] >= study.liftStartDate && model.dates[$0] <= study.liftEndDate }
            let actual = paid.reduce(0.0) { total, pair in
                let spend = model.design.regressors.first { $0.name == pair.variable }.flatMap { regressor -> [Double]? in
                    if case .paidMedia(_, let values, _) = regressor.role { return values }
                    return nil
                }
                return total + rows.reduce(0.0) { $0 + (spend?[$1] ?? 0) }
            }
            let rounded = RCompat.round(actual)
            if rounded > recorded * 1.1 || rounded < recorded * 0.9 {
                notes.append(
                    .warning(
                        "calibration_spend_mismatch",
                        "\(label): its spend \(NumberFormatting.shortest(recorded)) does not match the data's spend (~\(NumberFormatting.shortest(rounded))) over the study; check the dates or split the channel",
                        path: path + ".spend"))
            }
        }
        if let confidence = study.confidence, confidence < 0.8 {
            notes.append(
                .warning(
                    "calibration_low_confidence",
                    "\(label): confidence \(NumberFormatting.shortest(confidence)) is below 0.8; consider running the experiment again",
                    path: path + ".confidence"))
        }
        return notes
    }
}

extension CalibrationPlan {
    /// Robyn's advice on search sizes when calibrating (`check_iteration`, `check_calibconstr`), as notes.
    /// - Parameters:
    ///   - plan: the plan.
    ///   - options: the search sizes.
    /// - Returns: zero, one or two notes.
    package static func searchSizeNotes(_ plan: CalibrationPlan, options: TrainingOptions) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        if options.iterations < 2000 || options.trials < 10 {
            notes.append(
                .note(
                    "calibration_search_size",
                    "calibrating: Robyn recommends at least 2000 iterations and 10 trials (this run: \(options.iterations) × \(options.trials))"))
        }
        let kept = Double(options.iterations * options.trials) * plan.constraint
        if kept < 500 {
            notes.append(
                .note(
                    "calibration_few_models",
                    "calibration_constraint \(NumberFormatting.shortest(plan.constraint)) keeps about \(Int(kept.rounded())) of \(options.iterations * options.trials) models for the Pareto selection; Robyn suggests at least 500"))
        }
        return notes
    }
}
