import MMMCore

/// One lift study resolved against the model's rows (Robyn's `calib_pos`, `decompStart/End`, the day counts).
package struct LiftStudyPlan: Sendable, Hashable {
    /// The study as given.
    package var study: CalibrationStudy
    /// Media slots (indices into the design's media, `mediaNames` order) of the study's channels, as written.
    package var slots: [Int]
    /// Rows of the whole table the prediction sums over (0-based, ascending): the rows dated in
    /// `[liftStartDate, liftEndDate]`, plus the row before when `liftStartDate` is not a data date.
    package var rows: [Int]
    /// The same rows as offsets into the modelling window.
    package var windowOffsets: [Int]
    /// Dates of the first and last of ``rows``.
    package var decompStart: CalendarDate
    package var decompEnd: CalendarDate
    /// `liftDays / decompDays`, the factor that turns the summed effect into a prediction of `liftAbs`.
    package var scale: Double

    /// Robyn's `decompAbsScaled` for a summed prediction.
    /// - Parameter sum: the effect summed over ``rows``.
    /// - Returns: `sum / decompDays · liftDays`.
    package func scaled(_ sum: Double) -> Double { sum * scale }
}

/// How one study came out for one model (Robyn's `liftCollect` row).
package struct LiftOutcome: Sendable, Hashable {
    /// The study's plan.
    package var plan: LiftStudyPlan
    /// The prediction of the measured lift (`decompAbsScaled`).
    package var predicted: Double
    /// The channels' whole effect over the same rows, scaled alike (`decompAbsTotalScaled`).
    package var predictedTotal: Double
    /// `|predicted − liftAbs| / liftAbs`.
    package var mapeLift: Double

    /// `predicted / predictedTotal` (Robyn's `calibrated_pct`).
    package var calibratedShare: Double { predicted / predictedTotal }
}
