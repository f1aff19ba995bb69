// One command that prints every benchmark figure: `swift run -c release bayan-bench <name>`.
// Each benchmark lives in its own file as `enum <Name>Bench { static func run(_ args: [String]) async throws }`.
import Foundation

let args = Array(CommandLine.arguments.dropFirst())
let name = args.first ?? "help"
let rest = Array(args.dropFirst())

switch name {
case "pipeline": try await PipelineBench.run(rest)
case "segment": try await SegmentBench.run(rest)
case "summary": try await SummaryBench.run(rest)
case "qa": try await QABench.run(rest)
case "match": try await MatchBench.run(rest)
case "engines": try await EnginesBench.run(rest)
case "faults": try await FaultsBench.run(rest)
default:
    print("usage: bayan-bench <benchmark> [options]")
    print("benchmarks: pipeline, segment, match, summary, qa, engines, faults")
}
