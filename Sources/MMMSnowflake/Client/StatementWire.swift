import Foundation

/// The JSON body of `POST /api/v2/statements`.
struct SubmitBody: Encodable {
    struct Binding: Encodable {
        let type: String
        let value: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            // NULL bindings are sent as an explicit JSON null.
            try container.encode(value, forKey: .value)
        }

        enum CodingKeys: String, CodingKey { case type, value }
    }

    let statement: String
    let timeout: Int?
    let database: String?
    let schema: String?
    let warehouse: String?
    let role: String?
    let bindings: [String: Binding]?
    let parameters: [String: String]?

    init(statement: SnowflakeStatement, configuration: SnowflakeConnectionConfiguration) {
        self.statement = statement.sql
        self.timeout = statement.timeoutSeconds
        self.database = configuration.database
        self.schema = configuration.schema
        self.warehouse = configuration.warehouse
        self.role = configuration.role
        var bindings: [String: Binding] = [:]
        for (index, binding) in statement.bindings.enumerated() {
            bindings[String(index + 1)] = Binding(type: binding.type, value: binding.value)
        }
        self.bindings = bindings.isEmpty ? nil : bindings
        var parameters = statement.parameters
        if let tag = statement.queryTag { parameters["query_tag"] = tag }
        if let limit = statement.rowLimit { parameters["rows_per_resultset"] = String(max(0, limit)) }
        self.parameters = parameters.isEmpty ? nil : parameters
    }

    /// Deterministic JSON (sorted keys), identical on every retry.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// Every top-level member of a SQL API answer except `data` (ResultSet, QueryStatus, QueryFailureStatus).
/// Unknown fields are ignored; every field is optional so error bodies of any shape decode.
struct StatementResponse: Decodable {
    struct Metadata: Decodable {
        struct Partition: Decodable {
            let rowCount: Int
        }

        let numRows: Int?
        let format: String?
        let rowType: [SnowflakeColumnDescription]
        let partitionInfo: [Partition]?
    }

    let code: String?
    let message: String?
    let sqlState: String?
    let statementHandle: String?
    let statementStatusUrl: String?
    let statementHandles: [String]?
    let resultSetMetaData: Metadata?
    let stats: SnowflakeDMLStats?

    /// Decodes a small body leniently: anything that is not a JSON object yields an empty response.
    static func lenient(_ body: Data) -> StatementResponse {
        (try? JSONDecoder().decode(StatementResponse.self, from: body))
            ?? StatementResponse(code: nil, message: nil, sqlState: nil, statementHandle: nil, statementStatusUrl: nil,
                                 statementHandles: nil, resultSetMetaData: nil, stats: nil)
    }
}
