import MMMCore

/// The model data of one training run, built once from prepared data: Robyn's `dt_mod` as a ``ModelDesign`` plus
/// what the output writers need besides it.
package struct PreparedModel: Sendable {
    /// The regression design (dependent variable, regressors with roles, window).
    package var design: ModelDesign
    /// Run-level settings (adstock, validation split, dependent variable type).
    package var settings: ModelSettings
    /// Dates of every row.
    package var dates: [CalendarDate]
    /// The job configuration after preparation (drivers that did not vary are gone).
    package var config: JobConfig
    /// The baseline decomposition, when one was fitted.
    package var baseline: BaselineComponents?
    /// Cost per exposure over the window, for exposure channels (`cpe_window`; modelled column = exposure × cpe).
    package var costPerExposure: [String: Double]
    /// Window mean of each raw media/organic column (Robyn's `mean_exposure`).
    package var meanExposure: [String: Double]
    /// Notes and warnings on interpretations made while building the design.
    package var notes: [Diagnostic]

    /// Dates of the window rows.
    package var windowDates: ArraySlice<CalendarDate> { dates[design.window] }
}
