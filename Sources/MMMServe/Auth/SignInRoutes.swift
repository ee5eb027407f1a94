import Foundation
import HTTPTypes
import Hummingbird

/// `/auth/…`: the sign-in page, the authorization-code flow with PKCE (`/auth/login` → provider → `/auth/callback`),
/// the one-time dev login (`/auth/dev`), and sign-out.
enum SignInRoutes {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        let auth = state.auth
        router.get("auth/signin") { request, _ in
            let next = SignInFlow.safeNext(request.uri.queryParameters.get("next"))
            var options: [String] = []
            if auth.exchange != nil {
                options.append("<p><a class=\"button\" href=\"/auth/login?next=\(HTML.urlComponent(next))\">Sign in with Google</a></p>")
            }
            if auth.settings.devAuth {
                options.append("<p>Development sign-in: open the one-time link printed on the server's console.</p>")
            }
            if options.isEmpty {
                options.append("<p>No web sign-in is configured on this server (start it with --oauth-client-id or --dev-auth).</p>")
            }
            let domains = auth.settings.allowedDomains
            let note = domains.isEmpty ? "" : "<p>Sign-in is restricted to \(HTML.escape(domains.joined(separator: ", "))).</p>"
            return Pages.page("Sign in", current: nil, user: nil, body: options.joined() + note)
        }
        router.get("auth/login") { request, _ in try await login(request, state: state) }
        router.get("auth/callback") { request, _ in try await callback(request, state: state) }
        router.get("auth/dev") { request, _ in
            guard let token = request.uri.queryParameters.get("token"), auth.consumeDevToken(token) else {
                throw APIError(.unauthorized, "unauthenticated", "this sign-in link is not valid or was already used")
            }
            state.log("dev sign-in used; a new one-time link: \(state.publicURL)/auth/dev?token=\(auth.newDevToken())")
            return signedIn(email: "developer@localhost", subject: "dev", next: "/", state: state)
        }
        router.post("auth/logout") { request, context in
            let form = try await FormBody.read(request)
            if let cookie = request.cookies[SessionCodec.cookieName]?.value, let session = auth.codec.session(from: cookie) {
                guard auth.codec.checkCSRF(form["csrf"], session: session) else { throw AuthMiddleware.apiError(.csrf) }
            }
            return AuthMiddleware.redirect(
                to: "/auth/signin",
                cookies: [SessionCodec.setCookie(name: SessionCodec.cookieName, value: "", maxAge: 0, secure: auth.secureCookies)])
        }
    }

    /// Redirects to the provider with a fresh state, nonce and PKCE challenge (kept in a signed cookie).
    static func login(_ request: Request, state: ServeState) async throws -> Response {
        let auth = state.auth
        guard let verifier = auth.verifier, auth.exchange != nil, let clientID = auth.settings.oauthClientID else {
            throw APIError(.notFound, "not_found", "web sign-in is not configured on this server")
        }
        let discovery: OIDCProvider.Discovery
        do {
            discovery = try await verifier.provider.metadata()
        } catch {
            throw APIError(.serviceUnavailable, "auth_unavailable", "the sign-in provider cannot be reached; try again shortly")
        }
        guard let endpoint = discovery.authorizationEndpoint, var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)
        else { throw APIError(.serviceUnavailable, "auth_unavailable", "the sign-in provider has no authorization endpoint") }
        let flow = SignInFlow.start(next: SignInFlow.safeNext(request.uri.queryParameters.get("next")))
        var items = components.queryItems ?? []
        items += [
            URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "client_id", value: clientID),
            URLQueryItem(name: "redirect_uri", value: state.publicURL + "/auth/callback"),
            URLQueryItem(name: "scope", value: "openid email profile"), URLQueryItem(name: "state", value: flow.state),
            URLQueryItem(name: "nonce", value: flow.nonce), URLQueryItem(name: "code_challenge", value: flow.challenge),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        if auth.settings.allowedDomains.count == 1 { items.append(URLQueryItem(name: "hd", value: auth.settings.allowedDomains[0])) }
        components.queryItems = items
        let cookie = SessionCodec.setCookie(
            name: SessionCodec.flowCookieName, value: auth.codec.seal(flow, purpose: "flow"), maxAge: 600, secure: auth.secureCookies,
            path: "/auth")
        return AuthMiddleware.redirect(to: components.url?.absoluteString ?? "/", cookies: [cookie])
    }

    /// Checks the state, trades the code (with the PKCE verifier) for an ID token, verifies it, starts the session.
    static func callback(_ request: Request, state: ServeState) async throws -> Response {
        let auth = state.auth
        guard let verifier = auth.verifier, let exchange = auth.exchange else {
            throw APIError(.notFound, "not_found", "web sign-in is not configured on this server")
        }
        let query = request.uri.queryParameters
        if let error = query.get("error") {
            throw APIError(.unauthorized, "unauthenticated", "the sign-in was not completed (\(error.prefix(60)))")
        }
        guard let cookie = request.cookies[SessionCodec.flowCookieName]?.value,
            let flow = auth.codec.open(cookie, as: SignInFlow.self, purpose: "flow"), flow.exp > Date().timeIntervalSince1970,
            let returned = query.get("state"), returned == flow.state, let code = query.get("code")
        else { throw APIError(.unauthorized, "unauthenticated", "this sign-in has expired or did not start here; sign in again") }
        do {
            guard let endpoint = try await verifier.provider.metadata().tokenEndpoint else {
                throw APIError(.serviceUnavailable, "auth_unavailable", "the sign-in provider has no token endpoint")
            }
            let token = try await exchange.idToken(
                code: code, verifier: flow.verifier, redirectURI: state.publicURL + "/auth/callback", endpoint: endpoint)
            let user = try await verifier.verify(token, nonce: flow.nonce)
            state.log("signed in: \(user.email)")
            return signedIn(email: user.email, subject: user.subject, next: flow.next, state: state)
        } catch let failure as AuthFailure {
            throw AuthMiddleware.apiError(failure)
        } catch is ProviderError {
            throw APIError(.serviceUnavailable, "auth_unavailable", "the sign-in provider cannot be reached; try again shortly")
        }
    }

    static func signedIn(email: String, subject: String, next: String, state: ServeState) -> Response {
        let auth = state.auth
        return AuthMiddleware.redirect(
            to: next,
            cookies: [
                SessionCodec.setCookie(
                    name: SessionCodec.cookieName, value: auth.sessionCookie(email: email, subject: subject),
                    maxAge: Int(auth.settings.sessionLifetime), secure: auth.secureCookies),
                SessionCodec.setCookie(name: SessionCodec.flowCookieName, value: "", maxAge: 0, secure: auth.secureCookies, path: "/auth"),
            ])
    }
}

/// `application/x-www-form-urlencoded` bodies of the pages' forms.
enum FormBody {
    static func read(_ request: Request, limit: Int = 1 << 20) async throws -> [String: String] {
        try RequestBodies.require(request, ["application/x-www-form-urlencoded"])
        let data = try await RequestBodies.collect(request, limit: limit)
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// Every pair; a repeated name keeps the last value (see ``parseAll(_:)`` for lists).
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in parseAll(text) { fields[name] = value }
        return fields
    }

    static func parseAll(_ text: String) -> [(String, String)] {
        text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first else { return nil }
            return (decode(name), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
