import Foundation

/// Finds an executable product SwiftPM built for the tests (a test target that depends on it gets it built).
public enum BuiltExecutable {
    /// The path of `name`: for `mmm-cli`, `MMM_CLI_PATH` when set; else next to the test bundle, else
    /// `.build/debug/<name>`.
    /// - Parameters:
    ///   - name: the product name, e.g. `mmm-cli`.
    ///   - repoRoot: the checkout, for the fallback.
    /// - Returns: a path (not checked for the fallback: running it says what is missing).
    public static func path(_ name: String, repoRoot: URL) -> String {
        if name == "mmm-cli", let override = ProcessInfo.processInfo.environment["MMM_CLI_PATH"] { return override }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for directory in candidates {
            let path = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return repoRoot.appendingPathComponent(".build/debug/\(name)").path
    }
}
