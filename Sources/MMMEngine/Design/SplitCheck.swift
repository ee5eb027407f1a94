import MMMCore

/// Checks, before any search, that every train_size the search may sample leaves usable validation and test rows.
///
/// With fewer than 2 rows a split's range is 0, so its NRMSE is NaN or Inf for every candidate and the search would
/// silently optimise DECOMP.RSSD alone (Robyn would do the same; we refuse).
enum SplitCheck {
    /// The smallest number of rows each of validation and test must have.
    static let minimumRows = 2

    /// - Throws: ``ConfigError`` at `$.train_size` naming the largest usable train_size.
    static func validate(windowRows: Int, trainSize: TrainSize) throws {
        let (lower, upper) = trainSize.bounds
        guard lower < 1 else { return }
        func ok(_ t: Double) -> Bool {
            let split = TimeSeriesSplit(count: windowRows, trainSize: t)
            return split.train.count >= minimumRows && split.validation.count >= minimumRows
                && split.test.count >= minimumRows
        }
        guard !ok(upper) || !ok(lower) else { return }
        let largest = stride(from: 0.99, through: 0.11, by: -0.01).first(where: ok)
        let advice = largest.map { "use at most \(NumberFormatting.shortest(($0 * 100).rounded() / 100))" }
            ?? "the window is too short for a split; use train_size 1"
        throw ConfigError(
            path: "$.train_size",
            "\(trainSize.description) leaves fewer than \(minimumRows) validation or test rows in the \(windowRows)-row window; \(advice)")
    }
}

extension TrainSize: CustomStringConvertible {
    public var description: String {
        switch self {
        case .fixed(let v): return NumberFormatting.shortest(v)
        case .range(let a, let b): return "[\(NumberFormatting.shortest(a)), \(NumberFormatting.shortest(b))]"
        }
    }
}
