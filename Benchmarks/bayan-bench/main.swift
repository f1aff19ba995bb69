// One command that prints every benchmark figure: `swift run -c release bayan-bench <name>`.
// Each benchmark lives in its own file as `enum <Name>Bench { static func run(_ args: [String]) async throws }`.
import Foundation

let args = Array(CommandLine.arguments.dropFirst())
let name = args.first ?? "help"
let rest = Array(args.dropFirst())

// `bayan-bench throughput --help` must not start a two-minute run: print the usage comment at
// the top of that benchmark's file instead.
if rest.contains("--help") || rest.contains("-h") {
    let file = name.prefix(1).uppercased() + name.dropFirst() + "Bench.swift"
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(file).path
    let head = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        .split(separator: "\n", omittingEmptySubsequences: false)
        .prefix { $0.hasPrefix("//") }
        .map { $0.dropFirst(2).drop { $0 == " " } }
    print(head.isEmpty ? "bayan-bench \(name): options are given beside each figure in docs/BENCHMARKS.md" : head.joined(separator: "\n"))
    exit(0)
}

switch name {
case "pipeline": try await PipelineBench.run(rest)
case "segment": try await SegmentBench.run(rest)
case "summary": try await SummaryBench.run(rest)
case "qa": try await QABench.run(rest)
case "match": try await MatchBench.run(rest)
case "engines": try await EnginesBench.run(rest)
case "faults": try await FaultsBench.run(rest)
case "release": try await ReleaseBench.run(rest)
case "throughput": try await ThroughputBench.run(rest)
case "cli": try await CLIBench.run(rest)
case "all":
    // Every figure of docs/BENCHMARKS.md, with the options recorded there, one after another.
    let steps: [(String, [String], ([String]) async throws -> Void)] = [
        ("segment", ["--mb", "20", "--pysbd-seconds", "30"], SegmentBench.run),
        ("match", ["--mb", "4", "--runs", "7"], MatchBench.run),
        ("summary", [], SummaryBench.run),
        ("qa", [], QABench.run),
        ("engines", ["--docs", "200", "--latency-ms", "100"], EnginesBench.run),
        ("engines", ["--docs", "200", "--latency-ms", "500"], EnginesBench.run),
        ("faults", ["--docs", "200"], FaultsBench.run),
        ("release", ["--paragraphs", "2000"], ReleaseBench.run),
        ("throughput", [], ThroughputBench.run),
        ("cli", [], CLIBench.run),
        ("pipeline", ["--documents", "2000", "--singles", "50"], PipelineBench.run),
        ("pipeline", ["--documents", "10000", "--singles", "20"], PipelineBench.run),
        ("pipeline", ["--documents", "2000", "--singles", "20", "--glossary", "10000"], PipelineBench.run),
    ]
    for (benchmark, options, run) in steps {
        print("\n######## bayan-bench \(benchmark) \(options.joined(separator: " "))\n")
        try await run(options)
    }
default:
    print("usage: bayan-bench <benchmark> [options] | bayan-bench all")
    print("benchmarks: pipeline, segment, match, summary, qa, engines, faults, release, throughput, cli")
}
