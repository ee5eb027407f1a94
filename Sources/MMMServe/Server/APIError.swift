import Foundation
import HTTPTypes
import Hummingbird
import MMMCore

/// The one error shape of the API: `{"error": {"code", "message", "field"}}` with an HTTP status.
///
/// `field` is the JSON path (or form field) of the value at fault, when there is one. Messages never contain tokens,
/// keys or request bodies.
public struct APIError: Error, Sendable, Equatable, HTTPResponseError {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable machine-readable code, e.g. `invalid_config`, `unauthenticated`.
    public var code: String
    /// One line for a person.
    public var message: String
    /// The JSON path or field at fault.
    public var field: String?
    /// Extra response headers (e.g. `WWW-Authenticate` on 401).
    public var extraHeaders: [String: String] = [:]

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    public static func == (a: APIError, b: APIError) -> Bool {
        a.status == b.status && a.code == b.code && a.message == b.message && a.field == b.field
    }

    public var headers: HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.cacheControl] = "no-store"
        for (name, value) in extraHeaders {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        return fields
    }

    /// The JSON body.
    public var body: Data {
        var error: [String: Any] = ["code": code, "message": message]
        error["field"] = field ?? NSNull()
        let data = (try? JSONSerialization.data(withJSONObject: ["error": error], options: [.sortedKeys])) ?? Data()
        return data + Data("\n".utf8)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// 400 for a configuration or request-body problem at a JSON path.
    public static func invalid(_ error: ConfigError, code: String = "invalid_request") -> APIError {
        APIError(.badRequest, code, error.message, field: error.path)
    }

    /// 404 for an unknown resource.
    public static func notFound(_ what: String) -> APIError { APIError(.notFound, "not_found", what) }
}

extension APIError {
    /// The API error for any error thrown by a handler: API errors as they are, a configuration error as 400 with its
    /// path, a data error as 422, Hummingbird's own errors (413, 404, 405) with their status, anything else 500.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let api as APIError: return api
        case let config as ConfigError: return .invalid(config)
        case let data as DataError: return APIError(.unprocessableContent, "invalid_data", data.description)
        case let http as HTTPError:
            let code =
                switch http.status.code {
                case 404: "not_found"
                case 405: "method_not_allowed"
                case 413: "too_large"
                case 415: "unsupported_media_type"
                default: http.status.code < 500 ? "bad_request" : "internal"
                }
            return APIError(http.status, code, http.body ?? http.status.reasonPhrase)
        default:
            return APIError(.internalServerError, "internal", "the server could not complete the request")
        }
    }
}
