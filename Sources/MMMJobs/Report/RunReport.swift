import Foundation
import MMMCore

/// The HTML report of a run and its SVG pictures, built from the run folder's files alone.
///
/// `report.html` is one self-contained file (inline SVG and CSS, no scripts, no network): the run summary, the data
/// preparation steps, the Pareto front, the best model's one-pager, the allocation and the list of files. Beside it:
/// `pareto_front.svg` and `onepager_<model>.svg` for the best model and each cluster winner. The same folder gives the
/// same bytes.
public enum RunReport {
    /// What to build.
    public struct Options: Sendable {
        /// More models that get a one-pager picture (their `solID`s).
        public var models: [String]
        /// Whether every cluster winner gets a one-pager picture (the best model always does).
        public var clusterWinners: Bool
        /// Set by the run's own report step: the final status and the run manifest are not written yet.
        public var inProgress: Bool

        /// Creates options.
        /// - Parameters:
        ///   - models: extra models to picture.
        ///   - clusterWinners: picture every cluster winner.
        ///   - inProgress: the run is still writing its folder.
        public init(models: [String] = [], clusterWinners: Bool = true, inProgress: Bool = false) {
            self.models = models
            self.clusterWinners = clusterWinners
            self.inProgress = inProgress
        }
    }

    /// Reads a run folder and writes the report and its pictures into it.
    /// - Parameters:
    ///   - folder: the run folder.
    ///   - options: what to build.
    /// - Returns: the names of the files written, `report.html` last.
    /// - Throws: ``ReportError`` for a model that is not in the run, ``ConfigError``/``DataError`` for a run file
    ///   that cannot be read, or the store's write error.
    public static func write(in folder: any RunFolder, options: Options = Options()) async throws -> [String] {
        let contents = try await RunContents.read(folder)
        let files = try ReportBuilder(
            run: contents, inProgress: options.inProgress, extraModels: options.models,
            clusterWinners: options.clusterWinners
        ).build()
        for file in files {
            try Task.checkCancellation()
            try await folder.write(Data(file.text.utf8), to: file.name)
        }
        return files.map(\.name)
    }
}

/// The after-training step that writes the report (`train` runs it last, unless `--no-report`).
public struct ReportStep: AfterTrainingStep {
    /// Creates the step.
    public init() {}

    public var name: String { "report" }

    /// Builds the report from the files the run has written so far (the same code as `mmm-cli report`).
    ///
    /// As with the allocation, a report that cannot be built does not fail a trained run: the model and its files
    /// are there; the reason is a warning (e.g. a backend whose CSVs lack a column the report draws).
    public func run(
        _ model: any TrainedModel, request: TrainingRequest, folder: any RunFolder,
        report: @escaping @Sendable (Diagnostic) -> Void
    ) async throws -> [String] {
        let written: [String]
        do {
            written = try await RunReport.write(in: folder, options: RunReport.Options(inProgress: true))
        } catch let error as CancellationError {
            throw error
        } catch {
            report(Diagnostic(.warning, code: "report_failed", "the report could not be built: \(error)", step: name))
            return []
        }
        report(Diagnostic(.info, code: "report_written", "report: \(folder.location)/\(ReportFiles.report)", step: name))
        return written
    }
}
