// swift-tools-version:6.0
// libFuzzer targets for Bayan's input parsers, kept out of the main package so that a normal
// `swift build` never needs the fuzzer runtime. Build and run them with `.ci/fuzz`.
import PackageDescription

let package = Package(
    name: "BayanFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Bayan", path: "../.."),
    ],
    targets: [
        // Declares libFuzzer's driver entry point (the runtime comes from -sanitize=fuzzer).
        .target(name: "CFuzzDriver"),
        // The four targets' one-input functions, their invariant checks and input helpers.
        .target(name: "FuzzTargets", dependencies: [
            "CFuzzDriver",
            .product(name: "BayanCore", package: "Bayan"),
            .product(name: "ArabicText", package: "Bayan"),
            .product(name: "Glossary", package: "Bayan"),
            .product(name: "BayanTestSupport", package: "Bayan"),
        ]),
        // Inbox bytes → SniffingDocumentReader (text in every encoding, HTML, .docx by sniffing).
        .executableTarget(name: "FuzzDecoder", dependencies: ["FuzzTargets"]),
        // .docx: raw ZIP bytes, or parts wrapped into a well-formed ZIP so the XML gets fuzzed too.
        .executableTarget(name: "FuzzDocx", dependencies: ["FuzzTargets"]),
        // ArabicSentenceSegmenter and ArabicNormalizer's offset map.
        .executableTarget(name: "FuzzSegmenter", dependencies: ["FuzzTargets"]),
        // Glossary files: TSV, CSV and TBX through GlossaryLoader.parse, the validator, the writers.
        .executableTarget(name: "FuzzGlossary", dependencies: ["FuzzTargets"]),
    ]
)
