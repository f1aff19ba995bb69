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
        // Markdown input is parsed by Ink (blocks and inline spans); see MarkdownDocumentReader.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        // Review workspace (issue 13): the web layer, its templates and its metrics.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Value types only: no I/O.
        .target(name: "BayanCore"),
        // Decoding, readers, normalization with offset maps, sentence segmentation.
        .target(name: "ArabicText", dependencies: [
            "BayanCore",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Ink", package: "Ink"),
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
            "BayanCore", "ArabicText", "CCurl", "Interchange", "BlockingIO",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "QA", dependencies: ["BayanCore", "ArabicText"]),
        .target(name: "Summary", dependencies: ["BayanCore", "ArabicText", "QA"]),
        // renameat2 and friends, which Glibc's Swift module leaves out.
        .target(name: "CBayanSys"),
        // One home per exchange format: TMX 1.4b, XLIFF 2.1 and XLIFF 1.2, reader and writer side
        // by side, used by the outputs, the memory and the reviewed-file importer.
        .target(name: "Interchange", dependencies: ["BayanCore"]),
        // One writer per format, all through one atomic-write helper. ArabicText: the English
        // release is rebuilt by the renderer that sits beside each format's reader.
        // The templates and the one stylesheet are shared with the review workspace.
        .target(name: "Outputs", dependencies: [
            "BayanCore", "CBayanSys", "Interchange", "ArabicText", "BlockingIO",
            .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [
            .embedInCode("Templates/layout.mustache"),
            .embedInCode("Templates/document.mustache"),
            .embedInCode("Templates/pair.mustache"),
            .embedInCode("Templates/queue.mustache"),
            .embedInCode("Templates/login.mustache"),
            .embedInCode("Templates/glossary.mustache"),  // issue 14
            .embedInCode("Templates/app.css"),
        ]),
        // Reviewed XLIFF/TMX files back in: match a file to its document, check it, plan the changes.
        .target(name: "ReviewImport", dependencies: ["BayanCore", "ArabicText", "Interchange", "Translation"]),
        // Glossary editing through the one validator, its history, suggestions learned from
        // reviews and "where else does this term occur": for the CLI and the web workspace.
        .target(name: "GlossaryWorkbench", dependencies: [
            "BayanCore", "ArabicText", "Glossary", "Outputs",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Spool, watcher, scheduler, lifecycle.
        .target(name: "Daemon", dependencies: [
            "BayanCore", "ArabicText", "Glossary", "Translation", "QA", "Summary", "Outputs", "ReviewImport", "BlockingIO",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // Review state, approval into the memory, republish (issue 13). No web code.
        .target(name: "Review", dependencies: [
            "BayanCore", "ArabicText", "Glossary", "Translation", "QA", "Summary", "Outputs", "Daemon",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The review workspace: a Hummingbird Application run as one more Service.
        .target(name: "Workspace", dependencies: [
            "BayanCore", "Outputs", "Review", "Daemon", "Translation",
            "Glossary", "GlossaryWorkbench",  // issue 14: the glossary page
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], resources: [
            .embedInCode("Assets/app.js"),
        ]),
        .executableTarget(name: "bayan", dependencies: [
            "BayanCore", "ArabicText", "Glossary", "Translation", "QA", "Summary", "Outputs", "Daemon", "ReviewImport",
            "GlossaryWorkbench", "Review", "Workspace",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Loopback fake MT endpoints speaking the real wire protocols, with fault injection.
        .target(name: "BayanTestSupport", dependencies: [
            "BayanCore", "ArabicText", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
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

        .testTarget(name: "BayanCoreTests", dependencies: ["BayanCore", "BayanTestSupport"]),
        .testTarget(name: "ArabicTextTests", dependencies: ["ArabicText", "BayanCore", "BayanTestSupport", "ZIPFoundation"]),
        .testTarget(name: "GlossaryTests", dependencies: ["Glossary", "ArabicText", "BayanCore"]),
        .testTarget(name: "GlossaryWorkbenchTests", dependencies: [
            "GlossaryWorkbench", "Glossary", "BayanCore", "Outputs",
        ], exclude: ["Fixtures"]),
        .testTarget(name: "TranslationTests", dependencies: ["Translation", "BayanTestSupport", "BayanCore"]),
        .testTarget(name: "OutputsTests", dependencies: ["Outputs", "QA", "Summary", "BayanCore", "ArabicText", "BayanTestSupport", "ZIPFoundation"]),
        .testTarget(name: "InterchangeTests", dependencies: [
            "Interchange", "ReviewImport", "Outputs", "Translation", "BayanCore",
        ], exclude: ["Fixtures"]),
        .testTarget(name: "DaemonTests", dependencies: [
            "Daemon", "BayanTestSupport", "BayanCore", "Translation", "Outputs",
            "Summary", "QA", "ArabicText",  // issue 17: the summary stage's tests
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ReviewTests", dependencies: [
            "Review", "Workspace", "Daemon", "Outputs", "Translation", "BayanTestSupport", "BayanCore",
            "Glossary", "GlossaryWorkbench",  // issue 14: the glossary page
        ]),
        // Drives the real `bayan` binary (depending on it makes `swift test` build it).
        .testTarget(name: "EndToEndTests", dependencies: ["bayan", "BayanTestSupport", "BayanCore"]),
    ]
)
