// swift-tools-version: 6.1
// A separate package that depends on mmm-trainer by path, to show (and let CI prove) that `import MMMCore` works
// from another package.
import PackageDescription

let package = Package(
    name: "ImportCore",
    dependencies: [.package(name: "mmm-trainer", path: "../..")],
    targets: [
        .executableTarget(
            name: "import-core",
            dependencies: [.product(name: "MMMCore", package: "mmm-trainer")]
        )
    ]
)
