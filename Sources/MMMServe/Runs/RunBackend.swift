import Foundation
import HTTPTypes
import MMMCore
import MMMJobs

/// Which backend trains a run (a submission's `backend` and `bayes`): the native engine (the default), Robyn in R,
/// or the Bayesian backend with its settings (docs/bayes.md).
struct RunBackend: Sendable, Equatable {
    /// The backend.
    var name: BackendName = .native
    /// The Bayesian settings as submitted (only with ``name`` `.bayes`; nil: the backend's defaults).
    var bayes: BayesSettings?

    /// The native engine.
    static let native = RunBackend()

    /// The backend named by a submission.
    /// - Parameters:
    ///   - backend: the `backend` value (nil: native).
    ///   - bayes: the `bayes` settings, already decoded strictly.
    /// - Throws: ``APIError`` 400 naming `$.backend` for an unknown backend, or `$.bayes` when settings come with
    ///   another backend.
    static func make(backend: String?, bayes: BayesSettings?) throws -> RunBackend {
        let raw = backend?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let name: BackendName
        if raw.isEmpty {
            name = .native
        } else if let known = BackendName(rawValue: raw) {
            name = known
        } else {
            let allowed = BackendName.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw APIError(.badRequest, "invalid_request", "unknown backend '\(raw.prefix(60))'; expected one of \(allowed)", field: "$.backend")
        }
        if bayes != nil, name != .bayes {
            throw APIError(
                .badRequest, "invalid_request", "bayes settings need \"backend\": \"bayes\" (the backend is '\(name.rawValue)')",
                field: "$.bayes")
        }
        return RunBackend(name: name, bayes: bayes)
    }

    /// Decodes a `bayes` document (the multipart part) strictly.
    /// - Throws: ``APIError`` 400 naming the path under `$.bayes` (`$.bayes.chains`).
    static func decodeBayes(_ data: Data) throws -> BayesSettings {
        do {
            return try StrictJSON.decode(BayesSettings.self, from: data)
        } catch let error as ConfigError {
            throw APIError.invalid(RunSubmission.prefixed(error, "$.bayes"))
        }
    }

    /// The `mmm-cli train` flags choosing this backend: none for native; for bayes every setting, so the worker's
    /// command line records exactly what the run was asked to do.
    var trainArguments: [String] {
        guard name != .native else { return [] }
        var arguments = ["--backend", name.rawValue]
        guard name == .bayes else { return arguments }
        let settings = bayes ?? BayesSettings()
        arguments += [
            "--inference", settings.inference.rawValue, "--chains", String(settings.chains), "--warmup", String(settings.warmup),
            "--draws", String(settings.draws), "--target-accept", NumberFormatting.shortest(settings.targetAccept),
            "--baseline", settings.baseline.rawValue, "--range-prior", settings.rangePrior.rawValue,
        ]
        return arguments
    }
}
