// swift-tools-version: 6.1
import PackageDescription

/// One place sets the language bar for every target: Swift 6 mode (strict concurrency) plus explicit existentials.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "mmm-trainer",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "MMMCore", targets: ["MMMCore"]),
        .library(name: "MMMEngine", targets: ["MMMEngine"]),
        .library(name: "MMMSnowflake", targets: ["MMMSnowflake"]),
        .library(name: "MMMCloud", targets: ["MMMCloud"]),
        .library(name: "MMMTransport", targets: ["MMMTransport"]),
        .library(name: "MMMBayes", targets: ["MMMBayes"]),
        .executable(name: "mmm-cli", targets: ["mmm-cli"]),
        .executable(name: "mmm-bench", targets: ["mmm-bench"]),
    ],
    dependencies: [
        // Command-line parsing for the thin executables only; the libraries have no package dependencies.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System OpenSSL 3 (libssl-dev): PEM/PKCS#8 keys, RS256, SHA-256. See README "Design notes".
        .systemLibrary(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // Shared transport: HTTP over URLSession (libcurl) behind a protocol, RS256 JWTs, key loading.
        .target(name: "MMMTransport", dependencies: ["COpenSSL"], swiftSettings: swiftSettings),
        // Contracts that travel, strict decoding, CSV, data preparation. Foundation only.
        .target(name: "MMMCore", swiftSettings: swiftSettings),
        // Native engine with Robyn's semantics.
        .target(name: "MMMEngine", dependencies: ["MMMCore", "MMMTransport"], swiftSettings: swiftSettings),
        // Bayesian inference core: forward-mode dual numbers, the MMM log density, NUTS, diagnostics, MAP + Laplace.
        .target(name: "MMMBayes", dependencies: ["MMMCore"], swiftSettings: swiftSettings),
        // Snowflake SQL API v2 client.
        .target(name: "MMMSnowflake", dependencies: ["MMMCore", "MMMTransport"], swiftSettings: swiftSettings),
        // Google Cloud clients (credentials, GCS, Secret Manager, Cloud Run Jobs).
        .target(name: "MMMCloud", dependencies: ["MMMCore", "MMMTransport"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "mmm-cli",
            dependencies: [
                "MMMCore", "MMMEngine", "MMMSnowflake", "MMMCloud",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "mmm-bench",
            dependencies: ["MMMCore", "MMMEngine", "MMMSnowflake", "MMMBayes"],
            swiftSettings: swiftSettings
        ),
        // Test-only helpers shared by the test targets (processes, temporary folders, the Python fake servers).
        .target(name: "MMMTestSupport", path: "Tests/MMMTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "MMMCoreTests", dependencies: ["MMMCore", "MMMTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MMMEngineTests", dependencies: ["MMMEngine", "MMMCore", "MMMTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MMMTransportTests", dependencies: ["MMMTransport", "MMMTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MMMSnowflakeTests", dependencies: ["MMMSnowflake", "MMMTransport", "MMMCore", "MMMTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "MMMCloudTests", dependencies: ["MMMCloud"], swiftSettings: swiftSettings),
        .testTarget(name: "MMMBayesTests", dependencies: ["MMMBayes", "MMMCore"], swiftSettings: swiftSettings),
        // End-to-end tests run the built mmm-cli binary on files (and against the Python Snowflake fake).
        .testTarget(
            name: "MMMCLITests", dependencies: ["mmm-cli", "MMMCore", "MMMTestSupport"], swiftSettings: swiftSettings),
    ]
)
