// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for baligraph, in their own package so that the instrumented build
// (`-sanitize=fuzzer` on every Swift module) never mixes with the main one. Build and run
// them with `scripts/fuzz.sh` (`make fuzz`); see Fuzz/README.md.
let package = Package(
    name: "baligraph-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "baligraph", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzModelLoader",
            dependencies: [
                .product(name: "StakeholderModel", package: "baligraph"),
                .product(name: "Diagrams", package: "baligraph"),
            ]),
        .executableTarget(
            name: "FuzzRender",
            dependencies: [
                .product(name: "StakeholderModel", package: "baligraph"),
                .product(name: "Diagrams", package: "baligraph"),
                .product(name: "GraphvizRender", package: "baligraph"),
            ]),
    ]
)
