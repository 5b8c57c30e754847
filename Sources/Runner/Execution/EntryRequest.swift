import HTTPExchange
import Hurl

/// An entry's request and transport options exactly as a run sends them (before any auth profile
/// signs it): `[Options]` read, templates expanded, sections applied. Export goes through here, so
/// an exported request is the runner's, not a copy's.
public struct EntryRequest: Sendable {
    public let request: HTTPRequest
    public let options: SendOptions

    /// - Parameter directory: where the entry's `file,…;` paths are relative to.
    public init(
        _ entry: HurlEntry, configuration: RunConfiguration, variables: inout VariableStore, directory: String?
    ) throws(RunFailure) {
        let entryOptions = try EntryOptions(entry.request, configuration: configuration, variables: &variables)
        request = try RequestBuilder(variables: variables, baseURL: configuration.baseURL, directory: directory)
            .build(entry.request, user: entryOptions.user)
        options = entryOptions.send
    }
}
