import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Outermost middleware: turns every thrown error into the API's JSON shape (or, for pages, an HTML page), adds the
/// security headers, and records the request in the metrics by its route template.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ServeContext
    let metrics: ServeMetrics

    func handle(_ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status.code >= 500 { context.logger.error("\(request.method) \(request.uri.path): \(error)") }
            let path = request.uri.path
            if !path.hasPrefix("/v1"), (request.headers[.accept] ?? "").contains("text/html") {
                response = Pages.errorPage(apiError)
            } else {
                response = try apiError.response(from: request, context: context)
            }
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.frameOptions] == nil { response.headers[.frameOptions] = "DENY" }
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.request(
            route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: Int(response.status.code), seconds: seconds)
        return response
    }
}
