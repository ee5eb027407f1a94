import MMMCloud
import MMMCore
import Testing

@Suite struct GCSURITests {
    @Test func parsesBucketAndObject() throws {
        let uri = try GCSURI("gs://my-bucket/runs/2024/a b+c.json")
        #expect(uri.bucket == "my-bucket")
        #expect(uri.objectName == "runs/2024/a b+c.json")
        #expect(uri.description == "gs://my-bucket/runs/2024/a b+c.json")
        #expect(!uri.isPrefix)
    }

    @Test func bucketOnlyAndPrefixes() throws {
        for text in ["gs://bucket", "gs://bucket/"] {
            let uri = try GCSURI(text)
            #expect(uri.bucket == "bucket")
            #expect(uri.objectName.isEmpty)
            #expect(uri.isPrefix)
        }
        #expect(try GCSURI("gs://bucket/runs/").isPrefix)
        #expect(try GCSURI("gs://bucket/runs").appending("a.json").description == "gs://bucket/runs/a.json")
        #expect(try GCSURI("gs://bucket/runs/").appending("a.json").description == "gs://bucket/runs/a.json")
        #expect(try GCSURI("gs://bucket").appending("x/y").objectName == "x/y")
        #expect(try GCSURI("gs://my.bucket_1/é/ü").objectName == "é/ü")
    }

    @Test(arguments: [
        ("s3://bucket/x", "does not start with gs://"),
        ("gs:/bucket/x", "does not start with gs://"),
        ("GS://bucket/x", "lowercase 'gs://'"),
        ("gs:///x", "bucket name is empty"),
        ("gs://Bucket/x", "lowercase letters"),
        ("gs://ab/x", "3 to 222"),
        ("gs://-bucket/x", "start and end with a letter or digit"),
        ("gs://bucket./x", "start and end"),
        ("gs://a..b/x", "dot-separated part"),
        ("gs://bucket/a\nb", "line break"),
        ("gs://bucket/..", "not a valid object name"),
    ])
    func rejectsBadURIsWithAReason(text: String, reason: String) {
        let error = #expect(throws: GCSURIError.self) { try GCSURI(text) }
        #expect(error?.text == text)
        #expect(error?.description.contains(reason) == true, "\(error?.description ?? "no error")")
        #expect(error?.category.exitCode == 2)
    }

    @Test func rejectsOverlongNames() {
        let name = String(repeating: "é", count: 513)  // 1026 bytes of UTF-8
        #expect(throws: GCSURIError.self) { try GCSURI("gs://bucket/" + name) }
        #expect(throws: Never.self) { try GCSURI("gs://bucket/" + String(repeating: "a", count: 1024)) }
    }
}
