import MMMCore

/// The design matrix of Prophet's additive model with linear growth, in Prophet's scaled units.
///
/// Trend: `(k + Σ δⱼ·[t ≥ sⱼ])·t + (m − Σ sⱼ·δⱼ·[t ≥ sⱼ])`, which is linear in (k, m, δ) with columns t, 1 and
/// the hinges (t − sⱼ)₊. Then the Fourier blocks, one indicator per holiday and one column per factor dummy.
struct BaselineDesign {
    /// What a column is.
    enum Block: Equatable {
        case slope, offset, changepoint
        case seasonality(BaselineTerm)
        case holiday
        case factor(Int)
    }

    /// One array of values per column.
    private(set) var columns: [[Double]] = []
    /// The block of each column.
    private(set) var blocks: [Block] = []
    /// Normal prior precision (1/scale²) per column; 0 for Laplace columns.
    private(set) var ridge: [Double] = []
    /// Laplace prior rate (1/scale) per column; 0 for normal columns.
    private(set) var lasso: [Double] = []
    /// Column names (for diagnostics).
    private(set) var names: [String] = []

    /// Appends a column with a normal prior of the given scale.
    mutating func add(_ values: [Double], block: Block, name: String, priorScale: Double) {
        columns.append(values)
        blocks.append(block)
        ridge.append(1 / (priorScale * priorScale))
        lasso.append(0)
        names.append(name)
    }

    /// Appends a column with a Laplace prior of the given scale.
    mutating func addSparse(_ values: [Double], block: Block, name: String, priorScale: Double) {
        columns.append(values)
        blocks.append(block)
        ridge.append(0)
        lasso.append(1 / priorScale)
        names.append(name)
    }

    /// Σ coefficient × column over the columns of the blocks that `include` accepts.
    func component(_ coefficients: [Double], where include: (Block) -> Bool) -> [Double] {
        var total = [Double](repeating: 0, count: columns.first?.count ?? 0)
        for (index, column) in columns.enumerated() where include(blocks[index]) && coefficients[index] != 0 {
            let beta = coefficients[index]
            for i in total.indices { total[i] += beta * column[i] }
        }
        return total
    }

    /// Prophet's scaled time: 0 at the first date, 1 at the last.
    static func scaledTime(_ dates: [CalendarDate]) -> [Double] {
        guard let first = dates.first, let last = dates.last, last > first else { return dates.map { _ in 0 } }
        let span = Double(last.days(since: first))
        return dates.map { Double($0.days(since: first)) / span }
    }

    /// Adds Prophet's linear-growth trend: t, 1, and one hinge per changepoint row.
    mutating func addTrend(t: [Double], changepointRows: [Int], options: BaselineFitOptions) {
        add(t, block: .slope, name: "k", priorScale: options.trendPriorScale)
        add(t.map { _ in 1 }, block: .offset, name: "m", priorScale: options.trendPriorScale)
        for row in changepointRows {
            let s = t[row]
            addSparse(
                t.map { max($0 - s, 0) }, block: .changepoint, name: "delta_\(row)",
                priorScale: options.changepointPriorScale)
        }
    }

    /// Adds a Fourier seasonality block.
    mutating func addSeasonality(
        _ term: BaselineTerm, days: [Double], period: Double, order: Int, priorScale: Double
    ) {
        for (index, column) in BaselineFourier.columns(days: days, period: period, order: order).enumerated() {
            add(column, block: .seasonality(term), name: "\(term.rawValue)_\(index + 1)", priorScale: priorScale)
        }
    }
}
