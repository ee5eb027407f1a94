import Foundation
import MMMCore
import MMMJobs

/// The run form's training-backend fields: the native engine or the Bayesian backend, and for the Bayesian one every
/// setting the API and `train --backend bayes` take.
struct BackendFields {
    var backend = BackendName.native.rawValue
    var inference = BayesSettings.Inference.nuts.rawValue
    var chains = String(BayesSettings().chains)
    var warmup = String(BayesSettings().warmup)
    var draws = String(BayesSettings().draws)
    var targetAccept = NumberFormatting.shortest(BayesSettings().targetAccept)
    var baseline = BayesSettings.Baseline.joint.rawValue
    var rangePrior = BayesSettings.RangePrior.bounded.rawValue

    init() {}

    /// The posted fields (missing ones keep their defaults).
    init(fields f: [String: String]) {
        backend = f["backend"] ?? backend
        inference = f["bayes_inference"] ?? inference
        chains = f["bayes_chains"] ?? chains
        warmup = f["bayes_warmup"] ?? warmup
        draws = f["bayes_draws"] ?? draws
        targetAccept = f["bayes_target_accept"] ?? targetAccept
        baseline = f["bayes_baseline"] ?? baseline
        rangePrior = f["bayes_range_prior"] ?? rangePrior
    }

    /// The backend these fields choose. With the native engine the Bayesian fields are ignored (they are prefilled).
    /// - Throws: ``ConfigError`` whose path is the form field's name (`backend`, `bayes_chains` …).
    func choice() throws -> RunBackend {
        switch backend {
        case BackendName.native.rawValue:
            return .native
        case BackendName.bayes.rawValue:
            break
        default:
            throw ConfigError(path: "backend", "choose the native engine or the Bayesian backend")
        }
        var settings = BayesSettings()
        guard let method = BayesSettings.Inference(rawValue: inference) else {
            throw ConfigError(path: "bayes_inference", "choose NUTS or MAP")
        }
        settings.inference = method
        func count(_ text: String, _ field: String) throws -> Int {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ConfigError(path: field, "expected a whole number, got '\(text.prefix(40))'")
            }
            return value
        }
        settings.chains = try count(chains, "bayes_chains")
        settings.warmup = try count(warmup, "bayes_warmup")
        settings.draws = try count(draws, "bayes_draws")
        guard let accept = NumberParser.parse(targetAccept.trimmingCharacters(in: .whitespaces)) else {
            throw ConfigError(path: "bayes_target_accept", "expected a number in (0, 1), got '\(targetAccept.prefix(40))'")
        }
        settings.targetAccept = accept
        guard let joint = BayesSettings.Baseline(rawValue: baseline) else {
            throw ConfigError(path: "bayes_baseline", "choose joint or prophet")
        }
        settings.baseline = joint
        guard let range = BayesSettings.RangePrior(rawValue: rangePrior) else {
            throw ConfigError(path: "bayes_range_prior", "choose bounded or matched")
        }
        settings.rangePrior = range
        do {
            try settings.validate()
        } catch let error as ConfigError {
            throw ConfigError(path: "bayes_" + error.path, error.message)
        }
        return RunBackend(name: .bayes, bayes: settings)
    }

    /// The fieldset, marking the field named `bad` invalid.
    func html(bad: String?) -> String {
        func invalid(_ name: String) -> String { bad == name ? "aria-invalid=\"true\" aria-errormessage=\"form-error\" " : "" }
        func number(_ label: String, _ name: String, _ value: String, min: Int, help: String) -> String {
            HTML.field(label, name: name, value: value, type: "number", help: help, attributes: invalid(name) + "min=\"\(min)\" step=\"1\"")
        }
        return """
            <fieldset><legend>Training backend</legend>
            \(HTML.select("Backend", name: "backend", options: [("native", "Native engine (Robyn's search)"), ("bayes", "Bayesian (posterior intervals)")], selected: backend, help: "The Bayesian backend fits one model with posterior intervals for every ROI instead of the iterations and trials search (docs/bayes.md)."))
            \(HTML.select("Bayesian inference", name: "bayes_inference", options: [("nuts", "NUTS (full posterior)"), ("map", "MAP + Laplace (fast, approximate)")], selected: inference, help: "Only with the Bayesian backend."))
            \(number("Chains", "bayes_chains", chains, min: 1, help: "Only with the Bayesian backend; run in parallel."))
            \(number("Warm-up per chain", "bayes_warmup", warmup, min: 0, help: "Only with NUTS; at least 10."))
            \(number("Draws per chain", "bayes_draws", draws, min: 1, help: "Kept draws (with MAP: the Laplace draws)."))
            \(HTML.field("Target acceptance", name: "bayes_target_accept", value: targetAccept, type: "number", help: "Only with NUTS; in (0, 1); raise to 0.95 after divergences.", attributes: invalid("bayes_target_accept") + "min=\"0.01\" max=\"0.99\" step=\"0.01\""))
            \(HTML.select("Bayesian baseline", name: "bayes_baseline", options: [("joint", "Joint (trend and seasons with the media)"), ("prophet", "Prophet-like columns (as the native engine)")], selected: baseline, help: "Only with the Bayesian backend (docs/bayes.md, Baseline)."))
            \(HTML.select("Hyperparameter ranges as priors", name: "bayes_range_prior", options: [("bounded", "Bounded (uniform inside the range, as Robyn)"), ("matched", "Matched (Beta/Gamma, no hard limits)")], selected: rangePrior, help: "Only with the Bayesian backend."))
            </fieldset>
            """
    }
}
