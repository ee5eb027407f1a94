/// A categorical (factor) variable: one level per row; `nil` is a missing cell.
package struct BaselineFactor: Sendable, Equatable {
    /// The variable's name, e.g. `events`.
    package var name: String
    /// One value per data row.
    package var values: [String?]

    /// Creates a factor.
    package init(name: String, values: [String?]) {
        self.name = name
        self.values = values
    }
}

/// One 0/1 indicator column made from a factor.
package struct BaselineFactorDummy: Sendable, Equatable {
    /// `<factor>_<level>`, e.g. `events_event1`.
    package var name: String
    /// The level it indicates.
    package var level: String
    /// 1 where the factor equals the level, else 0.
    package var values: [Double]
}

/// One-hot encoding of factors with the rules of lares `ohse` as Robyn calls it (`drop = FALSE`, `limit = 10`).
package enum BaselineFactorEncoding {
    /// The level a missing cell gets, as lares writes it.
    package static let missingLevel = "NAs"
    /// The level pooling infrequent values, as lares writes it.
    package static let otherLevel = "OTHER"

    /// The dummy columns of one factor.
    ///
    /// - 1 level: none (no variance).
    /// - 2 levels: one column for the second level in sorted order.
    /// - L ≥ 3 levels: if L ≥ 0.9 × rows, none (lares treats it as an identifier); else the `limit` most frequent
    ///   levels are kept (ties: sorted order), the rest pooled as `OTHER`, and one column per level in sorted order
    ///   except the last.
    ///
    /// Sorting follows ``collates(_:_:)``. Missing cells are the level `NAs`.
    /// - Parameters:
    ///   - factor: the variable.
    ///   - limit: lares `limit` (10).
    /// - Returns: the dummies, in column order.
    package static func dummies(for factor: BaselineFactor, limit: Int = 10) -> [BaselineFactorDummy] {
        let values = factor.values.map { $0 ?? missingLevel }
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        let levels = counts.keys.sorted(by: collates)
        guard levels.count >= 2 else { return [] }
        if levels.count == 2 {
            return [dummy(factor.name, levels[1], values)]
        }
        if Double(levels.count) >= 0.9 * Double(values.count) { return [] }
        var reduced = values
        if levels.count > limit {
            // Most frequent first; a stable sort keeps sorted order among equal counts, as dplyr's arrange does.
            let kept = Set(levels.enumerated().sorted { a, b in
                let ca = counts[a.element] ?? 0, cb = counts[b.element] ?? 0
                return ca != cb ? ca > cb : a.offset < b.offset
            }.prefix(limit).map(\.element))
            reduced = values.map { kept.contains($0) ? $0 : otherLevel }
        }
        let finalLevels = Array(Set(reduced)).sorted(by: collates)
        return finalLevels.dropLast().map { dummy(factor.name, $0, reduced) }
    }

    /// Level order: case-insensitive first, then lower case before upper case, then by code points — close to R's
    /// `sort()` under an English locale (which also ignores punctuation at the first level; this does not).
    package static func collates(_ a: String, _ b: String) -> Bool {
        let la = a.lowercased(), lb = b.lowercased()
        if la != lb { return la.unicodeScalars.lexicographicallyPrecedes(lb.unicodeScalars) }
        // Same letters: the one with a lower-case letter at the first difference comes first.
        for (ca, cb) in zip(a.unicodeScalars, b.unicodeScalars) where ca != cb {
            return ca.properties.isLowercase
        }
        return a.unicodeScalars.count < b.unicodeScalars.count
    }

    private static func dummy(_ name: String, _ level: String, _ values: [String]) -> BaselineFactorDummy {
        BaselineFactorDummy(name: name + "_" + level, level: level, values: values.map { $0 == level ? 1 : 0 })
    }
}
