// swift-tools-version:6.0
import PackageDescription

// The benchmark suite of baligraph: a separate package, so that `make test` never builds it.
// It depends on the main package by path and uses its library products; `make bench` builds
// it (and the `baligraph` executable) in release mode.
let package = Package(
    name: "baligraph-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "baligraph", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "baligraph-bench",
            dependencies: [
                .product(name: "GraphEngine", package: "baligraph"),
                .product(name: "StakeholderModel", package: "baligraph"),
                .product(name: "Diagrams", package: "baligraph"),
            ]
        ),
        // The start-up baseline: a Swift program that loads Foundation and exits.
        .executableTarget(name: "foundation-baseline"),
    ]
)
