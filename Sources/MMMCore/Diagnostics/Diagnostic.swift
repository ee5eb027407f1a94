import Foundation

/// A structured message about a job: what a preparation step did, a warning about the data or the fit, a note about the
/// search. Produced once, then rendered by whoever shows it — the CLI as lines, `--json` as objects, `console.log`,
/// and the manifests — so no consumer ever re-parses text prefixes.
public struct Diagnostic: Codable, Sendable, Hashable {
    /// How much the reader should care.
    public enum Severity: String, Codable, Sendable, Hashable, CaseIterable {
        /// Narrative detail (what a step did); shown with `--verbose`.
        case info
        /// Worth knowing without asking (a setting changed on the user's behalf); shown by default.
        case note
        /// Something that may make the result wrong or weaker; shown by default.
        case warning
        /// A failure (the job stops).
        case error
    }

    /// How much the reader should care.
    public var severity: Severity
    /// A stable machine-readable identifier, e.g. `preparation.missing_periods`.
    public var code: String
    /// One human sentence.
    public var message: String
    /// The pipeline step that produced it, e.g. `fill_gaps` or `train`.
    public var step: String?
    /// The file concerned, when one is.
    public var file: String?
    /// The file's line (1-based), when known.
    public var line: Int?
    /// The data column concerned, when one is.
    public var column: String?
    /// The JSON path of the configuration value concerned, e.g. `$.custom_hyperparameters.tv_S_thetas`.
    public var path: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, code: String, _ message: String, step: String? = nil, file: String? = nil,
        line: Int? = nil, column: String? = nil, path: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.step = step
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// An ``Severity/info`` diagnostic.
    public static func info(_ code: String, _ message: String, column: String? = nil) -> Diagnostic {
        Diagnostic(.info, code: code, message, column: column)
    }

    /// A ``Severity/note`` diagnostic.
    public static func note(_ code: String, _ message: String, column: String? = nil, path: String? = nil) -> Diagnostic {
        Diagnostic(.note, code: code, message, column: column, path: path)
    }

    /// A ``Severity/warning`` diagnostic.
    public static func warning(_ code: String, _ message: String, column: String? = nil, path: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, message, column: column, path: path)
    }

    /// The same diagnostic attributed to a step (kept if one is already set).
    public func inStep(_ name: String) -> Diagnostic {
        var copy = self
        if copy.step == nil { copy.step = name }
        return copy
    }

    /// The message, with `file:line:` in front when a file is known. Column and JSON path stay fields (for `--json`
    /// and manifests): messages already name them in words.
    public var text: String {
        guard let file else { return message }
        return (line.map { "\(file):\($0)" } ?? file) + ": " + message
    }

    /// One line as a terminal or log shows it: `warning: …`, `note: …`, `error: …`, and `step: …` for detail.
    public var renderedLine: String {
        switch severity {
        case .info: return step.map { "\($0): \(text)" } ?? text
        case .note, .warning, .error: return "\(severity.rawValue): \(text)"
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case severity, code, message, step, file, line, column, path
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        severity = try c.decode(Severity.self, forKey: .severity)
        code = try c.decode(String.self, forKey: .code)
        message = try c.decode(String.self, forKey: .message)
        step = try c.decodeIfPresent(String.self, forKey: .step)
        file = try c.decodeIfPresent(String.self, forKey: .file)
        line = try c.decodeIfPresent(Int.self, forKey: .line)
        column = try c.decodeIfPresent(String.self, forKey: .column)
        path = try c.decodeIfPresent(String.self, forKey: .path)
    }
}
