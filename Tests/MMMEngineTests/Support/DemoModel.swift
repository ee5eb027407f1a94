import Foundation
import MMMCore
import MMMEngine

/// The Robyn demo model: `dt_mod` from robyn_demo_dt_mod.csv, spends from the raw demo data, fixed hyperparameters.
enum DemoModel {
    static let baseline = ["trend", "season", "holiday"]
    static let context = ["competitor_sales_B", "events"]
    /// Selected name → spend column.
    static let paid: [(String, String)] = [
        ("tv_S", "tv_S"), ("ooh_S", "ooh_S"), ("print_S", "print_S"), ("facebook_I", "facebook_S"),
        ("search_clicks_P", "search_S"),
    ]
    static let organic = ["newsletter"]

    /// Robyn's window rows 7…163 (1-based) as 0-based half-open.
    static let window = 6..<163

    static func design() throws -> ModelDesign {
        let table = try SimpleCSV(url: Fixtures.robyn("robyn_demo_dt_mod.csv"))
        let raw = try SimpleCSV(url: Fixtures.demoData)
        var regressors: [Regressor] = []
        for name in baseline {
            regressors.append(Regressor(name: name, values: try table.column(name), role: .baseline(isTrend: name == "trend")))
        }
        for name in context {
            regressors.append(Regressor(name: name, values: try table.column(name), role: .context(sign: .default)))
        }
        for (name, spendName) in paid {
            regressors.append(
                Regressor(
                    name: name, values: try table.column(name),
                    role: .paidMedia(spendName: spendName, spend: try raw.column(spendName), sign: .positive)))
        }
        for name in organic {
            regressors.append(Regressor(name: name, values: try table.column(name), role: .organic(sign: .positive)))
        }
        return try ModelDesign(dependent: try table.column("dep_var"), regressors: regressors, window: window)
    }

    /// The fixed demo hyperparameters (geometric), for a given train size.
    static func hyperparameters(trainSize: Double, lambdaHP: Double = 0.05) throws -> CandidateHyperparameters {
        let hyper = try Fixtures.demoModel()["hyperparameters"]
        let names = paid.map(\.0) + organic
        let media = names.map { name in
            MediaHyperparameters(
                adstock: .geometric(theta: hyper["\(name)_thetas"].double), alpha: hyper["\(name)_alphas"].double,
                gamma: hyper["\(name)_gammas"].double)
        }
        return CandidateHyperparameters(media: media, lambda: .normalized(lambdaHP), trainSize: trainSize)
    }

    static func evaluator(tsValidation: Bool) throws -> CandidateEvaluator {
        try CandidateEvaluator(
            design: design(), settings: ModelSettings(adstock: .geometric, tsValidation: tsValidation))
    }
}
