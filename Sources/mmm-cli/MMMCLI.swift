import ArgumentParser
import Foundation
import MMMCore

/// `mmm-cli`: thin commands over the mmm-trainer libraries.
@main
struct MMMCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mmm-cli",
        abstract: "Prepare marketing data, train Marketing Mix Models with Robyn's semantics, allocate budgets, and query Snowflake.",
        discussion: """
            Exit codes: 0 ok (also a run SKIPPED for a stated reason), 1 runtime failure, 2 usage or \
            configuration error, 3 input data error.
            Every command accepts --json (machine-readable stdout), --quiet and --verbose.
            """,
        version: MMMVersion.current,
        subcommands: [
            DataCommand.self, TrainCommand.self, AllocateCommand.self, ResponseCommand.self, ReportCommand.self,
            BenchmarkCommand.self, SimulateCommand.self, EvaluateCommand.self, RunsCommand.self, SnowflakeCommand.self,
            GCSCommand.self, SecretsCommand.self, QueueCommand.self, WorkerCommand.self, CostCommand.self,
            ServeCommand.self,
        ]
    )

    /// Parses, runs, and maps every failure to one line on stderr and a documented exit code.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            Foundation.exit(ErrorReporter.report(error, command: Self.self))
        }
    }
}
