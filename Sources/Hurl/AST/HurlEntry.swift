/// One request and the optional response spec that checks it.
///
/// ## Auth profiles (an apish extension)
/// Hurl has no way to name an auth profile, so apish keeps the name in a comment directive that Hurl
/// itself reads as an ordinary comment and ignores:
///
/// ```
/// # @auth mautic-oauth2
/// GET {{baseUrl}}/api/contacts
/// ```
///
/// The directive is a comment line `# @auth NAME` in the block of comment lines directly above the
/// request line (no blank line in between). The parser moves it into ``authProfile``; the writer puts
/// it back as the last line above the request line. A file using it still runs unchanged in Hurl,
/// without the auth.
public struct HurlEntry: Sendable, Hashable {
    public var authProfile: String?
    public var request: HurlRequest
    public var response: HurlResponse?

    public init(authProfile: String? = nil, request: HurlRequest, response: HurlResponse? = nil) {
        self.authProfile = authProfile
        self.request = request
        self.response = response
    }

    /// The line of the request line, which names the entry in reports.
    public var line: Int { request.line }
}
