// swift-tools-version:6.0
// Bayan: a daemon and CLI that translates Arabic press releases dropped into a folder.
// Targets import downward only: claim → read → segment → match terms → translate → check →
// summarize → write → publish. Only the `bayan` executable picks concrete types.
import PackageDescription

let package = Package(
    name: "Bayan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bayan", targets: ["bayan"]),
        .executable(name: "bayan-mock-engine", targets: ["bayan-mock-engine"]),
        .library(name: "BayanTestSupport", targets: ["BayanTestSupport"]),
        // For the fuzz package in Tests/Fuzz, which depends on this one by path.
        .library(name: "BayanCore", targets: ["BayanCore"]),
        .library(name: "ArabicText", targets: ["ArabicText"]),
        .library(name: "Glossary", targets: ["Glossary"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Value types only: no I/O.
        .target(name: "BayanCore"),
        // Decoding, readers, normalization with offset maps, sentence segmentation.
        .target(name: "ArabicText", dependencies: [
            "BayanCore",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Glossary formats, validation, the clitic-aware matcher, hot reload.
        .target(name: "Glossary", dependencies: [
            "BayanCore", "ArabicText",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Threads for blocking system calls and group commit (journal, memory, folder fsyncs).
        .target(name: "BlockingIO"),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // One TranslationEngine protocol, one file per dialect, the curl transport, retries, memory.
        .target(name: "Translation", dependencies: [
            "BayanCore", "ArabicText", "CCurl", "BlockingIO",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "QA", dependencies: ["BayanCore", "ArabicText"]),
        .target(name: "Summary", dependencies: ["BayanCore", "ArabicText"]),
        // renameat2 and friends, which Glibc's Swift module leaves out.
        .target(name: "CBayanSys"),
        // One writer per format, all through one atomic-write helper.
        .target(name: "Outputs", dependencies: ["BayanCore", "CBayanSys", "BlockingIO"]),
        // Spool, watcher, scheduler, lifecycle.
        .target(name: "Daemon", dependencies: [
            "BayanCore", "ArabicText", "Glossary", "Translation", "QA", "Summary", "Outputs", "BlockingIO",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "bayan", dependencies: [
            "BayanCore", "ArabicText", "Glossary", "Translation", "QA", "Summary", "Outputs", "Daemon",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Loopback fake MT endpoints speaking the real wire protocols, with fault injection.
        .target(name: "BayanTestSupport", dependencies: [
            "BayanCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .executableTarget(name: "bayan-mock-engine", dependencies: [
            "BayanTestSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmarks print figures; they are not tests (the machines are noisy).
        .executableTarget(name: "bayan-bench", dependencies: [
            "BayanCore", "ArabicText", "Glossary", "Translation", "QA", "Summary", "Outputs", "Daemon",
            "BayanTestSupport",
        ], path: "Benchmarks/bayan-bench"),

        .testTarget(name: "BayanCoreTests", dependencies: ["BayanCore"]),
        .testTarget(name: "ArabicTextTests", dependencies: ["ArabicText", "BayanCore", "BayanTestSupport", "ZIPFoundation"]),
        .testTarget(name: "GlossaryTests", dependencies: ["Glossary", "ArabicText", "BayanCore"]),
        .testTarget(name: "TranslationTests", dependencies: ["Translation", "BayanTestSupport", "BayanCore"]),
        .testTarget(name: "OutputsTests", dependencies: ["Outputs", "QA", "Summary", "BayanCore", "ArabicText"]),
        .testTarget(name: "DaemonTests", dependencies: [
            "Daemon", "BayanTestSupport", "BayanCore", "Translation", "Outputs",
        ]),
        // Drives the real `bayan` binary (depending on it makes `swift test` build it).
        .testTarget(name: "EndToEndTests", dependencies: ["bayan", "BayanTestSupport", "BayanCore"]),
    ]
)
