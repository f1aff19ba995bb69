import ArgumentParser
import BayanCore
import Daemon
import Foundation
import Glossary
import Logging
import Outputs

struct TranslateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate files once, through the same pipeline as the daemon, and publish DIR/<name>/ for each.",
        discussion: """
            Exits 0 when every file produced a result; otherwise non-zero, with the reason for each file \
            that did not. The files themselves are not moved.

            Example: bayan translate seeds/000_62ba54d9c0d0bfaf.txt --out /tmp/bayan-out
            """)

    @OptionGroup var options: ConfigOption
    @Option(name: .long, help: "Folder to publish results in (default: the spool's out/).")
    var out: String?
    @Argument(help: "Files to translate.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to translate") }
    }

    func run() async throws {
        let loaded = try options.loadOrExit()
        Logs.bootstrap(format: loaded.config.log.format, level: loaded.config.log.level)
        let logger = Logger(label: "bayan")
        let outDir = out ?? SpoolLayout(root: loaded.config.spool.root).out
        let tmpDir = outDir + "/.bayan-tmp"
        do {
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
            try DurableFS.makeDirectory(tmpDir)
        } catch {
            Stderr.print("bayan: cannot create \(outDir): \(error)")
            throw ExitCode(73)
        }
        defer { DurableFS.removeTree(tmpDir) }
        let glossary = GlossaryStore(files: loaded.config.glossary.files, logger: logger)
        let pipeline = DocumentPipeline(stages: try StageFactory.make(loaded, glossary: glossary, logger: logger))
        let publisher = AtomicPublisher(outDirectory: outDir, tmpDirectory: tmpDir)
        var failures = 0
        for (index, file) in files.enumerated() {
            let name = (file as NSString).lastPathComponent
            do {
                let bytes = try InputFile.read(file, limit: loaded.config.spool.maxInputBytes)
                let result = try await pipeline.run(bytes: bytes, fileName: name)
                let stem = try publisher.publish(
                    result, writers: pipeline.stages.writers, preferredStem: StemNaming.stem(for: name), jobID: "cli-\(getpid())-\(index)")
                print("\(file): published \(outDir)/\(stem) (\(result.pairs.count) sentences)")
            } catch {
                failures += 1
                Stderr.print("bayan: \(file): \(Redactor.shared.redact(String(describing: error)))")
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
