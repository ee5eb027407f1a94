import Dispatch
import Foundation

/// Turns Ctrl-C (SIGINT) into a call, so a command can cancel its work and leave a clean run folder.
// Not Sendable: created and stopped by the command on one task; the handler closure itself is Sendable.
final class InterruptHandler {
    private let source: any DispatchSourceSignal

    init(_ onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            Console.stderr("\ninterrupted; stopping… (Ctrl-C again to quit at once)")
            // A second Ctrl-C takes the default action and ends the process immediately.
            signal(SIGINT, SIG_DFL)
            onInterrupt()
        }
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
