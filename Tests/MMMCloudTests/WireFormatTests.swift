import Foundation
@testable import MMMCloud
import MMMTransport
import Testing

/// Pure encoders and decoders: names in URLs, protobuf JSON scalars, error bodies, hash headers, retry rules.
@Suite struct WireFormatTests {
    @Test func objectNamesAreOneEncodedSegment() {
        #expect(PercentEncoding.encode("dir/a b+c.json") == "dir%2Fa%20b%2Bc.json")
        #expect(PercentEncoding.encode("é~_.-") == "%C3%A9~_.-")
        #expect(PercentEncoding.encode("a?b#c&d=e%") == "a%3Fb%23c%26d%3De%25")
        let url = URL(string: "http://127.0.0.1:1/")?.appendingEncodedPath(
            "/storage/v1/b/b/o/" + PercentEncoding.encode("x/y z"), query: [("prefix", "a/b c"), ("skip", nil)])
        #expect(url?.absoluteString == "http://127.0.0.1:1/storage/v1/b/b/o/x%2Fy%20z?prefix=a%2Fb%20c")
    }

    @Test func timestampsWithAnyFractionAndOffsets() throws {
        let base = 1_714_564_800.0  // 2024-05-01T12:00:00Z
        #expect(ProtoJSON.timestamp("2024-05-01T12:00:00Z")?.timeIntervalSince1970 == base)
        let milli = try #require(ProtoJSON.timestamp("2024-05-01T12:00:00.123Z")?.timeIntervalSince1970)
        #expect(abs(milli - base - 0.123) < 1e-6)
        let nano = try #require(ProtoJSON.timestamp("2024-05-01T12:00:00.123456789Z")?.timeIntervalSince1970)
        #expect(abs(nano - base - 0.123456789) < 1e-6)
        #expect(ProtoJSON.timestamp("2024-05-01T14:00:00+02:00")?.timeIntervalSince1970 == base)
        #expect(ProtoJSON.timestamp("1970-01-01T00:00:00Z")?.timeIntervalSince1970 == 0)
        #expect(ProtoJSON.timestamp("2000-02-29T00:00:00Z")?.timeIntervalSince1970 == 951_782_400)
        for bad in ["2024-05-01", "2024-13-01T00:00:00Z", "2024-05-01T12:00:00", "2024-05-01T12:00:00.Z",
                    "2024-05-01T12:00:00.1234567890Z", "yesterday"] {
            #expect(ProtoJSON.timestamp(bad) == nil, "\(bad)")
        }
        #expect(ProtoJSON.duration(seconds: 3600) == "3600s")
    }

    @Test func int64sAsStringsOrNumbers() throws {
        struct Probe: Decodable { let a: JSONInt64; let b: JSONInt64; let c: JSONUInt64 }
        let probe = try JSONDecoder().decode(Probe.self, from: Data(#"{"a":"9007199254740993","b":7,"c":"4294967295"}"#.utf8))
        #expect(probe.a.value == 9_007_199_254_740_993)
        #expect(probe.b.value == 7)
        #expect(probe.c.value == 4_294_967_295)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONInt64.self, from: Data(#""x""#.utf8)) }
    }

    @Test func googleErrorBodies() {
        let aip = GoogleErrorBody(HTTPResponse(statusCode: 400, body: Data(
            #"{"error":{"code":400,"message":"Secret Version [x] is in DESTROYED state.","status":"FAILED_PRECONDITION"}}"#.utf8)))
        #expect(aip.status == "FAILED_PRECONDITION")
        #expect(aip.message.contains("DESTROYED"))
        #expect(GoogleErrorBody.kind(status: 400, googleStatus: aip.status) == .failedPrecondition)
        let gcs = GoogleErrorBody(HTTPResponse(statusCode: 412, body: Data(
            #"{"error":{"code":412,"message":"At least one of the pre-conditions you specified did not hold.","errors":[{"reason":"conditionNotMet"}]}}"#.utf8)))
        #expect(gcs.status == "conditionNotMet")
        #expect(GoogleErrorBody.kind(status: 412, googleStatus: nil) == .preconditionFailed)
        let html = GoogleErrorBody(HTTPResponse(statusCode: 404, headers: ["Content-Type": "text/html"], body: Data(
            "<html>\n<body>  Error 404 (Not Found)!!1 \(String(repeating: "x", count: 500))</body></html>".utf8)))
        #expect(html.status == nil)
        #expect(html.message.hasPrefix("HTTP 404 with a body that is not a Google API error (text/html): <html> <body> Error 404"))
        #expect(html.message.count < 260)
        #expect(GoogleErrorBody(HTTPResponse(statusCode: 502)).message == "HTTP 502 with an empty body")
        let kinds: [(Int, GoogleCloudError.Kind)] = [(401, .unauthenticated), (403, .permissionDenied), (404, .notFound),
            (409, .alreadyExists), (429, .rateLimited), (503, .serverError), (418, .unexpectedStatus)]
        for (status, kind) in kinds { #expect(GoogleErrorBody.kind(status: status, googleStatus: nil) == kind) }
    }

    @Test func retryRules() {
        for status in [408, 429, 500, 502, 503, 504] {
            #expect(GoogleRetryRule.shouldRetry(status: status, idempotent: true))
            #expect(!GoogleRetryRule.shouldRetry(status: status, idempotent: false))
        }
        for status in [400, 401, 403, 404, 409, 412, 501] {
            #expect(!GoogleRetryRule.shouldRetry(status: status, idempotent: true))
        }
        let refused = HTTPTransportError(kind: .connectionFailed, detail: "", host: "h", requestMayHaveBeenSent: false)
        let reset = HTTPTransportError(kind: .connectionFailed, detail: "", host: "h")
        let cancelled = HTTPTransportError(kind: .cancelled, detail: "", host: "h")
        #expect(GoogleRetryRule.shouldRetry(refused, idempotent: false))
        #expect(!GoogleRetryRule.shouldRetry(reset, idempotent: false))
        #expect(GoogleRetryRule.shouldRetry(reset, idempotent: true))
        #expect(!GoogleRetryRule.shouldRetry(cancelled, idempotent: true))
        #expect(GoogleRetryRule.retryAfter(HTTPResponse(statusCode: 429, headers: ["Retry-After": "3"])) == .seconds(3))
        #expect(GoogleRetryRule.retryAfter(HTTPResponse(statusCode: 429, headers: ["Retry-After": "soon"])) == nil)
    }

    @Test func uploadSessionIdsNeverReachLogs() throws {
        let url = try #require(URL(string: "http://h/upload/storage/v1/b/b/o?uploadType=resumable&upload_id=SECRET123"))
        #expect(GoogleAPICall.redacted(url) == "/upload/storage/v1/b/b/o?uploadType=resumable&upload_id=<redacted>")
    }

    @Test func hashHeadersAndResumableRanges() {
        let hashes = GCSChecksums.parseHashHeader("crc32c=yZRlqg==, md5=XrY7u+Ae7tCTyyK7j1rNww==")
        #expect(hashes.crc32c == CRC32C.checksum(Data("hello world".utf8)))
        #expect(hashes.md5 == StreamingDigest.hash(.md5, Data("hello world".utf8)))
        #expect(GCSChecksums.parseHashHeader(nil).crc32c == nil)
        #expect(GCSResumableUpload.persistedBytes("bytes=0-262143") == 262_144)
        #expect(GCSResumableUpload.persistedBytes(nil) == 0)
        #expect(GCSResumableUpload.persistedBytes("garbage") == 0)
    }

    @Test func multipartBodyLayout() throws {
        let content = Data("a,b\n1,2\n".utf8)
        let uri = try GCSURI("gs://bucket/dir/data.csv")
        let body = GCSMultipartBody(
            metadata: GCSUploadMetadata(uri: uri, contentType: "text/csv", metadata: ["k": "v"],
                                        checksums: .of(content)),
            content: content, contentType: "text/csv")
        let text = String(decoding: body.body, as: UTF8.self)
        let b = body.boundary
        #expect(body.contentType == "multipart/related; boundary=\(b)")
        let expected = "--\(b)\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
            + #"{"contentType":"text/csv","crc32c":"\#(CRC32C.base64(CRC32C.checksum(content)))","#
            + #""md5Hash":"\#(StreamingDigest.hash(.md5, content).base64EncodedString())","metadata":{"k":"v"},"#
            + #""name":"dir/data.csv"}"# + "\r\n--\(b)\r\nContent-Type: text/csv\r\n\r\na,b\n1,2\n\r\n--\(b)--\r\n"
        #expect(text == expected)
    }
}
