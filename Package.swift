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
        .library(name: "MMMJobs", targets: ["MMMJobs"]),
        .library(name: "MMMCharts", targets: ["MMMCharts"]),
        .library(name: "MMMParquet", targets: ["MMMParquet"]),
        .library(name: "MMMBayes", targets: ["MMMBayes"]),
        .library(name: "MMMServe", targets: ["MMMServe"]),
        .library(name: "MMMQueue", targets: ["MMMQueue"]),
        .executable(name: "mmm-cli", targets: ["mmm-cli"]),
        .executable(name: "mmm-bench", targets: ["mmm-bench"]),
    ],
    dependencies: [
        // Command-line parsing for the thin executables only; no library but MMMServe has package dependencies.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The web server (`mmm-cli serve`) only: HTTP on SwiftNIO, and Prometheus text for /metrics. Only MMMServe
        // links them; the swift-configuration trait is off (nothing here reads it).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Hummingbird's own dependencies, named so MMMServe can import the modules it uses directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // System OpenSSL 3 (libssl-dev): PEM/PKCS#8 keys, RS256, SHA-256. See README "Design notes".
        .systemLibrary(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // System zlib (zlib1g-dev) for GZIP pages and libzstd (libzstd-dev) for ZSTD pages. See docs/parquet.md.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // Parquet reader and writer (Thrift compact metadata, PLAIN/dictionary/RLE, SNAPPY/GZIP/ZSTD) on Core's tables.
        .target(name: "MMMParquet", dependencies: ["MMMCore", "CZlib", "CZstd"], swiftSettings: swiftSettings),
        // Shared transport: HTTP over URLSession (libcurl) behind a protocol, RS256 JWTs, key loading.
        .target(name: "MMMTransport", dependencies: ["COpenSSL"], swiftSettings: swiftSettings),
        // Contracts that travel, strict decoding, CSV, data preparation. Foundation only.
        .target(name: "MMMCore", swiftSettings: swiftSettings),
        // SVG charts and the self-contained HTML page kit for reports. Foundation only: takes plain numbers and
        // strings, so any layer can draw.
        .target(name: "MMMCharts", swiftSettings: swiftSettings),
        // Native engine with Robyn's semantics: pure computation on Core's types.
        .target(name: "MMMEngine", dependencies: ["MMMCore"], swiftSettings: swiftSettings),
        // Bayesian inference core: forward-mode dual numbers, the MMM log density, NUTS, diagnostics, MAP + Laplace.
        .target(name: "MMMBayes", dependencies: ["MMMCore"], swiftSettings: swiftSettings),
        // Snowflake SQL API v2 client.
        .target(name: "MMMSnowflake", dependencies: ["MMMCore", "MMMTransport"], swiftSettings: swiftSettings),
        // Google Cloud clients (credentials, GCS, Secret Manager, Cloud Run Jobs).
        .target(name: "MMMCloud", dependencies: ["MMMCore", "MMMTransport"], swiftSettings: swiftSettings),
        // The job layer: runs a job through its seams (table source, run store, training backend, diagnostics, clock).
        .target(
            name: "MMMJobs",
            dependencies: [
                "MMMCore", "MMMEngine", "MMMTransport", "MMMSnowflake", "MMMParquet", "MMMCloud", "MMMCharts", "MMMBayes",
            ],
            swiftSettings: swiftSettings),
        // `mmm-cli serve`: the REST API, sign-in and web pages over the job layer (Hummingbird 2).
        .target(
            name: "MMMServe",
            dependencies: [
                "MMMCore", "MMMEngine", "MMMJobs", "MMMTransport", "MMMCharts", "MMMCloud", "MMMQueue",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings),
        // The distributed queue (one object per job, compare-and-swap updates, leases), the worker, the Cloud Run
        // launcher and the cost estimate: composes the job layer with the Google Cloud clients.
        .target(
            name: "MMMQueue", dependencies: ["MMMCore", "MMMEngine", "MMMJobs", "MMMCloud", "MMMTransport"],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "mmm-cli",
            dependencies: [
                "MMMCore", "MMMEngine", "MMMJobs", "MMMSnowflake", "MMMCloud", "MMMTransport", "MMMParquet", "MMMQueue",
                "MMMBayes", "MMMServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "mmm-bench",
            dependencies: ["MMMCore", "MMMEngine", "MMMJobs", "MMMSnowflake", "MMMParquet", "MMMBayes"],
            swiftSettings: swiftSettings
        ),
        // Test-only helpers shared by the test targets (processes, temporary folders, the Python fake servers).
        .target(
            name: "MMMTestSupport", dependencies: ["MMMCore", "MMMJobs", "MMMTransport"], path: "Tests/MMMTestSupport",
            swiftSettings: swiftSettings),
        .testTarget(name: "MMMCoreTests", dependencies: ["MMMCore", "MMMTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MMMEngineTests", dependencies: ["MMMEngine", "MMMCore", "MMMTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MMMTransportTests", dependencies: ["MMMTransport", "MMMTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MMMSnowflakeTests", dependencies: ["MMMSnowflake", "MMMTransport", "MMMCore", "MMMTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "MMMCloudTests", dependencies: ["MMMCloud", "MMMTransport", "MMMCore", "MMMTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "MMMJobsTests",
            dependencies: [
                "MMMJobs", "MMMEngine", "MMMCore", "MMMTransport", "MMMCloud", "MMMBayes", "MMMParquet", "MMMTestSupport",
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "MMMBenchmarkTests", dependencies: ["MMMJobs", "MMMCore", "MMMCharts", "MMMTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "MMMChartsTests", dependencies: ["MMMCharts", "MMMTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MMMParquetTests", dependencies: ["MMMParquet", "MMMCore", "MMMTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "MMMQueueTests",
            dependencies: ["MMMQueue", "MMMJobs", "MMMCloud", "MMMCore", "MMMTransport", "MMMTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "MMMBayesTests", dependencies: ["MMMBayes", "MMMCore"], swiftSettings: swiftSettings),
        // The server in process (API, sign-in against a local OIDC issuer, pages) with runs in mmm-cli worker processes.
        .testTarget(
            name: "MMMServeTests",
            dependencies: [
                "MMMServe", "mmm-cli", "MMMCore", "MMMTransport", "MMMQueue", "MMMParquet", "MMMTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // End-to-end tests run the built mmm-cli binary on files (and against the Python Snowflake fake).
        .testTarget(
            name: "MMMCLITests", dependencies: ["mmm-cli", "MMMCore", "MMMParquet", "MMMTransport", "MMMQueue", "MMMCloud", "MMMJobs", "MMMTestSupport"],
            swiftSettings: swiftSettings),
    ]
)
