import Foundation
import HTTPTypes
import Hummingbird
import MMMCharts

/// The page frame: navigation, the report stylesheet plus the app's own, and the small script.
enum Pages {
    /// The pages of the navigation, in order.
    static let navigation: [(path: String, label: String)] = [
        ("/", "Home"), ("/connect", "Connect"), ("/data", "Data"), ("/run", "Run"), ("/runs", "Runs"), ("/benchmarks", "Benchmarks"),
    ]

    /// Content-Security-Policy of the app's pages: only this origin's scripts, styles and frames.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    /// A whole page.
    static func page(_ title: String, current: String?, user: SignedInUser?, body: String, status: HTTPResponse.Status = .ok) -> Response {
        let nav = navigation.map { item in
            let isCurrent = item.path == current
            return "<li><a href=\"\(item.path)\"\(isCurrent ? " aria-current=\"page\"" : "")>\(HTML.escape(item.label))</a></li>"
        }.joined()
        let account =
            user.map { user in
                """
                <form class="signout" method="post" action="/auth/logout">\(HTML.csrf(user.csrfToken))<span>\(HTML.escape(user.email))</span> \
                <button type="submit">Sign out</button></form>
                """
            } ?? ""
        let html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · mmm-trainer</title>
            <link rel="stylesheet" href="/static/report.css"><link rel="stylesheet" href="/static/app.css">
            <script src="/static/app.js" defer></script></head>
            <body><a class="skip" href="#main">Skip to content</a>
            <header class="app"><nav aria-label="Main"><ul>\(user == nil ? "" : nav)</ul></nav>\(account)</header>
            <main id="main" tabindex="-1"><h1>\(HTML.escape(title))</h1>
            \(body)
            </main></body></html>
            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// An error as a page.
    static func errorPage(_ error: APIError) -> Response {
        let title = error.status.code == 403 ? "Not allowed" : (error.status.code == 404 ? "Not found" : "Something went wrong")
        let body = """
            <p role="alert" class="error">\(HTML.escape(error.message))</p>
            <p><a href="/">Back to the start page</a></p>
            """
        return page(title, current: nil, user: nil, body: body, status: error.status)
    }
}
