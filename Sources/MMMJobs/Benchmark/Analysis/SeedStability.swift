import Foundation

/// How much a benchmark's results move when only the seed changes: per channel the spread of ROI (or CPA) across
/// seeds, and how well the channels' ranking agrees between seeds (mean pairwise Spearman correlation).
public struct SeedStability: Sendable, Equatable {
    /// One channel's spread.
    public struct Channel: Sendable, Equatable {
        /// `roi_<spend>` or `cpa_<spend>`.
        public var column: String
        public var mean: Double
        public var standardDeviation: Double
        public var min: Double
        public var max: Double
        /// standard deviation ÷ |mean|.
        public var coefficientOfVariation: Double?
    }

    /// The settings shared by the group (everything but the seed), in words.
    public var group: String
    /// The seeds compared.
    public var seeds: [String]
    /// Per channel.
    public var channels: [Channel]
    /// Mean Spearman correlation of the channel ranking over every pair of seeds (1 = identical rankings).
    public var rankAgreement: Double?
    /// How many seeds pick the most common top channel.
    public var topChannel: (name: String, seeds: Int)?

    public static func == (a: Self, b: Self) -> Bool {
        a.group == b.group && a.seeds == b.seeds && a.channels == b.channels && a.rankAgreement == b.rankAgreement
            && a.topChannel?.name == b.topChannel?.name && a.topChannel?.seeds == b.topChannel?.seeds
    }

    /// The groups of rows that differ only by seed (at least two seeds each).
    public static func groups(_ rows: [AnalysisRow], efficiencyColumns: [String]) -> [SeedStability] {
        let settings = ["adstock", "hyperparameter_preset", "train_size", "resample_freq", "spend_var_mapping", "window_start", "window_end", "iterations", "trials"]
        var grouped: [String: [AnalysisRow]] = [:]
        var order: [String] = []
        for row in rows where row.hasModel {
            let key = settings.map { "\($0)=\(row.cells[$0] ?? "")" }.joined(separator: ", ")
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(row)
        }
        return order.compactMap { key in
            guard let members = grouped[key], Set(members.map { $0.cells["seed"] ?? "" }).count >= 2 else { return nil }
            return stability(members, group: key, columns: efficiencyColumns)
        }
    }

    static func stability(_ rows: [AnalysisRow], group: String, columns: [String]) -> SeedStability {
        var channels: [Channel] = []
        for column in columns {
            let values = rows.compactMap { $0.number(column) }
            guard values.count >= 2 else { continue }
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
            channels.append(
                Channel(column: column, mean: mean, standardDeviation: sd, min: values.min() ?? mean, max: values.max() ?? mean,
                    coefficientOfVariation: mean != 0 ? sd / abs(mean) : nil))
        }
        let vectors = rows.map { row in columns.map { row.number($0) ?? .nan } }
        var correlations: [Double] = []
        for i in vectors.indices {
            for j in vectors.indices where j > i {
                if let r = spearman(vectors[i], vectors[j]) { correlations.append(r) }
            }
        }
        var tops: [String: Int] = [:]
        for v in vectors {
            guard let best = v.indices.filter({ v[$0].isFinite }).max(by: { v[$0] < v[$1] }) else { continue }
            tops[columns[best], default: 0] += 1
        }
        let top = tops.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
        return SeedStability(
            group: group, seeds: rows.map { $0.cells["seed"] ?? "" }, channels: channels,
            rankAgreement: correlations.isEmpty ? nil : correlations.reduce(0, +) / Double(correlations.count),
            topChannel: top.map { ($0.key, $0.value) })
    }

    /// Spearman's rank correlation over the positions finite in both (average ranks for ties).
    static func spearman(_ a: [Double], _ b: [Double]) -> Double? {
        let keep = a.indices.filter { a[$0].isFinite && b[$0].isFinite }
        guard keep.count >= 2 else { return nil }
        let ra = ranks(keep.map { a[$0] }), rb = ranks(keep.map { b[$0] })
        let ma = ra.reduce(0, +) / Double(ra.count), mb = rb.reduce(0, +) / Double(rb.count)
        var num = 0.0, da = 0.0, db = 0.0
        for i in ra.indices {
            num += (ra[i] - ma) * (rb[i] - mb)
            da += (ra[i] - ma) * (ra[i] - ma)
            db += (rb[i] - mb) * (rb[i] - mb)
        }
        guard da > 0, db > 0 else { return nil }
        return num / (da * db).squareRoot()
    }

    static func ranks(_ values: [Double]) -> [Double] {
        let sorted = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count, values[sorted[j + 1]] == values[sorted[i]] { j += 1 }
            for k in i...j { result[sorted[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        return result
    }
}
