/// Bounds on what one file may make the reader allocate, so a small hostile file cannot claim gigabytes.
public struct ParquetReadLimits: Sendable, Equatable {
    /// Largest page body after decompression, in bytes (also bounds prefix-expanded strings per page).
    public var maximumPageBytes: Int
    /// Largest number of cells (rows × columns) in a file.
    public var maximumCells: Int

    /// Creates limits.
    /// - Parameters:
    ///   - maximumPageBytes: default 256 MiB (writers use about 1 MiB).
    ///   - maximumCells: default 200 million.
    public init(maximumPageBytes: Int = 256 << 20, maximumCells: Int = 200_000_000) {
        self.maximumPageBytes = maximumPageBytes
        self.maximumCells = maximumCells
    }
}
