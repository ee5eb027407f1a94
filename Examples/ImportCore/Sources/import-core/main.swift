import Foundation
import MMMCore

// Usage: import-core DATA.csv CONFIG.json — prepares the data with mmm-trainer's library and prints a summary.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: import-core DATA.csv CONFIG.json\n".utf8))
    exit(2)
}
do {
    let loaded = try JobConfigLoader.load(path: arguments[2])
    let state = try DataPreparer().prepare(csvPath: arguments[1], config: loaded.config)
    let window = state.manifest.window.map { "\($0.start)…\($0.end)" } ?? "?"
    print("MMMCore \(MMMVersion.current): \(state.table.rowCount) rows, cadence \(state.cadence?.rawValue ?? "?"), window \(window)")
} catch let error as any CategorizedError {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(error.category.exitCode)
}
