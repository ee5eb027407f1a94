import MMMCore

/// One channel's series as MAPE.LIFT reads them for one candidate.
package struct LiftChannelSeries {
    /// The modelled column over all n rows (`dt_mod`, exposures in spend units).
    package var raw: [Double]
    /// Its adstock over all n rows.
    package var adstocked: [Double]
    /// Hill of the adstocked window (the model column), window rows only.
    package var saturatedTotal: [Double]
    /// The channel's coefficient, Hill α and inflexion (γ · max of the adstocked window).
    package var coefficient: Double
    package var alpha: Double
    package var inflexion: Double
    /// The candidate's adstock parameters and the model's adstock type.
    package var adstock: AdstockParameters
    package var adstockType: AdstockType

    /// Creates the series of one channel.
    package init(
        raw: [Double], adstocked: [Double], saturatedTotal: [Double], coefficient: Double, alpha: Double,
        inflexion: Double, adstock: AdstockParameters, adstockType: AdstockType
    ) {
        self.raw = raw
        self.adstocked = adstocked
        self.saturatedTotal = saturatedTotal
        self.coefficient = coefficient
        self.alpha = alpha
        self.inflexion = inflexion
        self.adstock = adstock
        self.adstockType = adstockType
    }
}

/// Robyn's `lift_calibration` (robyn-semantics §5.3) for one candidate.
///
/// For each study: the channels' decomposition (coef × Hill of the adstocked series) summed over the study rows is the
/// `total` prediction. The `immediate` prediction subtracts the carry-in from spend before the study: the adstock of
/// the full series minus the adstock of the study rows alone, through Hill with the window's inflexion, times the
/// coefficient. Both are scaled by `liftDays / decompDays`. With Robyn's formula the study-only Weibull adstock uses a
/// kernel as long as the study (its own `scaleTrans`); the corrected formula uses the model's kernel.
package enum LiftCalibration {
    /// Evaluates every study.
    /// - Parameters:
    ///   - plan: the resolved studies.
    ///   - rowCount: n, the rows of the whole table (the model's Weibull kernel length).
    ///   - series: the series of a media slot.
    /// - Returns: one outcome per study, in plan order.
    package static func outcomes(
        _ plan: CalibrationPlan, rowCount: Int, series: (Int) -> LiftChannelSeries
    ) -> [LiftOutcome] {
        plan.studies.map { study in
            var predicted = 0.0
            var total = 0.0
            // Robyn sums per row across channels, then over rows; per-channel sums in row order give the same terms.
            for slot in study.slots {
                let s = series(slot)
                let decomposition = study.windowOffsets.map { s.coefficient * s.saturatedTotal[$0] }
                var carryIn = [Double](repeating: 0, count: study.rows.count)
                if study.study.calibrationScope == .immediate {
                    let alone = studyOnlyAdstock(s, rows: study.rows, rowCount: rowCount, formula: plan.formula)
                    let inflexionPower = RCompat.pow(s.inflexion, s.alpha)
                    for (k, row) in study.rows.enumerated() {
                        let carry = s.adstocked[row] - alone[k]
                        carryIn[k] = s.coefficient * HillSaturation.value(of: carry, alpha: s.alpha, inflexionPower: inflexionPower)
                    }
                }
                for k in study.rows.indices {
                    predicted += decomposition[k] - carryIn[k]
                    total += decomposition[k]
                }
            }
            let scaled = study.scaled(predicted)
            let lift = study.study.liftAbs
            return LiftOutcome(
                plan: study, predicted: scaled, predictedTotal: study.scaled(total), mapeLift: abs((scaled - lift) / lift))
        }
    }

    /// The candidate's MAPE.LIFT: the mean over the studies, leaving NaN out (R's `mean(na.rm = TRUE)`).
    /// - Parameter outcomes: the studies' outcomes.
    /// - Returns: the mean, NaN when every study is NaN.
    package static func mape(_ outcomes: [LiftOutcome]) -> Double {
        let values = outcomes.map(\.mapeLift).filter { !$0.isNaN }
        return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// The adstock of the study rows alone (Robyn's `transform_adstock(m[calib_pos])`).
    static func studyOnlyAdstock(
        _ s: LiftChannelSeries, rows: [Int], rowCount: Int, formula: CalibrationFormula
    ) -> [Double] {
        let x = rows.map { s.raw[$0] }
        switch s.adstock {
        case .geometric(let theta):
            return Adstock.geometric(x, theta: theta).decayed
        case .weibull(let shape, let scale):
            // Quirk (Robyn): windlen defaults to the subseries length, so scaleTrans differs from the model's.
            let windowLength = formula == .robyn ? x.count : Swift.max(rowCount, x.count)
            return Adstock.weibull(
                x, shape: shape, scale: scale, pdf: s.adstockType == .weibullPDF, windowLength: windowLength
            ).decayed
        }
    }
}
