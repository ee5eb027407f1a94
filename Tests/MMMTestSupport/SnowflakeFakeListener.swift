import Foundation

/// One scenario of the shared Snowflake fake (`fake_snowflake.py --shared`): its own listener on its own port, with
/// its own recorded requests and statement state, so concurrent tests never see each other's traffic.
public struct SnowflakeFakeListener: Sendable {
    /// The listener's port on 127.0.0.1.
    public let port: Int
    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }

    /// Opens a listener that serves `scenario` and trusts `publicKeyPath` for `account`.`user`.
    /// - Parameters:
    ///   - scenario: the scenario document as JSON (see the script's docstring).
    ///   - publicKeyPath: PEM public key file registered for the user.
    ///   - account: the account identifier as the JWT's subject spells it (upper case).
    ///   - user: the user as the JWT's subject spells it (upper case).
    /// - Throws: when the shared fake cannot be started or refuses the scenario.
    public init(scenario: Data, publicKeyPath: String, account: String, user: String) async throws {
        let document = try JSONSerialization.jsonObject(with: scenario)
        let body = try JSONSerialization.data(withJSONObject: [
            "scenario": document, "public_key": publicKeyPath, "account": account, "user": user,
        ])
        let answer = try await SharedPythonServer.snowflake.control("/_fake/scenarios", json: body)
        guard let object = try JSONSerialization.jsonObject(with: answer) as? [String: Any],
            let port = object["port"] as? Int
        else {
            throw SharedPythonServer.ControlFailure(description: "no port in \(String(decoding: answer, as: UTF8.self))")
        }
        self.port = port
    }

    /// Closes the listener; connections to the port are refused afterwards.
    /// - Throws: when the control request fails.
    public func close() async throws {
        _ = try await SharedPythonServer.snowflake.control("/_fake/scenarios/\(port)/stop", json: Data("{}".utf8))
    }

    /// Closes the listener in the background (for `defer`, which cannot wait); errors are ignored, the process ends
    /// with the test run anyway.
    public func closeSoon() {
        let listener = self
        Task { try? await listener.close() }
    }
}
