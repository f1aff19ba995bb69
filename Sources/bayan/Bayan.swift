import ArgumentParser

@main
struct Bayan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bayan", abstract: "Translate Arabic press releases.")
    func run() async throws {}
}
