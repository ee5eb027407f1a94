import Foundation
import MMMCore
import MMMEngine

/// The naive baseline every variant is compared with: ordinary least squares of the dependent variable on an
/// intercept and the base configuration's baseline terms (trend, season, holidays; weekday on daily data) only —
/// no media, no context drivers — over the same time-ordered train/validation/test split.
public struct NaiveBaseline: Codable, Sendable, Equatable {
    /// The terms used (besides the intercept).
    public var terms: [String]
    /// The training share: the base's fixed `train_size`, or the middle of its search range (the expected share of
    /// a uniformly sampled candidate).
    public var trainSize: Double
    /// Adjusted R² per split (validation and test with the training row count, as Robyn).
    public var rsqTrain: Double?
    public var rsqVal: Double?
    public var rsqTest: Double?
    /// NRMSE per split.
    public var nrmseTrain: Double?
    public var nrmseVal: Double?
    public var nrmseTest: Double?

    enum CodingKeys: String, CodingKey {
        case terms
        case trainSize = "train_size"
        case rsqTrain = "rsq_train"
        case rsqVal = "rsq_val"
        case rsqTest = "rsq_test"
        case nrmseTrain = "nrmse_train"
        case nrmseVal = "nrmse_val"
        case nrmseTest = "nrmse_test"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(terms, forKey: .terms)
        try c.encode(trainSize, forKey: .trainSize)
        try c.encodeFinite(rsqTrain, forKey: .rsqTrain)
        try c.encodeFinite(rsqVal, forKey: .rsqVal)
        try c.encodeFinite(rsqTest, forKey: .rsqTest)
        try c.encodeFinite(nrmseTrain, forKey: .nrmseTrain)
        try c.encodeFinite(nrmseVal, forKey: .nrmseVal)
        try c.encodeFinite(nrmseTest, forKey: .nrmseTest)
    }

    /// Fits the baseline for `config` on `table`.
    /// - Throws: preparation and design errors of the base configuration.
    public static func fit(config: JobConfig, table: LoadedTable, holidays: HolidayCalendar? = nil) throws -> NaiveBaseline {
        let state = try DataPreparer().prepare(table.table, config: config, source: table.provenance.source)
        let model = try ModelDesignBuilder.build(state, holidays: holidays)
        let design = model.design
        let columns = design.regressors.filter { if case .baseline = $0.role { return true } else { return false } }
        let window = design.window
        let y = Array(design.dependent[window])
        let x = columns.map { Array($0.values[window]) }
        let (low, high) = config.trainSize.bounds
        let share = (low + high) / 2
        let split = TimeSeriesSplit(count: y.count, trainSize: share)
        let beta = leastSquares(x: x, y: y, rows: split.train)
        let predicted = (0..<y.count).map { i in beta[0] + zip(x, beta.dropFirst()).reduce(0) { $0 + $1.0[i] * $1.1 } }
        func part(_ rows: Range<Int>) -> ([Double], [Double]) { (Array(y[rows]), Array(predicted[rows])) }
        func rsq(_ rows: Range<Int>, out: Bool) -> Double? {
            guard !rows.isEmpty else { return nil }
            let (a, p) = part(rows)
            return FitMetrics.adjustedRSquared(actual: a, predicted: p, parameterCount: x.count, dfInt: 1, trainCount: out ? split.train.count : nil)
        }
        func nrmse(_ rows: Range<Int>) -> Double? {
            guard !rows.isEmpty else { return nil }
            let (a, p) = part(rows)
            return FitMetrics.nrmse(actual: a, predicted: p)
        }
        return NaiveBaseline(
            terms: columns.map(\.name), trainSize: share, rsqTrain: rsq(split.train, out: false),
            rsqVal: rsq(split.validation, out: true), rsqTest: rsq(split.test, out: true), nrmseTrain: nrmse(split.train),
            nrmseVal: nrmse(split.validation), nrmseTest: nrmse(split.test))
    }

    /// OLS coefficients `[intercept, β…]` on `rows`, by the normal equations with partial pivoting (a handful of
    /// columns); a column that is constant on the rows gets 0.
    static func leastSquares(x: [[Double]], y: [Double], rows: Range<Int>) -> [Double] {
        let p = x.count + 1
        func value(_ j: Int, _ i: Int) -> Double { j == 0 ? 1 : x[j - 1][i] }
        var a = [[Double]](repeating: [Double](repeating: 0, count: p + 1), count: p)
        for i in rows {
            for r in 0..<p {
                let vr = value(r, i)
                for c in 0..<p { a[r][c] += vr * value(c, i) }
                a[r][p] += vr * y[i]
            }
        }
        let scale = (0..<p).map { a[$0][$0] }.max() ?? 1
        for col in 0..<p {
            guard let pivot = (col..<p).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }) else { continue }
            a.swapAt(col, pivot)
            guard abs(a[col][col]) > 1e-12 * max(scale, 1) else {
                for r in 0..<p { a[r][col] = 0 }
                a[col] = [Double](repeating: 0, count: p + 1)
                a[col][col] = 1
                continue
            }
            for r in 0..<p where r != col {
                let factor = a[r][col] / a[col][col]
                guard factor != 0 else { continue }
                for c in col...p { a[r][c] -= factor * a[col][c] }
            }
        }
        return (0..<p).map { a[$0][$0] == 0 ? 0 : a[$0][p] / a[$0][$0] }
    }
}
