import MMMCore

/// Checks the decomposition's inputs and says which row or name is wrong.
enum BaselineInputCheck {
    /// Lengths, order of dates, finiteness of y, and factor lengths.
    static func check(dates: [CalendarDate], y: [Double], factors: [BaselineFactor]) throws {
        guard dates.count == y.count else {
            throw BaselineError(.invalidInput, "\(dates.count) dates but \(y.count) values of the dependent variable")
        }
        guard dates.count >= 2 else {
            throw BaselineError(
                .invalidInput, "the decomposition needs at least 2 rows, got \(dates.count)",
                hint: "use a longer history")
        }
        for i in 1..<dates.count where dates[i] <= dates[i - 1] {
            throw BaselineError(
                .unsortedDates, "dates must be strictly increasing: \(dates[i]) follows \(dates[i - 1])",
                hint: "sort the data by date and remove duplicate dates (data prepare does both)")
        }
        if let bad = y.indices.first(where: { !y[$0].isFinite }) {
            throw BaselineError(
                .nonFiniteValue, "the dependent variable is \(y[bad]) on \(dates[bad])",
                hint: "fill or remove missing values of the dependent variable")
        }
        for factor in factors where factor.values.count != y.count {
            throw BaselineError(
                .invalidFactor, "factor '\(factor.name)' has \(factor.values.count) values for \(y.count) rows")
        }
    }

    /// Factor names must be distinct and must not reuse a term's column name.
    static func checkNames(factors: [BaselineFactor], terms: [BaselineTerm]) throws {
        var seen = Set(terms.map(\.rawValue))
        for factor in factors {
            guard !factor.name.isEmpty, seen.insert(factor.name).inserted else {
                throw BaselineError(
                    .invalidFactor, "factor name '\(factor.name)' is empty or used twice (baseline columns: "
                        + terms.map(\.rawValue).joined(separator: ", ") + ")",
                    hint: "rename the factor variable")
            }
        }
    }
}
