import ArgumentParser

@main
struct Bayan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bayan",
        abstract: "Translate Arabic press releases dropped into a folder into aligned Arabic–English results.",
        discussion: """
            Bayan watches spool/inbox/, splits each release into sentences, translates them through a \
            machine-translation endpoint, checks every sentence pair and publishes spool/out/<name>/.

            Example: bayan run --config config/bayan.yaml
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, TranslateCommand.self, StatusCommand.self, ConfigCommand.self, SegmentCommand.self,
            GlossaryCommand.self, SummarizeCommand.self, QACommand.self, ReprocessCommand.self, MemoryCommand.self, EngineCommand.self,
            ReviewCommand.self,
        ]
    )
}
