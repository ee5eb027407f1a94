import ArgumentParser

/// `mmm-cli benchmark`: compare variants of a model configuration.
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Compare variants of a model configuration: plan, train, collect and analyse (docs/benchmark.md).",
        discussion: """
            A benchmark config (Examples/benchmarks/*.json) names a base configuration and the variants to try by \
            dimension (adstock, train_splits, time_aggregation, spend_var_mapping, seasonality_window, seed, overrides). \
            Layout: <output>/<benchmark id>/plan.json, variants/<variant id>/ (ordinary run folders), results.csv, \
            analysis/. The same plan always gets the same benchmark id, so re-running a command resumes it.
            Example: mmm-cli benchmark full --base Examples/configs/demo_job_config.json \
            --data Examples/data/dt_simulated_weekly.csv --output runs/benchmarks
            """,
        subcommands: [
            BenchmarkListCommand.self, BenchmarkPlanCommand.self, BenchmarkRunCommand.self, BenchmarkCollectCommand.self,
            BenchmarkAnalyzeCommand.self, BenchmarkFullCommand.self,
        ]
    )
}
