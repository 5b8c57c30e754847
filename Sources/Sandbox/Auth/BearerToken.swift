import Foundation

/// Where an OAuth 2 access token was sent: the header, the `access_token` query parameter, or a form body.
enum BearerToken {
    /// nil when none was sent; throws when more than one place carries one.
    static func find(in request: SandboxRequest, parameters: RequestParameters) throws(MauticError) -> String? {
        var found: [String] = []
        if let header = request.header("authorization"), header.count > 7, header.prefix(7).lowercased() == "bearer " {
            found.append(String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        }
        if let token = parameters.queryString("access_token") { found.append(token) }
        if request.method != "GET", case .form(let form) = parameters.body,
           let token = form["access_token"].flatMap(RequestParameters.scalarText) {
            found.append(token)
        }
        if found.count > 1 { throw OAuth2Error.multipleTokens }
        return found.first
    }
}
