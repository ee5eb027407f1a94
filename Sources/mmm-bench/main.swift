import Foundation

/// `mmm-bench <name> [options]`: performance benchmarks whose numbers go into the README table.
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: @Sendable ([String]) async throws -> Void] = [
    "benchmark": BenchmarkBenchmark.run,
    "csv": CSVBenchmark.run,
    "robyn": RobynBenchmark.run,
    "train": TrainBenchmark.run,
    "allocate": AllocateBenchmark.run,
    "recovery": RecoveryBenchmark.run,
    "snowflake-decode": SnowflakeDecodeBenchmark.run,
    "parquet": ParquetBenchmark.run,
    "bayes": BayesBenchmark.run,
    "bayes-quality": BayesQualityBenchmark.run,
    "bayes-experiment": BayesQualityExperiments.run,
]
guard let name = arguments.first, let run = benchmarks[name] else {
    let names = benchmarks.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: mmm-bench <\(names)> [options]\n".utf8))
    exit(2)
}
do {
    try await run(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("mmm-bench \(name): \(error)\n".utf8))
    exit(1)
}
