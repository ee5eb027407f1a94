import Foundation
import Testing

@testable import MMMCore

/// `roi_priors` in the job config: strict keys, positive numbers, known channels, JSON paths in every error.
@Suite struct ROIPriorTests {
    static let base = #"{"dep_var":"y","paid_media":[{"spend":"tv_S","var":"tv_S"},{"spend":"fb_S","var":"fb_I"}]"#

    @Test func decodesValidatesAndRoundTrips() throws {
        let config = try decode(JobConfig.self, Self.base + #","roi_priors":{"tv_S":{"mean":2,"sd":0.5},"fb_I":{"mean":1,"sd":1}}}"#)
        try config.validate()
        #expect(config.roiPriors["tv_S"] == ROIPrior(mean: 2, sd: 0.5))
        #expect(config.roiPrior(for: MediaPair(spend: "fb_S", variable: "fb_I")) == ROIPrior(mean: 1, sd: 1))
        let again = try StrictJSON.decode(JobConfig.self, from: try StrictJSON.encode(config))
        #expect(again == config)
    }

    @Test func aConfigWithoutPriorsKeepsItsBytes() throws {
        let config = try decode(JobConfig.self, Self.base + "}")
        let text = String(decoding: try StrictJSON.encode(config), as: UTF8.self)
        #expect(!text.contains("roi_priors"))
    }

    @Test(arguments: [
        (#""tv_S":{"mean":2,"sd":-1}"#, "$.roi_priors.tv_S.sd", "positive"),
        (#""tv_S":{"mean":0,"sd":1}"#, "$.roi_priors.tv_S.mean", "positive"),
        (#""radio_S":{"mean":2,"sd":1}"#, "$.roi_priors.radio_S", "not a paid media channel"),
        (#""fb_S":{"mean":2,"sd":1},"fb_I":{"mean":2,"sd":1}"#, "$.roi_priors.fb_S", "same channel"),
    ])
    func badPriorsNameTheirPath(entries: String, path: String, message: String) throws {
        let config = try decode(JobConfig.self, Self.base + #","roi_priors":{"# + entries + "}}")
        let error = try #require(throws: ConfigError.self) { try config.validate() }
        #expect(error.path == path)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test(arguments: [
        (#""tv_S":{"mean":2,"sd":1,"shape":3}"#, "$.roi_priors.tv_S.shape"),
        (#""tv_S":{"mean":2}"#, "$.roi_priors.tv_S.sd"),
        (#""tv_S":{"mean":"2","sd":1}"#, "$.roi_priors.tv_S.mean"),
    ])
    func strictDecodingNamesThePath(entries: String, path: String) throws {
        let error = configError(JobConfig.self, Self.base + #","roi_priors":{"# + entries + "}}")
        #expect(error?.path == path, "\(String(describing: error))")
    }
}
