/// Stacks labels that sit in one horizontal band into as few rows as needed so none overlap.
///
/// Deterministic: labels are placed in the order given, each in the first row where it fits.
struct RowPacker {
    /// The row (0 = top) for each label.
    let rows: [Int]
    /// Rows used (at least 1).
    var rowCount: Int { (rows.max() ?? 0) + 1 }

    /// Greedy interval packing with known centres: each label goes to the first row where it does not overlap.
    /// - Parameters:
    ///   - spans: (centre, width) per label.
    ///   - gap: minimum space between labels in one row.
    static func pack(spans: [(center: Double, width: Double)], gap: Double = 6) -> RowPacker {
        var rowsEnd: [[(Double, Double)]] = []
        var rows: [Int] = []
        for span in spans {
            let lo = span.center - span.width / 2 - gap / 2, hi = span.center + span.width / 2 + gap / 2
            var placed = false
            for r in rowsEnd.indices where !rowsEnd[r].contains(where: { lo < $0.1 && hi > $0.0 }) {
                rowsEnd[r].append((lo, hi))
                rows.append(r)
                placed = true
                break
            }
            if !placed {
                rowsEnd.append([(lo, hi)])
                rows.append(rowsEnd.count - 1)
            }
        }
        return RowPacker(rows: rows)
    }
}
