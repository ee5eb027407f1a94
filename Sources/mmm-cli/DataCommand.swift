import ArgumentParser

/// `mmm-cli data …`: look at and prepare input tables.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Inspect and prepare input data.",
        subcommands: [DataInspectCommand.self, DataPrepareCommand.self]
    )
}
