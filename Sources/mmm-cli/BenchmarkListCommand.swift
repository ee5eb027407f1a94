import ArgumentParser
import Foundation
import MMMCore

/// `mmm-cli benchmark list`: the benchmark configs in a folder with their variant counts.
struct BenchmarkListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the benchmark configs in a folder with their variant counts.")

    @Option(help: "Folder of benchmark configs (default: ./benchmarks if it exists, else Examples/benchmarks).")
    var dir: String?

    @OptionGroup var global: GlobalOptions

    struct Entry: Encodable {
        var file: String
        var name: String
        var description: String
        var combinationMode: String
        var variants: Int
        var combinations: Int
        var iterations: Int
        var trials: Int
        enum CodingKeys: String, CodingKey {
            case file, name, description, variants, combinations, iterations, trials
            case combinationMode = "combination_mode"
        }
    }

    func run() async throws {
        let console = global.console
        let folder = dir ?? (FileManager.default.fileExists(atPath: "benchmarks") ? "benchmarks" : "Examples/benchmarks")
        let entries = try Self.entries(in: folder)
        if console.json {
            try console.resultJSON(entries)
            return
        }
        var lines = ["\(entries.count) benchmark configs in \(folder)"]
        for e in entries {
            let cut = e.combinations > e.variants ? " (of \(e.combinations), max_combinations)" : ""
            lines.append("\(e.file): \(e.name) — \(e.variants) variants\(cut), \(e.combinationMode), \(e.iterations) × \(e.trials)")
            if !e.description.isEmpty { lines.append("    \(e.description)") }
        }
        console.result(lines.joined(separator: "\n"))
    }

    /// Every `*.json` of the folder, read strictly (a bad file is an error naming it).
    static func entries(in folder: String) throws -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw UsageError("cannot read the folder \(folder); pass --dir DIR")
        }
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            let config = try BenchmarkConfigLoader.load(path: path)
            return Entry(
                file: path, name: config.name, description: config.description, combinationMode: config.combinationMode.rawValue,
                variants: min(config.combinationCount, config.maxCombinations), combinations: config.combinationCount,
                iterations: config.iterations, trials: config.trials)
        }
    }
}
