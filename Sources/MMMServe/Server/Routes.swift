import Foundation
import HTTPTypes
import Hummingbird
import MMMTransport

/// The router: middleware, system routes, the API and the pages.
enum Routes {
    static func router(_ state: ServeState) -> Router<ServeContext> {
        let router = Router(context: ServeContext.self)
        router.add(middleware: ErrorMiddleware(metrics: state.metrics))
        router.add(middleware: AuthMiddleware(auth: state.auth))
        router.get("healthz") { _, _ in JSONResponse.make(.ok, ["status": "ok"]) }
        router.get("metrics") { request, _ in try metrics(request, state: state) }
        router.get("v1/openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.json)))
        }
        RunsAPI.register(router, state: state)
        BenchmarksAPI.register(router, state: state)
        SignInRoutes.register(router, state: state)
        WebRoutes.register(router, state: state)
        return router
    }

    /// `GET /metrics`: Prometheus text; with `--metrics-token-file` only for `Authorization: Bearer <that token>`.
    static func metrics(_ request: Request, state: ServeState) throws -> Response {
        if let token = state.configuration.metricsToken {
            let given = request.headers[.authorization].map { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : "" } ?? ""
            guard HMACSHA256.constantTimeEquals(Data(given.utf8), Data(token.bytes)) else {
                var error = APIError(.unauthorized, "unauthenticated", "/metrics needs the metrics token")
                error.extraHeaders["WWW-Authenticate"] = #"Bearer realm="metrics""#
                throw error
            }
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: state.metrics.text())))
    }
}
