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
    ///
    /// When every model is Bayesian the rule is ``bayesianAllocation(_:columns:baseline:tolerance:)`` instead:
    /// DECOMP.RSSD is Robyn's selection heuristic, which pulls every channel towards one common ROI, and a posterior
    /// says directly how well each ROI is known.
    public static func allocation(
        _ rows: [AnalysisRow], baseline: AnalysisRow?, tolerance: Double = 0.10, columns: [String] = []
    ) -> BenchmarkRecommendation {
        let fitted = rows.filter { $0.hasModel && $0.fitError != nil }
        if !fitted.isEmpty, fitted.allSatisfy({ $0.verdict != nil }) {
            return bayesianAllocation(fitted, columns: columns, baseline: baseline, tolerance: tolerance)
        }
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

    /// How much the variant improves on the naive baseline, on the same split: the baseline's validation NRMSE
    /// against a variant's validation NRMSE, its training NRMSE against a variant without a validation split (a
    /// Bayesian fit of the whole window).
    static func lift(_ row: AnalysisRow, baseline: AnalysisRow?) -> String {
        let sameSplit = row.number("nrmse_val") != nil ? baseline?.fitError : baseline?.number("nrmse_train")
        guard let b = sameSplit, let m = row.fitError, b > 0 else { return "" }
        let change = Int(((1 - m / b) * 100).rounded())
        return change >= 0
            ? "; against the naive baseline (no media, NRMSE \(f(b))) it cuts the error by \(change)%"
            : "; note that its error is \(-change)% higher than the naive baseline's (no media, NRMSE \(f(b))): at these counts the media model does not beat trend, season and holidays alone"
    }

    /// Allocation for Bayesian variants: the narrowest 90 % ROI intervals (mean width over the paid channels) among
    /// variants whose posterior can be trusted (verdict `ok`, `warning` or `approximate`, not `failed`) and whose fit
    /// error is within `tolerance` of the best. An allocation moves money by the ROIs, so the variant that knows them
    /// best is the safest basis; the reason says that narrow intervals can also come from narrow hyperparameter
    /// ranges.
    static func bayesianAllocation(
        _ models: [AnalysisRow], columns: [String], baseline: AnalysisRow?, tolerance: Double
    ) -> BenchmarkRecommendation {
        func meanWidth(_ row: AnalysisRow) -> Double? {
            let widths = row.intervalWidths(columns: columns)
            return widths.isEmpty ? nil : widths.reduce(0, +) / Double(widths.count)
        }
        // Variants linked `same_as` show another variant's model: count each model once (under its own variant).
        let models = models.filter { ($0.cells["same_as"] ?? "").isEmpty }
        let trusted = models.filter { $0.verdict != "failed" }
        guard let bestFit = trusted.compactMap(\.fitError).min() else {
            return .init(goal: "allocation", reason: "no Bayesian variant converged (every verdict is failed): raise the draws or --target-accept and run again")
        }
        let limit = bestFit * (1 + tolerance)
        let eligible = trusted.filter { ($0.fitError ?? .infinity) <= limit && meanWidth($0) != nil }
        guard let best = eligible.min(by: { order(meanWidth($0), meanWidth($1), $0.id, $1.id) }) else {
            return .init(goal: "allocation", reason: "no converged Bayesian variant within the fit tolerance has ROI intervals in results.csv")
        }
        let channels = best.intervalWidths(columns: columns).count
        var reason = "\(best.name) has the narrowest 90% ROI intervals (mean width \(f(meanWidth(best))) over \(channels) paid channels) among the \(eligible.count) of \(models.count) Bayesian models that converged and fit within \(Int(tolerance * 100))% of the best (≤ \(f(limit))), so its ROIs, which the allocation moves money by, are known best; its fit error is \(f(best.fitError))"
        let failed = models.count - trusted.count
        if failed > 0 { reason += "; \(failed) variant\(failed == 1 ? "" : "s") did not converge (verdict failed) and \(failed == 1 ? "was" : "were") left out" }
        reason += lift(best, baseline: baseline)
        reason += ". Narrow intervals come from the data or from narrow hyperparameter ranges: compare the ranges before trusting the difference"
        return .init(goal: "allocation", variantId: best.id, variantName: best.name, reason: reason + ".")
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
