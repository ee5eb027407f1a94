import Foundation
import MMMCore
import MMMJobs

/// Where output goes: results to stdout, everything else to stderr, filtered by --quiet / --verbose.
struct Console: Sendable {
    var json = false
    var quiet = false
    var verbose = false

    private static let shared = Locked(Console())

    /// The console of the running command (set when options are read), used by the error reporter.
    static var current: Console {
        get { shared.withLock { $0 } }
        set { shared.withLock { $0 = newValue } }
    }

    /// A result line on stdout.
    func result(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// A JSON result on stdout.
    func resultJSON<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(try StrictJSON.encode(value))
    }

    /// A status line on stderr (hidden by --quiet).
    func info(_ text: String) {
        guard !quiet else { return }
        Console.stderr(text)
    }

    /// A detail line on stderr (only with --verbose).
    func detail(_ text: String) {
        guard verbose else { return }
        Console.stderr(text)
    }

    /// A warning on stderr (hidden by --quiet).
    func warning(_ text: String) {
        guard !quiet else { return }
        Console.stderr("warning: " + text)
    }

    /// Writes a line to stderr.
    static func stderr(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Renders a job's diagnostics on the console: detail with `--verbose`, notes and warnings by default; every one is
/// also kept for the `--json` result.
final class ConsoleDiagnostics: DiagnosticSink {
    private let console: Console
    private let collected = Locked<[Diagnostic]>([])

    init(_ console: Console) { self.console = console }

    func emit(_ diagnostic: Diagnostic) {
        collected.withLock { $0.append(diagnostic) }
        switch diagnostic.severity {
        case .info: console.detail(diagnostic.renderedLine)
        case .note: console.info(diagnostic.renderedLine)
        case .warning: console.warning(diagnostic.text)
        // The error reporter prints the failure once; the diagnostic is for logs and --verbose.
        case .error: console.detail(diagnostic.renderedLine)
        }
    }

    /// Everything emitted so far.
    var all: [Diagnostic] { collected.withLock { $0 } }
}
