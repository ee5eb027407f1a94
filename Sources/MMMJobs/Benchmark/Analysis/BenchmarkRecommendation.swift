import Foundation
import MMMCore

/// The recommended variant for one goal, with the reason in words.
public struct BenchmarkRecommendation: Codable, Sendable, Equatable {
    /// `fit` or `allocation`.
    public var goal: String
    /// The recommended variant's id (nil when no variant trained).
    public var variantId: String?
    /// Its name.
    public var variantName: String?
    /// Why, in words.
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case goal
        case variantId = "variant_id"
        case variantName = "variant_name"
        case reason
    }

    /// Fit: the lowest validation NRMSE among variants whose validation/test gap is at most the median gap (a small
    /// gap means the error seen on validation holds on the test rows).
    public static func fit(_ rows: [AnalysisRow], baseline: AnalysisRow?) -> BenchmarkRecommendation {
        let models = rows.filter { $0.hasModel && $0.fitError != nil }
        guard !models.isEmpty else { return .init(goal: "fit", reason: "no variant trained a model") }
        let gaps = models.compactMap(\.gap).sorted()
        let medianGap = gaps.isEmpty ? nil : gaps[gaps.count / 2]
        let eligible = medianGap.map { m in models.filter { ($0.gap ?? .infinity) <= m } } ?? models
        guard let best = eligible.min(by: { order($0.fitError, $1.fitError, $0.id, $1.id) }) else {
            return .init(goal: "fit", reason: "no variant trained a model")
        }
        let split = best.number("nrmse_val") != nil ? "validation" : "training"
        var reason = "\(best.name) has the lowest \(split) NRMSE (\(f(best.fitError)))"
        if let medianGap {
            reason += " among the \(eligible.count) of \(models.count) variants whose validation/test gap is at most the median gap (\(f(medianGap))); its test NRMSE is \(f(best.number("nrmse_test")))"
        } else {
            reason += " (there is no validation/test split to compare)"
        }
        if let overall = models.min(by: { order($0.fitError, $1.fitError, $0.id, $1.id) }), overall.id != best.id {
            reason += ". \(overall.name) is lower on validation (\(f(overall.fitError))) but its gap (\(f(overall.gap))) is larger, so its validation error is less likely to hold"
        }
        reason += lift(best, baseline: baseline)
        return .init(goal: "fit", variantId: best.id, variantName: best.name, reason: reason + ".")
    }

    /// Allocation: the lowest DECOMP.RSSD (effect shares closest to spend shares) among variants whose fit error is
    /// within `tolerance` (relative) of the best fit.
    public static func allocation(_ rows: [AnalysisRow], baseline: AnalysisRow?, tolerance: Double = 0.10) -> BenchmarkRecommendation {
        let models = rows.filter { $0.hasModel && $0.fitError != nil && $0.number("decomp_rssd") != nil }
        guard let bestFit = models.compactMap(\.fitError).min() else {
            return .init(goal: "allocation", reason: "no variant trained a model with a DECOMP.RSSD")
        }
        let limit = bestFit * (1 + tolerance)
        let eligible = models.filter { ($0.fitError ?? .infinity) <= limit }
        guard let best = eligible.min(by: { order($0.number("decomp_rssd"), $1.number("decomp_rssd"), $0.id, $1.id) }) else {
            return .init(goal: "allocation", reason: "no variant is within the fit tolerance")
        }
        var reason = "\(best.name) has the lowest DECOMP.RSSD (\(f(best.number("decomp_rssd")))) among the \(eligible.count) of \(models.count) variants whose fit error is within \(Int(tolerance * 100))% of the best (≤ \(f(limit))), so its effect shares stay closest to the spend shares without giving up fit; its fit error is \(f(best.fitError))"
        if let overall = models.min(by: { order($0.number("decomp_rssd"), $1.number("decomp_rssd"), $0.id, $1.id) }), overall.id != best.id {
            reason += ". \(overall.name) has a lower DECOMP.RSSD (\(f(overall.number("decomp_rssd")))) but fits worse (\(f(overall.fitError)))"
        }
        reason += lift(best, baseline: baseline)
        return .init(goal: "allocation", variantId: best.id, variantName: best.name, reason: reason + ".")
    }

    /// How much the variant improves on the naive baseline.
    static func lift(_ row: AnalysisRow, baseline: AnalysisRow?) -> String {
        guard let b = baseline?.fitError, let m = row.fitError, b > 0 else { return "" }
        let change = Int(((1 - m / b) * 100).rounded())
        return change >= 0
            ? "; against the naive baseline (no media, NRMSE \(f(b))) it cuts the error by \(change)%"
            : "; note that its error is \(-change)% higher than the naive baseline's (no media, NRMSE \(f(b))): at these counts the media model does not beat trend, season and holidays alone"
    }

    /// Ascending by value (missing last), ties by id, so the choice is deterministic.
    static func order(_ a: Double?, _ b: Double?, _ ia: String, _ ib: String) -> Bool {
        switch (a, b) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return ia < ib
        }
    }

    static func f(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "–" }
}
