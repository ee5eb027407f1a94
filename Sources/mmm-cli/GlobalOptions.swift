import ArgumentParser

/// Flags every command accepts.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .long, help: "Write machine-readable JSON to stdout (errors too).")
    var json = false

    @Flag(name: [.short, .long], help: "Only errors on stderr.")
    var quiet = false

    @Flag(name: [.short, .long], help: "More detail on stderr (every preparation note).")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    /// The console these flags describe; also remembered for error reporting.
    var console: Console {
        let console = Console(json: json, quiet: quiet, verbose: verbose)
        Console.current = console
        return console
    }
}
