import Foundation
import MMMCore

/// One `@mmm {json}` line of `r/run_all.R` (r/R/protocol.R): progress, a diagnostic, the error that ended the run,
/// or the probe's answer.
enum RobynEvent: Equatable, Sendable {
    case progress(done: Int, total: Int)
    case diagnostic(Diagnostic)
    case error(step: String, code: String, message: String)
    case probe(rVersion: String, robynVersion: String)

    /// The prefix of protocol lines.
    static let prefix = "@mmm "

    /// Parses a protocol line; nil for any other line (or a protocol line that does not parse).
    static func parse(_ line: String) -> RobynEvent? {
        guard line.hasPrefix(prefix),
            let object = try? JSONSerialization.jsonObject(with: Data(line.dropFirst(prefix.count).utf8)) as? [String: Any]
        else { return nil }
        func text(_ key: String) -> String? { object[key] as? String }
        func int(_ key: String) -> Int? { (object[key] as? NSNumber)?.intValue }
        switch text("event") {
        case "progress":
            guard let done = int("done"), let total = int("total") else { return nil }
            return .progress(done: done, total: total)
        case "diagnostic":
            guard let code = text("code"), let message = text("message") else { return nil }
            let severity = text("severity").flatMap(Diagnostic.Severity.init(rawValue:)) ?? .info
            // R reports; it never ends the job by a diagnostic.
            return .diagnostic(
                Diagnostic(severity == .error ? .warning : severity, code: code, message, step: text("step")))
        case "error":
            return .error(step: text("step") ?? "robyn", code: text("code") ?? "robyn_failed", message: text("message") ?? "")
        case "probe":
            guard let r = text("r_version"), let robyn = text("robyn_version") else { return nil }
            return .probe(rVersion: r, robynVersion: robyn)
        default:
            return nil
        }
    }

    /// Whether a plain output line is noise not worth relaying: empty, or a text progress bar (`|=====   |  45%`).
    static func isNoise(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return true }
        return trimmed.first == "|" && trimmed.hasSuffix("%")
            && trimmed.dropLast().allSatisfy { "|=- 0123456789".contains($0) }
    }
}
