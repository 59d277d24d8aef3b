// swift-tools-version:6.0
import PackageDescription

// Layers (data flows one way): file → model → graph → answer or diagram → output.
// GraphEngine is pure Swift; only GraphvizRender sees C.
let package = Package(
    name: "baligraph",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "baligraph", targets: ["baligraph"]),
        .library(name: "GraphEngine", targets: ["GraphEngine"]),
        .library(name: "StakeholderModel", targets: ["StakeholderModel"]),
        .library(name: "Diagrams", targets: ["Diagrams"]),
        .library(name: "GraphvizRender", targets: ["GraphvizRender"]),
        .library(name: "BaliGraphKit", targets: ["BaliGraphKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(name: "GraphEngine"),
        // A prefetch hint for the CSV edge-list interner (Swift has none).
        .target(name: "CMemoryHints"),
        // libxml2's SAX parser for GraphML, loaded with dlopen only when GraphML is read
        // (headers from Debian's libxml2-dev, through the include/libxml link).
        .target(name: "CXMLSAX", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "StakeholderModel",
            dependencies: [
                "GraphEngine", "CMemoryHints", "CXMLSAX", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "Diagrams",
            dependencies: [
                "StakeholderModel", "GraphEngine", .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Graphviz's headers only (libgraphviz-dev); the library is loaded with dlopen by
        // CGraphvizShim when something is drawn, so commands that draw nothing never load it.
        .systemLibrary(name: "CGraphviz", path: "Sources/CGraphviz"),
        .target(
            name: "CGraphvizShim", dependencies: ["CGraphviz"],
            linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "GraphvizRender", dependencies: ["CGraphviz", "CGraphvizShim"]),
        .target(
            name: "BaliGraphKit",
            dependencies: ["GraphEngine", "StakeholderModel", "Diagrams", "GraphvizRender"]
        ),
        .executableTarget(
            name: "baligraph",
            dependencies: [
                "BaliGraphKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GraphEngineTests", dependencies: ["GraphEngine"], exclude: ["Fixtures"]),
        .testTarget(
            name: "StakeholderModelTests", dependencies: ["StakeholderModel", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "DiagramsTests", dependencies: ["Diagrams", "StakeholderModel", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "GraphvizRenderTests", dependencies: ["GraphvizRender"], exclude: ["leakcheck.sh"]
        ),
        .testTarget(
            name: "BaliGraphKitTests",
            dependencies: [
                "BaliGraphKit", "GraphEngine", "StakeholderModel", "Diagrams", "TestSupport",
            ]),
        .testTarget(name: "EndToEndTests", dependencies: ["BaliGraphKit"]),
        .testTarget(
            name: "ExplorerTests", dependencies: ["BaliGraphKit", "StakeholderModel"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "BaliGraphKit", "StakeholderModel", "Diagrams", "GraphvizRender", "TestSupport",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "InteropTests",
            dependencies: ["BaliGraphKit", "StakeholderModel", "TestSupport"],
            exclude: ["Fixtures"]),
    ]
)
