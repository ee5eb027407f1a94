import Foundation
import MMMCore

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program (R, or `mmm-cli serve`'s training workers) and hands its output over line by line. Cancelling the
/// task stops the program's whole process group (R's forked workers included): SIGTERM, then SIGKILL after a grace
/// period.
///
/// Foundation starts every child in a process group of its own, so the group id is the child's pid and a Ctrl-C in
/// the terminal reaches only this process, which decides what to stop.
///
/// `package` so the queue's local worker launcher starts `mmm-cli worker` processes the same way.
package enum ChildProcess {
    /// Which output a line came from.
    package enum Stream: Sendable { case stdout, stderr }

    /// Runs `executable` and waits for it.
    /// - Parameters:
    ///   - environment: the complete environment of the child.
    ///   - grace: seconds between SIGTERM and SIGKILL when cancelled.
    ///   - stdinPipe: give the child a pipe on stdin that stays open while this process lives, instead of
    ///     /dev/null: a child that watches for end of file there notices when this process dies (even by SIGKILL).
    ///   - onStart: called with the child's pid once it runs.
    ///   - onLine: every output line (split at `\n` and `\r`), from reader threads, in order per stream.
    /// - Returns: the exit status (128 + signal number when killed by a signal).
    /// - Throws: `CancellationError` when the task was cancelled (after the group is gone); the launch error.
    package static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], grace: Double = 5,
        stdinPipe: Bool = false, onStart: (@Sendable (Int32) -> Void)? = nil,
        onLine: @escaping @Sendable (Stream, String) -> Void
    ) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = stdinPipe ? try closeOnExecPipe() : nil
        process.standardInput = input?.read ?? FileHandle.nullDevice
        // The exit arrives through the termination handler (Foundation's SIGCHLD source), never by waiting in a
        // thread: `waitUntilExit()` spins a run loop, and on the global dispatch queues — where Swift concurrency's
        // few threads also live — two waiting children starved every task (`mmm-cli serve` stopped answering).
        let exit = Locked(ExitWait.running)
        process.terminationHandler = { finished in
            let code = finished.terminationReason == .uncaughtSignal ? 128 + finished.terminationStatus : finished.terminationStatus
            let waiting: CheckedContinuation<Int32, Never>? = exit.withLock { state in
                let continuation: CheckedContinuation<Int32, Never>?
                if case .waiting(let c) = state { continuation = c } else { continuation = nil }
                state = .exited(code)
                return continuation
            }
            waiting?.resume(returning: code)
        }
        try await launch(process)
        let pid = process.processIdentifier
        // The child's end is its own now; ours (the write end) stays open until the child has exited.
        try? input?.read.close()
        defer { try? input?.write.close() }
        onStart?(pid)
        // Our copies of the write ends must be closed, or the readers never see end of file.
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        let readers = DispatchGroup()
        for (handle, stream) in [(out.fileHandleForReading, Stream.stdout), (err.fileHandleForReading, Stream.stderr)] {
            readers.enter()
            let descriptor = handle.fileDescriptor
            Thread.detachNewThread {
                LineSplitter.read(descriptor) { onLine(stream, $0) }
                readers.leave()
            }
        }
        let status: Int32 = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
                let code: Int32? = exit.withLock { state in
                    if case .exited(let code) = state { return code }
                    state = .waiting(continuation)
                    return nil
                }
                if let code { continuation.resume(returning: code) }
            }
        } onCancel: {
            stopGroup(pid, grace: grace, exit: exit)
        }
        // Anything R left behind in its group (it never should) must not keep the pipes open.
        kill(-pid, SIGKILL)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            readers.notify(queue: .global()) { continuation.resume() }
        }
        try? out.fileHandleForReading.close()
        try? err.fileHandleForReading.close()
        try Task.checkCancellation()
        return status
    }

    /// Starts the process from a fresh thread whose signal mask blocks only SIGINT. A child inherits the signal mask of
    /// the thread that spawns it, and Swift's worker threads block nearly every signal: R started from one would ignore
    /// SIGTERM. SIGINT stays blocked so a Ctrl-C keeps reaching this process's handler, not the launching thread.
    private static func launch(_ process: Process) async throws {
        let result: Result<Void, any Error> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var mask = sigset_t()
                sigemptyset(&mask)
                sigaddset(&mask, SIGINT)
                pthread_sigmask(SIG_SETMASK, &mask, nil)
                continuation.resume(returning: Result { try process.run() })
            }
        }
        try result.get()
    }

    /// A pipe whose descriptors close on exec, so no other child inherits the write end (a sibling holding it would
    /// keep the pipe open after this process died). The child gets the read end as its stdin (dup2 clears the flag).
    private static func closeOnExecPipe() throws -> (read: FileHandle, write: FileHandle) {
        // (pipe2 with O_CLOEXEC is not visible from Swift's Glibc module; a child started by another thread in the
        // instant between pipe and fcntl could inherit the ends, and then only delays the end-of-file it signals.)
        var fds: [Int32] = [-1, -1]
        let status = pipe(&fds)
        if status == 0 { for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) } }
        guard status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return (FileHandle(fileDescriptor: fds[0], closeOnDealloc: true), FileHandle(fileDescriptor: fds[1], closeOnDealloc: true))
    }

    /// SIGTERM to the group now, SIGKILL after `grace` seconds unless the child has exited by then.
    private static func stopGroup(_ pid: Int32, grace: Double, exit: Locked<ExitWait>) {
        kill(-pid, SIGTERM)
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) {
            // The group id cannot be reused while the group has members; after the child was reaped (`exited`), a
            // process group of that id could be someone else's, so no signal then.
            let exited = exit.withLock { state -> Bool in
                if case .exited = state { return true }
                return false
            }
            if !exited { kill(-pid, SIGKILL) }
        }
    }

    /// Where the child's exit stands: still running, awaited, or exited with a status.
    private enum ExitWait: Sendable {
        case running
        case waiting(CheckedContinuation<Int32, Never>)
        case exited(Int32)
    }
}

/// Splits a file descriptor's bytes into lines (at `\n` or `\r`), decoding each as UTF-8 (invalid bytes replaced).
enum LineSplitter {
    /// The longest line handed over; longer runs are cut (a runaway progress bar must not grow without bound).
    static let maximumLineBytes = 64 * 1024

    /// Reads until end of file.
    static func read(_ descriptor: Int32, onLine: (String) -> Void) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            for byte in buffer[0..<count] {
                if byte == 0x0A || byte == 0x0D {
                    onLine(String(decoding: pending, as: UTF8.self))
                    pending.removeAll(keepingCapacity: true)
                } else if pending.count < maximumLineBytes {
                    pending.append(byte)
                }
            }
        }
        if !pending.isEmpty { onLine(String(decoding: pending, as: UTF8.self)) }
    }

    /// POSIX `read` (named apart from ``read(_:onLine:)``).
    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }
}
