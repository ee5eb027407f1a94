import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Lets a request in only with valid credentials, except the open paths (`/healthz`, `/metrics` — which checks its
/// own token —, sign-in and static files). API requests get 401/403 JSON; page requests without credentials are sent
/// to the sign-in page. A session (cookie) request that changes something under `/v1` must carry `X-CSRF-Token`.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ServeContext
    let auth: Authenticator

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    static func isOpen(_ path: String) -> Bool {
        path == "/healthz" || path == "/metrics" || path == "/favicon.ico" || path.hasPrefix("/auth/") || path.hasPrefix("/static/")
    }

    func handle(_ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        if Self.isOpen(path) { return try await next(request, context) }
        let isAPI = path.hasPrefix("/v1/") || path == "/v1"
        do {
            let user = try await auth.user(
                authorization: request.headers[.authorization],
                sessionCookie: request.cookies[SessionCodec.cookieName]?.value)
            guard let user else { throw AuthFailure.missing("sign in first: send 'Authorization: Bearer <ID token>'") }
            if isAPI, user.method == .session, ![.get, .head, .options].contains(request.method),
                request.headers[Self.csrfHeader] == nil || request.headers[Self.csrfHeader] != user.csrfToken
            {
                throw AuthFailure.csrf
            }
            var context = context
            context.user = user
            return try await next(request, context)
        } catch let failure as AuthFailure {
            if !isAPI, request.method == .get, case .missing = failure {
                return Self.redirect(to: "/auth/signin?next=" + TokenExchange.formEncode(request.uri.description))
            }
            throw Self.apiError(failure)
        } catch let error as ProviderError {
            context.logger.warning("sign-in provider: \(error.description)")
            throw APIError(.serviceUnavailable, "auth_unavailable", "the sign-in provider cannot be reached; try again shortly")
        }
    }

    static func apiError(_ failure: AuthFailure) -> APIError {
        switch failure {
        case .missing, .invalidToken:
            var error = APIError(.unauthorized, "unauthenticated", failure.description)
            error.extraHeaders["WWW-Authenticate"] = #"Bearer realm="mmm", error="invalid_token""#
            return error
        case .forbidden: return APIError(.forbidden, "forbidden", failure.description)
        case .csrf: return APIError(.forbidden, "csrf", failure.description)
        }
    }

    static func redirect(to location: String, cookies: [String] = []) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }
}

extension HTTPField.Name {
    /// `X-Frame-Options` (not among HTTPTypes' predefined names).
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
}
