import ArgumentParser
import MMMCore
import MMMJobs

// Library enums as option values, so ArgumentParser rejects unknown values at parse time with the command's usage.
extension AdstockType: ExpressibleByArgument {}
extension DepVarType: ExpressibleByArgument {}
extension OutputLevel: ExpressibleByArgument {}
