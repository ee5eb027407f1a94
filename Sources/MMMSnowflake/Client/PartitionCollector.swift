import Foundation
import MMMTransport

/// Turns a finished ResultSet into typed columns: decodes partition 0 from the finished body, then fetches and
/// decodes partitions 1…N one at a time (each body is released before the next is fetched), checking row counts
/// against `partitionInfo` and `numRows`.
struct PartitionCollector {
    let exchange: SnowflakeExchange
    let requestID: String

    func collect(_ finishedBody: Data, rowLimit: Int?) async throws -> SnowflakeResult {
        var body = finishedBody
        let split: ResultEnvelope.Split
        do {
            split = try ResultEnvelope.split(body)
        } catch {
            throw invalid("the result is not a JSON object")
        }
        let response: StatementResponse
        do {
            response = try JSONDecoder().decode(StatementResponse.self, from: split.metadataJSON)
        } catch {
            throw invalid("the result metadata has an unexpected shape")
        }
        if response.code == "391908" {
            throw SnowflakeError(kind: .resultTooLarge, message: response.message ?? "result set too large",
                                 code: response.code, statementHandle: response.statementHandle, requestID: requestID)
        }
        guard let metadata = response.resultSetMetaData else { throw invalid("the result has no resultSetMetaData") }
        guard let handle = response.statementHandle, SnowflakeRequestFactory.isValidHandle(handle) else {
            throw invalid("the result has no usable statementHandle")
        }
        let decoder = SnowflakeResultDecoder(columns: metadata.rowType, rowLimit: rowLimit)
        let firstRows = try split.dataRange.map { try decoder.decodeRows(in: body, range: $0, partition: 0) } ?? 0
        body = Data()  // partition 0 is decoded: release its JSON before fetching more
        let partitions = metadata.partitionInfo ?? []
        if let expected = partitions.first?.rowCount, !decoder.isLimitReached, firstRows != expected {
            throw invalid("partition 0 has \(firstRows) rows but partitionInfo says \(expected)", handle: handle)
        }
        for index in partitions.indices.dropFirst() {
            if decoder.isLimitReached { break }
            try Task.checkCancellation()
            let answer = try await exchange.perform(retryStatuses: SnowflakeExchange.transientStatuses, requestID: requestID) {
                token, _ in exchange.requests.partition(handle: handle, index: index, token: token)
            }
            guard answer.statusCode == 200 else { throw exchange.failure(answer, requestID: requestID, handle: handle) }
            let rows = try decoder.decodePartition(answer.body, partition: index)
            if !decoder.isLimitReached, rows != partitions[index].rowCount {
                throw invalid("partition \(index) has \(rows) rows but partitionInfo says \(partitions[index].rowCount)",
                              handle: handle)
            }
        }
        let total = metadata.numRows ?? decoder.rowCount
        if !decoder.isLimitReached, decoder.rowCount != total {
            throw invalid("decoded \(decoder.rowCount) rows but numRows is \(total)", handle: handle)
        }
        return SnowflakeResult(
            columns: decoder.makeColumns(), rowCount: decoder.rowCount, totalRowCount: total,
            isTruncated: decoder.rowCount < total, statementHandle: handle, requestID: requestID,
            dmlStats: response.stats, childStatementHandles: response.statementHandles ?? [])
    }

    private func invalid(_ message: String, handle: String? = nil) -> SnowflakeError {
        SnowflakeError(kind: .invalidResponse, message: message, statementHandle: handle, requestID: requestID)
    }
}
