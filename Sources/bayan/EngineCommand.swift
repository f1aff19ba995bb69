import ArgumentParser
import Daemon
import Foundation

struct EngineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Act on the running daemon's translation engine.",
        subcommands: [Resume.self])

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resume",
            abstract: "Resume an engine held after its quota ran out (or paused by the circuit breaker).",
            discussion: """
                Sends SIGHUP to the running daemon, which reloads the configuration and builds a fresh \
                engine: held documents are sent again at their next turn. Do it once the quota is \
                topped up or the key replaced.

                Example: bayan engine resume --config config/bayan.yaml
                """)

        @OptionGroup var options: ConfigOption

        func run() async throws {
            let loaded = try options.loadOrExit()
            let layout = SpoolLayout(root: loaded.config.spool.root)
            guard let data = FileManager.default.contents(atPath: layout.statusFile),
                let snapshot = try? JSONDecoder().decode(StatusSnapshot.self, from: data), snapshot.running,
                kill(snapshot.pid, 0) == 0
            else {
                Stderr.print("bayan: no daemon is running on \(layout.root); a new `bayan run` starts with the engine resumed")
                throw ExitCode(1)
            }
            guard kill(snapshot.pid, SIGHUP) == 0 else {
                Stderr.print("bayan: cannot signal pid \(snapshot.pid) (errno \(errno)); run as the user that runs bayan")
                throw ExitCode(1)
            }
            print("asked bayan (pid \(snapshot.pid)) to resume \(snapshot.engine.kind): it reloads the configuration and sends held documents again")
        }
    }
}
