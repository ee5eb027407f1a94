import Foundation
import HTTPTypes
import Hummingbird

/// Form handling shared by the pages: multipart uploads (streamed to the work folder) and CSRF checks.
enum WebForms {
    /// A multipart form read into a temporary file; ``cleanup()`` removes it.
    struct Upload {
        let form: MultipartForm
        let file: URL

        func text(_ name: String) -> String? {
            form.part(name).map { String(decoding: form.bytes(of: $0), as: UTF8.self) }
        }

        func cleanup() { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    }

    static func multipart(_ request: Request, state: ServeState) async throws -> Upload {
        try RequestBodies.require(request, ["multipart/form-data"])
        guard let boundary = MultipartForm.boundary(contentType: request.headers[.contentType] ?? "") else {
            throw APIError(.badRequest, "invalid_multipart", "multipart/form-data needs a boundary parameter")
        }
        let (_, staging) = try state.runs.newStaging()
        let file = staging.appendingPathComponent("form.body")
        do {
            try await RequestBodies.stream(request, to: file, limit: state.configuration.maxUploadBytes)
            return Upload(form: try MultipartForm(file: file, boundary: boundary), file: file)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// 403 unless `token` is the session's CSRF token (bearer requests carry none and need none).
    static func checkCSRF(_ token: String?, context: ServeContext, state: ServeState) throws {
        guard let user = context.user, user.method == .session else { return }
        guard let token, let expected = user.csrfToken, token == expected else { throw AuthMiddleware.apiError(.csrf) }
    }
}
