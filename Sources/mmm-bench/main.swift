import Foundation

/// `mmm-bench <name> [options]`: performance benchmarks whose numbers go into the README table.
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: @Sendable ([String]) async throws -> Void] = [
    "csv": CSVBenchmark.run,
    "train": TrainBenchmark.run,
    "snowflake-decode": SnowflakeDecodeBenchmark.run,
    "bayes": BayesBenchmark.run,
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
