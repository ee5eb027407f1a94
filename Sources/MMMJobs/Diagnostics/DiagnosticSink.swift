import MMMCore

/// Receives a job's diagnostics as they happen: the CLI renders them as lines (or collects them for `--json`), a
/// server streams them, tests collect them.
///
/// Implementations must be safe to call from any thread; they are called in the order the job produces diagnostics.
public protocol DiagnosticSink: Sendable {
    /// Takes one diagnostic.
    func emit(_ diagnostic: Diagnostic)
}

/// A sink that drops everything (the default when a caller does not listen).
public struct DiscardingDiagnosticSink: DiagnosticSink {
    /// Creates the sink.
    public init() {}

    public func emit(_ diagnostic: Diagnostic) {}
}

/// A sink that calls a closure.
public struct ClosureDiagnosticSink: DiagnosticSink {
    private let body: @Sendable (Diagnostic) -> Void

    /// A sink calling `body` for every diagnostic.
    public init(_ body: @escaping @Sendable (Diagnostic) -> Void) {
        self.body = body
    }

    public func emit(_ diagnostic: Diagnostic) { body(diagnostic) }
}
