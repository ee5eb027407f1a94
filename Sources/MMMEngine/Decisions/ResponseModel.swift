import MMMCore

/// Which rows of the modelling window an allocation or a response curve looks at.
package enum DecisionDateRange: Sendable, Hashable {
    /// Every window row (Robyn's default "all").
    case window
    /// The window rows dated within the last `days` days of the window, its last date included (the previous
    /// system's allocator: `end − (days − 1)` to `end`).
    case lastDays(Int)
    /// The window rows dated from `start` to `end`, both included.
    case dates(CalendarDate, CalendarDate)

    /// The default of `train` and `allocate`: the last 365 days of the window (the previous system's choice).
    package static let standard = DecisionDateRange.lastDays(365)
}

/// A model file made ready for decisions: every media variable adstocked once, the window located.
package struct ResponseModel: Sendable {
    /// The model file.
    package let file: ModelFile
    /// Every media and organic variable, in file order.
    package let channels: [ChannelModel]
    /// The window's rows, 0-based half-open.
    package let window: Range<Int>

    /// Prepares a model file.
    /// - Parameter file: a model file (it is validated again here).
    /// - Throws: ``ConfigError`` for an invalid file, ``EngineError`` for parameters that do not fit the adstock.
    package init(_ file: ModelFile) throws {
        try file.validate()
        guard let start = file.dates.firstIndex(of: file.windowStart),
            let end = file.dates.firstIndex(of: file.windowEnd)
        else { throw ConfigError(path: "$.window_start", "the window is not inside the dates") }
        self.file = file
        window = start..<(end + 1)
        channels = try file.media.map { try ChannelModel($0, adstock: file.adstock) }
    }

    /// The paid channels (the ones an allocation moves), in model order.
    package var paidChannels: [ChannelModel] { channels.filter { $0.entry.role == .paidMedia } }

    /// A media variable by modelled name or spend column.
    /// - Parameter name: e.g. `facebook_I` or `facebook_S`.
    /// - Returns: the channel, or nil.
    package func channel(named name: String) -> ChannelModel? {
        channels.first { $0.name == name } ?? channels.first { $0.entry.spendColumn == name }
    }

    /// The window rows a date range covers.
    /// - Parameter range: the range.
    /// - Returns: 0-based half-open rows, never empty.
    /// - Throws: ``ConfigError`` (path `date_range`) when the range is empty or leaves the window.
    package func rows(for range: DecisionDateRange) throws -> Range<Int> {
        let dates = file.dates
        let first: CalendarDate
        let last: CalendarDate
        switch range {
        case .window:
            return window
        case .lastDays(let days):
            guard days >= 1 else { throw ConfigError(path: "date_range", "the number of days must be at least 1") }
            last = file.windowEnd
            first = last.adding(days: -(days - 1))
        case .dates(let start, let end):
            guard start <= end else { throw ConfigError(path: "date_range", "\(start) is after \(end)") }
            guard start <= file.windowEnd, end >= file.windowStart else {
                throw ConfigError(
                    path: "date_range",
                    "\(start) to \(end) is outside the modelling window \(file.windowStart) to \(file.windowEnd)")
            }
            first = start
            last = end
        }
        let rows = window.filter { dates[$0] >= first && dates[$0] <= last }
        guard let low = rows.first, let high = rows.last else {
            throw ConfigError(path: "date_range", "no period of the modelling window falls between \(first) and \(last)")
        }
        return low..<(high + 1)
    }
}
