import ArgumentParser

@main
struct Apish: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "apish",
        abstract: "An API exploration shell: compose requests, query JSON, replay collections as tests.",
        version: version
    )
}
