import MMMCore

/// The model data of one training run, built once from prepared data: Robyn's `dt_mod` as a ``ModelDesign`` plus
/// what the output writers need besides it.
public struct PreparedModel: Sendable {
    /// The regression design (dependent variable, regressors with roles, window).
    public var design: ModelDesign
    /// Run-level settings (adstock, validation split, dependent variable type).
    public var settings: ModelSettings
    /// Dates of every row.
    public var dates: [CalendarDate]
    /// The job configuration after preparation (drivers that did not vary are gone).
    public var config: JobConfig
    /// The baseline decomposition, when one was fitted.
    public var baseline: BaselineComponents?
    /// Cost per exposure over the window, for exposure channels (`cpe_window`; modelled column = exposure × cpe).
    public var costPerExposure: [String: Double]
    /// Window mean of each raw media/organic column (Robyn's `mean_exposure`).
    public var meanExposure: [String: Double]
    /// Notes on interpretations made while building the design.
    public var notes: [String]

    /// Dates of the window rows.
    public var windowDates: ArraySlice<CalendarDate> { dates[design.window] }
}
