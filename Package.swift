// swift-tools-version:6.0
import PackageDescription

/// The replay's hot loop (the engine, and the recorder turning its records into rows) without
/// Swift's run-time exclusivity checks in release builds: issue 15's engine measured +19 % for
/// it. Debug builds, which the tests run, keep the checks, so a violation still traps there.
let hotLoop: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
    name: "Cairn",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cairn", targets: ["cairn"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Not imported by cairn itself; pinned for Hummingbird and SwiftNIO, which use it.
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C shim over ncursesw; only TerminalUI imports it.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),

        // The sample journeys and themes, carried inside the binary (see Plugins/EmbedFiles).
        .target(name: "CairnResources", plugins: ["EmbedFiles"]),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),
        .executableTarget(name: "embed-files"),

        // The one way YAML is read: hardened loading with located errors (a leaf over Yams).
        .target(name: "YAMLSource", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The journey language: pure, no I/O but text.
        .target(
            name: "JourneyModel",
            dependencies: ["YAMLSource", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "ReplayEngine",
            dependencies: ["JourneyModel"],
            swiftSettings: hotLoop
        ),
        .target(
            name: "Workspace",
            dependencies: [
                "JourneyModel", "ReplayEngine", "CairnResources", "YAMLSource",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: hotLoop
        ),
        .target(
            name: "Analytics",
            dependencies: [
                "Workspace", "ReplayEngine", "JourneyModel", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // Live automation: delivers the outbox through the configured channels (docs/live.md).
        .target(
            name: "Automation",
            dependencies: [
                "Workspace", "ReplayEngine", "JourneyModel", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TerminalUI",
            dependencies: ["CNCurses", "YAMLSource", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Studio",
            dependencies: [
                "JourneyModel", "ReplayEngine", "Workspace", "Analytics", "TerminalUI", "CairnResources",
            ]
        ),
        // The HTTP API and webhook intake (`cairn serve`); the studio never depends on it.
        .target(
            name: "Server",
            dependencies: [
                "Workspace", "Analytics", "JourneyModel", "ReplayEngine", "CairnResources",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "cairn",
            dependencies: [
                "JourneyModel", "ReplayEngine", "Workspace", "Analytics", "Studio", "Server", "TerminalUI",
                "CairnResources", "Automation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Benchmark of importing and synthesising cohorts (release build; see BENCHMARKS.md).
        .executableTarget(name: "cairn-bench", dependencies: ["Workspace", "JourneyModel"]),
        .executableTarget(
            name: "replay-bench",
            dependencies: [
                "Workspace", "JourneyModel", "ReplayEngine", "Analytics",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),

        // Benchmarks of live automation: wake-up lag, sustained steps, restart (see BENCHMARKS.md).
        .executableTarget(
            name: "live-bench",
            dependencies: [
                "Automation", "Workspace", .product(name: "GRDB", package: "GRDB.swift"),
            ]),

        // What only tests use: the tmux harness for end-to-end runs and golden snapshots of
        // rendered buffers. Only test targets depend on it, so the binary does not carry it.
        .target(name: "TestSupport", dependencies: ["TerminalUI", "JourneyModel", "ReplayEngine"]),

        .testTarget(name: "CairnResourcesTests", dependencies: ["CairnResources"]),
        .testTarget(
            name: "YAMLSourceTests", dependencies: ["YAMLSource", .product(name: "Yams", package: "Yams")]),
        .testTarget(
            name: "JourneyModelTests", dependencies: ["JourneyModel"], exclude: ["Schedule/croniter.jsonl"]),
        .testTarget(name: "ReplayEngineTests", dependencies: ["ReplayEngine", "JourneyModel"]),
        .testTarget(
            name: "WorkspaceTests",
            dependencies: [
                "Workspace", "JourneyModel", "ReplayEngine", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "AnalyticsTests",
            dependencies: [
                "Analytics", "Workspace", "JourneyModel", "ReplayEngine", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Goldens"]),
        .testTarget(
            name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(
            name: "StudioTests",
            dependencies: [
                "Studio", "Workspace", "TerminalUI", "JourneyModel", "ReplayEngine", "Analytics",
                "CairnResources",
                "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Goldens"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Workspace", "JourneyModel", "Analytics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "AutomationTests",
            dependencies: [
                "Automation", "Workspace", "Analytics", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "CairnEndToEndTests",
            dependencies: [
                "cairn", "TerminalUI", "TestSupport", "Workspace", "JourneyModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
