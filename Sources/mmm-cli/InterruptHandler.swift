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
            Console.stderr("\ninterrupted; stopping…")
            onInterrupt()
        }
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
