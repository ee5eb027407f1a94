import Foundation

/// Decode throughput of Snowflake jsonv2 result partitions (MB/s). Not yet implemented.
enum SnowflakeDecodeBenchmark {
    static func run(_ arguments: [String]) async throws {
        FileHandle.standardError.write(Data("snowflake-decode: not implemented yet\n".utf8))
        exit(1)
    }
}
