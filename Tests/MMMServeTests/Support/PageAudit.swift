import Foundation
import MMMServe
import Testing

/// A signed-in browser as the page tests see it: the dev session cookie and the session's CSRF token.
struct PageSession: Sendable {
    let fixture: ServeFixture
    let cookie: String
    let csrf: String

    static func start(_ fixture: ServeFixture) async throws -> PageSession {
        let login = try await TestHTTP.shared.get(fixture.handle.devLoginURL())
        let cookie = try #require(login.cookies["mmm_session"])
        let home = try await TestHTTP.shared.get(fixture.base + "/", headers: ["Cookie": "mmm_session=" + cookie])
        let csrf = try #require(home.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
        return PageSession(fixture: fixture, cookie: cookie, csrf: String(csrf))
    }

    func get(_ path: String) async throws -> TestResponse {
        try await TestHTTP.shared.get(fixture.base + path, headers: ["Cookie": "mmm_session=" + cookie])
    }

    /// POSTs a multipart form (the CSRF field is added unless `csrf` is nil).
    func post(_ path: String, fields: [String: String], files: [String: (name: String, data: Data)] = [:], csrf: String? = "session")
        async throws -> TestResponse
    {
        var form = Multipart()
        if let csrf { form.add("csrf", Data((csrf == "session" ? self.csrf : csrf).utf8)) }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) { form.add(name, Data(value.utf8)) }
        for (name, file) in files { form.add(name, file.data, filename: file.name, contentType: "application/octet-stream") }
        return try await TestHTTP.shared.send(
            "POST", fixture.base + path, headers: ["Cookie": "mmm_session=" + cookie, "Content-Type": form.contentType], body: form.finished())
    }
}

/// Checks of a server-rendered page: every control has a label, every POST form the session's CSRF token.
enum PageAudit {
    /// Problems found (empty when the page passes), and how many controls and forms were checked.
    static func audit(_ html: String, csrf: String) -> (problems: [String], controls: Int, forms: Int) {
        var problems: [String] = []
        var controls = 0
        for match in html.matches(of: /<(input|select|textarea)\b([^>]*)>/) {
            let attributes = String(match.2)
            if attributes.contains("type=\"hidden\"") { continue }
            controls += 1
            guard let id = attributes.firstMatch(of: /\bid="([^"]+)"/)?.1 else {
                problems.append("a control without an id: <\(match.1)\(attributes.prefix(80))>")
                continue
            }
            if !html.contains("<label for=\"\(id)\"") && !html.contains("for=\"\(id)\">") {
                problems.append("no <label for=\"\(id)\">")
            }
        }
        for match in html.matches(of: /<button\b[^>]*>(.*?)<\/button>/) where match.1.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("a button without text")
        }
        var forms = 0
        for match in html.matches(of: /(?s)<form\b([^>]*)>(.*?)<\/form>/) {
            forms += 1
            let open = String(match.1)
            // A GET form only reads (filters); every form that changes something POSTs with the token.
            if open.contains("method=\"get\"") { continue }
            if !open.contains("method=\"post\"") { problems.append("a form that neither GETs nor POSTs: \(open.prefix(80))") }
            if !match.2.contains("name=\"csrf\" value=\"\(csrf)\"") { problems.append("a form without the CSRF token: \(open.prefix(80))") }
        }
        return (problems, controls, forms)
    }
}
