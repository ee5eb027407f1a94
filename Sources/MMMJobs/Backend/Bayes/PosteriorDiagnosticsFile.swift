import MMMBayes
import MMMCore

/// `posterior_diagnostics.json`: how the posterior was fitted and whether it can be trusted — the settings, the
/// verdict, the sampler's statistics and the worst R-hat and ESS. Wall times are in `run_manifest.json` only, so the
/// file is the same for any thread count.
struct PosteriorDiagnosticsFile: Encodable, Sendable {
    var schemaVersion = 1
    var method: String
    var settings: BayesSettings
    var seed: UInt64
    var verdict: Verdict
    var sampler: SamplerDiagnostics?
    var maxRHat: Double?
    var minEssBulk: Double?
    var minEssTail: Double?
    var mapLogDensity: Double?

    init(fit: BayesFit, settings: BayesSettings, seed: UInt64) {
        method = fit.method
        self.settings = settings
        self.seed = seed
        verdict = fit.verdict
        sampler = fit.sampler
        let finite = { (values: [Double]) in values.filter(\.isFinite) }
        maxRHat = finite(fit.summaries.map(\.rHat)).max()
        minEssBulk = finite(fit.summaries.map(\.essBulk)).min()
        minEssTail = finite(fit.summaries.map(\.essTail)).min()
        mapLogDensity = fit.optimum?.logDensity
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case method, settings, seed, verdict, sampler
        case maxRHat = "max_r_hat"
        case minEssBulk = "min_ess_bulk"
        case minEssTail = "min_ess_tail"
        case mapLogDensity = "map_log_density"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(method, forKey: .method)
        try c.encode(settings, forKey: .settings)
        try c.encode(seed, forKey: .seed)
        try c.encode(verdict, forKey: .verdict)
        try c.encodeIfPresent(sampler, forKey: .sampler)
        try c.encodeFinite(maxRHat, forKey: .maxRHat)
        try c.encodeFinite(minEssBulk, forKey: .minEssBulk)
        try c.encodeFinite(minEssTail, forKey: .minEssTail)
        try c.encodeFinite(mapLogDensity, forKey: .mapLogDensity)
    }
}
