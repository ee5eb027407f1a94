import ArgumentParser
import Foundation
import MMMCore
import MMMTransport

/// Turns any error into one line on stderr (and a JSON object on stdout with --json) and an exit code:
/// 0 ok, 1 runtime failure, 2 usage or configuration error, 3 input data error.
enum ErrorReporter {
    struct JSONError: Encodable {
        struct Body: Encodable {
            var category: String
            var exitCode: Int32
            var message: String
            enum CodingKeys: String, CodingKey {
                case category, message
                case exitCode = "exit_code"
            }
        }
        var error: Body
    }

    /// Reports `error` and returns the exit code.
    static func report(_ error: any Error, command: any ParsableCommand.Type) -> Int32 {
        let category: ErrorCategory
        let message: String
        switch error {
        case let error as any CategorizedError:
            category = error.category
            message = error.description
        case let error as PrivateKeyError:
            // An unreadable key or a wrong passphrase is a configuration problem (the message names no secret).
            category = .usage
            message = error.description
        case let error as DecodingError:
            let config = ConfigError(error)
            category = config.category
            message = config.description
        case is CancellationError:
            category = .runtime
            message = "cancelled"
        default:
            let code = command.exitCode(for: error)
            if code == .success {
                // --help, --version.
                FileHandle.standardOutput.write(Data((command.fullMessage(for: error) + "\n").utf8))
                return 0
            }
            if code.rawValue == 64 || error is ValidationError {
                category = .usage
                let full = command.fullMessage(for: error)
                message = full.hasPrefix("Error: ") ? String(full.dropFirst("Error: ".count)) : full
            } else if let exit = error as? ExitCode {
                return exit.rawValue
            } else {
                category = .runtime
                message = String(describing: error)
            }
        }
        // Parse errors happen before a command reads its options, so look for --json in argv as well.
        let json = Console.current.json || CommandLine.arguments.dropFirst().contains("--json")
        Console.stderr("error: " + message)
        if json {
            let body = JSONError(error: .init(category: category.rawValue, exitCode: category.exitCode, message: message))
            if let data = try? StrictJSON.encode(body) { FileHandle.standardOutput.write(data) }
        }
        return category.exitCode
    }
}

/// A usage problem found while running (after parsing), reported like a parse error: exit code 2, one line.
struct UsageError: CategorizedError {
    var description: String
    var category: ErrorCategory { .usage }

    init(_ description: String) { self.description = description }
}
