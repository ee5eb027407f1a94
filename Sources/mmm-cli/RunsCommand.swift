import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

/// `mmm-cli runs …`: run history over a local folder or a gs:// prefix.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List, show and compare training runs in a folder or under a gs:// prefix.",
        discussion: """
            A folder is a run when it holds status.json, run_manifest.json or model_summary.json; other folders are \
            searched up to three levels down (the previous system's robyn/<revision>/<country>/<run>). Runs of older \
            versions and of the previous system are read too; missing fields show as '-'.
            """,
        subcommands: [RunsListCommand.self, RunsShowCommand.self, RunsCompareCommand.self]
    )

    /// Resolves a RUN argument: a run folder (path or gs:// URI), or a run id (or `a/b/id`) below `--root`.
    static func details(_ run: String, root: String?, console: Console, google: GoogleOptions) async throws -> RunDetails {
        let services = google.services(console)
        let history: RunHistory
        let path: String
        if let root {
            history = RunHistory(store: try await RunLocator.store(at: try .flag("--root", root), cloud: services))
            path = run
        } else {
            let location = try StorageLocation.flag("RUN", run)
            var isDirectory: ObjCBool = false
            if case .local(let text) = location, PathSegment.isSafe(text),
                !(FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory) && isDirectory.boolValue)
            {
                // A bare run id: look in ./runs, train's default output.
                history = RunHistory(store: LocalRunStore(root: "runs"))
                path = text
            } else {
                let (store, id) = try await RunLocator.parent(of: location, cloud: services)
                history = RunHistory(store: store)
                path = id
            }
        }
        guard let details = try await history.details(of: path) else {
            throw UsageError("\(root.map { "\($0)/" } ?? "")\(run) is not a run folder (no status.json, run_manifest.json or model_summary.json)")
        }
        return details
    }
}

/// `mmm-cli runs list`.
struct RunsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "One row per run: country, revision, run, state, best model, NRMSE val, DECOMP.RSSD, duration, engine.",
        discussion: "Example: mmm-cli runs list gs://my-bucket/robyn --country DE"
    )

    @Argument(help: "A folder of runs or a gs:// prefix.")
    var root = "runs"
    @Option(help: "Only runs of this country (e.g. DE; case-insensitive).")
    var country: String?
    @OptionGroup var google: GoogleOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let location = try StorageLocation.flag("ROOT", root)
        if case .local(let path) = location {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UsageError("\(path): no such folder")
            }
        }
        let store = try await RunLocator.store(at: location, cloud: google.services(console))
        let listing = try await RunHistory(store: store).list(country: country)
        if !listing.otherFolders.isEmpty {
            let shown = listing.otherFolders.prefix(5).joined(separator: ", ")
            let count = listing.otherFolders.count
            console.info("\(count) folder\(count == 1 ? " is not a run" : "s are not runs"): \(shown)\(count > 5 ? ", …" : "")")
        }
        if console.json {
            try console.resultJSON(listing)
        } else if listing.runs.isEmpty {
            console.result("no runs under \(store.location)\(country.map { " for country \($0)" } ?? "")")
        } else {
            console.result(RunsText.table(listing.runs))
        }
    }
}
