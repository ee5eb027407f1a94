import MMMCore

/// Why the baseline decomposition (trend, season, holiday, weekday, monthly, factor effects) could not be built.
package struct BaselineError: CategorizedError, Equatable {
    /// Machine-readable reason.
    package enum Reason: Sendable, Equatable {
        /// Dates and values have different lengths, or there are fewer than two rows.
        case invalidInput
        /// Dates are not strictly increasing.
        case unsortedDates
        /// The dependent variable has a missing or infinite value.
        case nonFiniteValue
        /// `holiday` was requested without a country.
        case missingCountry
        /// The country is not in the holiday calendar.
        case unknownCountry
        /// Monthly data is not dated on the 1st, so holidays cannot be matched to rows.
        case monthlyDatesNotFirstOfMonth
        /// An option is out of its valid range.
        case invalidOption
        /// A factor variable does not have one value per row.
        case invalidFactor
        /// The numerical fit failed (singular design or non-finite result).
        case fitFailed
    }

    /// Why it failed.
    package var reason: Reason
    /// What is wrong.
    package var message: String
    /// What the user can do about it.
    package var hint: String?

    /// Creates an error.
    package init(_ reason: Reason, _ message: String, hint: String? = nil) {
        self.reason = reason
        self.message = message
        self.hint = hint
    }

    /// Bad data is an input-data error; bad options or country are usage errors; a failed fit is a runtime error.
    package var category: ErrorCategory {
        switch reason {
        case .invalidInput, .unsortedDates, .nonFiniteValue, .monthlyDatesNotFirstOfMonth, .invalidFactor:
            return .inputData
        case .missingCountry, .unknownCountry, .invalidOption:
            return .usage
        case .fitFailed:
            return .runtime
        }
    }

    /// `baseline: message — hint`.
    package var description: String {
        "baseline: " + message + (hint.map { " — " + $0 } ?? "")
    }
}
