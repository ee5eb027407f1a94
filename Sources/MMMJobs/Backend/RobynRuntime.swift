import Foundation
import MMMCore

/// Where R and `r/run_all.R` are, and the Robyn version they load: what ``RobynBackend`` runs.
public struct RobynRuntime: Sendable, Equatable {
    /// The `Rscript` executable.
    public var rscript: String
    /// `r/run_all.R`.
    public var script: String
    /// R's version, e.g. `4.2.2`.
    public var rVersion: String
    /// The Robyn package's version, e.g. `3.12.1`.
    public var robynVersion: String

    /// Creates a runtime description (``probe(environment:executablePath:currentDirectory:)`` finds one).
    public init(rscript: String, script: String, rVersion: String, robynVersion: String) {
        self.rscript = rscript
        self.script = script
        self.rVersion = rVersion
        self.robynVersion = robynVersion
    }

    /// Finds `Rscript` and `r/run_all.R` and asks R which Robyn it loads (`Rscript run_all.R --probe`).
    /// - Parameters:
    ///   - environment: `MMM_RSCRIPT` (the Rscript to use; else `Rscript` on `PATH`) and `MMM_R_DIR` (the folder
    ///     holding run_all.R; else found next to the executable, its parent folders, or `./r`).
    ///   - executablePath: the running program (run_all.R is looked for from its folder upwards).
    ///   - currentDirectory: the last place looked (`<dir>/r/run_all.R`).
    /// - Throws: ``RobynBackendError`` naming what is missing and how to install it.
    public static func probe(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = Bundle.main.executablePath,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) async throws -> RobynRuntime {
        let rscript = try locateRscript(environment: environment)
        let script = try locateScript(
            environment: environment, executablePath: executablePath, currentDirectory: currentDirectory)
        let answer = Locked<(event: RobynEvent?, lines: [String])>((nil, []))
        let status = try await ChildProcess.run(rscript, [script, "--probe"], environment: environment) { _, line in
            answer.withLock { state in
                if let event = RobynEvent.parse(line) {
                    state.event = event
                } else if !line.isEmpty, state.lines.count < 20 {
                    state.lines.append(line)
                }
            }
        }
        let (event, lines) = answer.withLock { ($0.event, $0.lines) }
        switch event {
        case .probe(let r, let robyn)? where status == 0:
            return RobynRuntime(rscript: rscript, script: script, rVersion: r, robynVersion: robyn)
        case .error(_, _, let message)? where status == 3:
            throw RobynBackendError.packageMissing(message)
        default:
            let output = lines.isEmpty ? "no output" : lines.joined(separator: " | ")
            throw RobynBackendError.probeFailed("\(rscript) \(script) --probe exited \(status): \(output)")
        }
    }

    /// `MMM_RSCRIPT`, else the first executable `Rscript` on `PATH`.
    static func locateRscript(environment: [String: String]) throws -> String {
        if let configured = environment["MMM_RSCRIPT"], !configured.isEmpty {
            guard isExecutableFile(configured) else {
                throw RobynBackendError.rscriptNotFound("MMM_RSCRIPT=\(configured) is not an executable file")
            }
            return configured
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("Rscript").path
            if isExecutableFile(candidate) { return candidate }
        }
        throw RobynBackendError.rscriptNotFound("no Rscript on PATH")
    }

    /// An executable regular file (root may "execute" any directory).
    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// `MMM_R_DIR/run_all.R`, else `r/run_all.R` (or `share/mmm-trainer/r/run_all.R`) in the executable's folder or
    /// one of its parents (a build folder inside the repository), else `./r/run_all.R`.
    static func locateScript(environment: [String: String], executablePath: String?, currentDirectory: String) throws
        -> String
    {
        if let directory = environment["MMM_R_DIR"], !directory.isEmpty {
            let path = URL(fileURLWithPath: directory).appendingPathComponent("run_all.R").path
            guard FileManager.default.fileExists(atPath: path) else {
                throw RobynBackendError.scriptNotFound(searched: ["MMM_R_DIR=\(directory)"])
            }
            return path
        }
        var searched: [String] = []
        if let executablePath {
            var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<8 {
                for relative in ["r/run_all.R", "share/mmm-trainer/r/run_all.R"] {
                    let candidate = folder.appendingPathComponent(relative).path
                    if FileManager.default.fileExists(atPath: candidate) { return candidate }
                }
                searched.append(folder.path)
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        let local = URL(fileURLWithPath: currentDirectory).appendingPathComponent("r/run_all.R").path
        if FileManager.default.fileExists(atPath: local) { return local }
        searched.append(currentDirectory)
        throw RobynBackendError.scriptNotFound(searched: searched)
    }
}
