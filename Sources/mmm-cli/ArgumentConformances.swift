import ArgumentParser
import MMMCore
import MMMJobs

// Library enums as option values, so ArgumentParser rejects unknown values at parse time with the command's usage.
extension AdstockType: ExpressibleByArgument {}
extension DepVarType: ExpressibleByArgument {}
extension OutputLevel: ExpressibleByArgument {}
extension MissingDepVarPolicy: ExpressibleByArgument {}

/// `--delimiter` values by name (a literal `;` or tab is awkward on a command line).
enum DelimiterFlag: String, ExpressibleByArgument, CaseIterable {
    case auto, comma, semicolon, tab

    var value: CSVDelimiter {
        switch self {
        case .auto: .auto
        case .comma: .comma
        case .semicolon: .semicolon
        case .tab: .tab
        }
    }
}
