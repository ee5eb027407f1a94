/// A line search satisfying the strong Wolfe conditions (Nocedal & Wright, Algorithms 3.5 and 3.6), with
/// safeguarded cubic interpolation in the zoom phase. It minimises φ(α) = f(x + α·d) along a descent direction d.
struct WolfeLineSearch {
    /// One evaluation of φ: its value, slope φ′(α) = ∇f·d, and the full gradient (kept for the accepted step).
    struct Trial {
        var alpha: Double
        var value: Double
        var slope: Double
        var gradient: [Double]
    }

    /// Sufficient-decrease constant c₁.
    var c1 = 1e-4
    /// Curvature constant c₂ (0.9 suits quasi-Newton directions).
    var c2 = 0.9
    /// Evaluations allowed per search.
    var maxEvaluations = 40

    /// Searches along d from α₀.
    /// - Parameters:
    ///   - start: φ(0), with its slope (must be negative) and gradient.
    ///   - initialStep: The first trial α.
    ///   - evaluate: Computes φ at α; a non-finite value means "outside the domain".
    /// - Returns: A trial satisfying the strong Wolfe conditions, or the best sufficient-decrease point found, or
    ///   `nil` if no step decreased f.
    func search(start: Trial, initialStep: Double, evaluate: (Double) -> Trial) -> Trial? {
        var previous = start
        var alpha = initialStep
        var evaluations = 0
        var best: Trial?
        while evaluations < maxEvaluations {
            var trial = evaluate(alpha)
            evaluations += 1
            // Step back into the domain when the density is undefined this far out.
            while !trial.value.isFinite || !trial.slope.isFinite {
                alpha = previous.alpha + 0.25 * (alpha - previous.alpha)
                guard evaluations < maxEvaluations, alpha > previous.alpha else { return best }
                trial = evaluate(alpha)
                evaluations += 1
            }
            if trial.value > start.value + c1 * alpha * start.slope || (evaluations > 1 && trial.value >= previous.value) {
                return zoom(low: previous, high: trial, start: start, evaluations: evaluations, evaluate: evaluate) ?? best
            }
            best = trial
            if abs(trial.slope) <= -c2 * start.slope { return trial }
            if trial.slope >= 0 {
                return zoom(low: trial, high: previous, start: start, evaluations: evaluations, evaluate: evaluate) ?? best
            }
            previous = trial
            alpha *= 2
        }
        return best
    }

    private func zoom(low: Trial, high: Trial, start: Trial, evaluations: Int, evaluate: (Double) -> Trial) -> Trial? {
        var (low, high) = (low, high)
        var count = evaluations
        while count < maxEvaluations {
            let alpha = interpolate(low, high)
            let trial = evaluate(alpha)
            count += 1
            if !trial.value.isFinite || trial.value > start.value + c1 * alpha * start.slope || trial.value >= low.value {
                high = trial
            } else {
                if abs(trial.slope) <= -c2 * start.slope { return trial }
                if trial.slope * (high.alpha - low.alpha) >= 0 { high = low }
                low = trial
            }
            if abs(high.alpha - low.alpha) < 1e-16 * Swift.max(1, abs(low.alpha)) { break }
        }
        // The low end always satisfies sufficient decrease; use it unless it is the starting point.
        return low.alpha > 0 ? low : nil
    }

    /// The minimiser of the cubic through both ends (values and slopes), kept inside the middle 80 % of the
    /// bracket; bisection when the cubic has no usable minimum.
    private func interpolate(_ a: Trial, _ b: Trial) -> Double {
        let lo = Swift.min(a.alpha, b.alpha)
        let hi = Swift.max(a.alpha, b.alpha)
        let margin = 0.1 * (hi - lo)
        var candidate = (a.alpha + b.alpha) / 2
        if b.value.isFinite, b.slope.isFinite {
            let d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.alpha - b.alpha)
            let discriminant = d1 * d1 - a.slope * b.slope
            if discriminant >= 0 {
                let d2 = (b.alpha > a.alpha ? 1.0 : -1.0) * discriminant.squareRoot()
                let cubic = b.alpha - (b.alpha - a.alpha) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2)
                if cubic.isFinite { candidate = cubic }
            }
        }
        return Swift.min(Swift.max(candidate, lo + margin), hi - margin)
    }
}
