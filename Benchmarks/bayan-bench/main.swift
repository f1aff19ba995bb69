// One command that prints every benchmark figure: `swift run -c release bayan-bench <name>`.
// Each benchmark lives in its own file as `enum <Name>Bench { static func run(_ args: [String]) async throws }`.
import Foundation

let args = Array(CommandLine.arguments.dropFirst())
let name = args.first ?? "help"
let rest = Array(args.dropFirst())

switch name {
case "engines": try await EnginesBench.run(rest)
default:
    print("usage: bayan-bench <benchmark> [options]")
    print("benchmarks: (none registered yet)")
}
