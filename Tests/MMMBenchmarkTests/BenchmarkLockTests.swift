import Foundation
import MMMJobs
import MMMTestSupport
import Testing

/// The benchmark folder's lock belongs to the run that took it, not to processes started while it was held. (Found
/// as a flaky "another process is running this benchmark" in CI: a process spawned by another test at the wrong
/// moment inherited the lock's descriptor and kept the lock after the run ended.)
@Suite struct BenchmarkLockTests {
    @Test func aChildSpawnedWhileTheLockIsHeldDoesNotKeepIt() throws {
        let dir = try TemporaryDirectory.make("mmm-bench-lock")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("b"), withIntermediateDirectories: true)
        let workspace = LocalBenchmarkWorkspace(output: dir.path, benchmarkId: "b")
        var lock: BenchmarkLock? = try workspace.lock()
        #expect(throws: BenchmarkUsageError.self) { try workspace.lock() }
        // posix_spawn without file actions: the child inherits every descriptor not marked close-on-exec (Foundation's
        // Process closes them for its children, but not every spawner in a process does, nor atomically).
        var pid: pid_t = 0
        let arguments = ["/bin/sleep", "10"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        #expect(posix_spawn(&pid, "/bin/sleep", nil, nil, &argv, environ) == 0)
        defer {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        #expect(lock != nil)
        lock = nil
        #expect(throws: Never.self, "the lock is free once its run lets go, though the child still runs") {
            _ = try workspace.lock()
        }
    }
}
