/// Robyn's checks of one lift study that need only the configuration (`check_calibration`); the checks that need the
/// data (inside the window, covering data rows, spend as recorded) run when the model is built.
public enum CalibrationChecks {
    /// A problem with one field of a study.
    public struct Problem: Sendable, Equatable {
        /// The study key (CSV column) at fault.
        public var key: String
        /// What is wrong and what to do.
        public var message: String
    }

    /// The first problem of a study, or nil.
    /// - Parameters:
    ///   - study: the study.
    ///   - config: the job configuration (dep_var and the modelled channels).
    /// - Returns: the key at fault and a message, or nil when the study passes.
    public static func problem(_ study: CalibrationStudy, config: JobConfig) -> Problem? {
        let known = Set(config.paidMedia.map(\.spend) + config.paidMedia.map(\.variable) + config.organicVars)
        let parts = study.channels
        if let empty = parts.firstIndex(where: \.isEmpty) {
            return Problem(
                key: "channel", message: "'\(study.channel)' has an empty channel name (part \(empty + 1)); join channels as 'a+b'")
        }
        for part in parts where !known.contains(part) {
            let choices = (config.paidMedia.map(\.spend) + config.organicVars).joined(separator: ", ")
            return Problem(key: "channel", message: "'\(part)' is not a modelled channel; use one of \(choices), or join them with '+'")
        }
        let modelled = parts.map { config.modelledName(ofChannel: $0) }
        if Set(modelled).count != modelled.count {
            return Problem(key: "channel", message: "'\(study.channel)' names the same channel twice")
        }
        guard study.liftAbs.isFinite, study.liftAbs > 0 else {
            return Problem(
                key: "liftAbs",
                message: "\(NumberFormatting.shortest(study.liftAbs)) must be a positive number (the measured incremental \(config.depVar))")
        }
        guard study.liftStartDate < study.liftEndDate else {
            return Problem(
                key: "liftEndDate",
                message: "\(study.liftEndDate) must be after liftStartDate \(study.liftStartDate) (Robyn requires liftStartDate < liftEndDate)")
        }
        if let metric = study.metric, metric != config.depVar {
            return Problem(
                key: "metric", message: "'\(metric)' is not the dependent variable '\(config.depVar)'; a study must measure dep_var")
        }
        if let spend = study.spend, !(spend.isFinite && spend >= 0) {
            return Problem(key: "spend", message: "\(NumberFormatting.shortest(spend)) must be a non-negative number")
        }
        if let confidence = study.confidence, !(confidence.isFinite && confidence > 0 && confidence <= 1) {
            return Problem(key: "confidence", message: "\(NumberFormatting.shortest(confidence)) must be in (0, 1]")
        }
        return nil
    }
}

extension JobConfig {
    /// The modelled variable a calibration channel names: a paid spend column maps to its var; a var or an organic
    /// name is itself.
    public func modelledName(ofChannel channel: String) -> String {
        paidMedia.first { $0.spend == channel }?.variable ?? channel
    }

    /// The lift studies when they are inline (after the job has read a calibration file).
    public var calibrationStudies: [CalibrationStudy] { calibrationInput?.studies ?? [] }
}
