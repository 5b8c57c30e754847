import HTTPExchange

/// Gets the parameters of the redirect that ends a browser step: from the loopback listener when the
/// redirect URI is plain http on this machine, otherwise from the URL the person pastes.
struct RedirectCapture: Sendable {
    let listener: RedirectListener?
    let timeout: Int

    /// Binds the listener (if one can serve `redirectURI`) before anything is opened in a browser.
    static func prepare(redirectURI: String, timeout: Int, listen: Bool) async throws(AuthError) -> RedirectCapture {
        guard listen, let url = RequestURL(redirectURI), url.scheme == "http",
            url.host == "127.0.0.1" || url.host == "localhost"
        else { return RedirectCapture(listener: nil, timeout: timeout) }
        let listener = try await RedirectListener.start(port: url.effectivePort, path: url.path)
        return RedirectCapture(listener: listener, timeout: timeout)
    }

    var catchesRedirect: Bool { listener != nil }

    /// The decoded query parameters of the redirect.
    func parameters(_ interaction: any AuthInteraction, narrate: TraceNarrator) async throws -> [(String, String)] {
        if let listener {
            narrate("  waiting for the redirect on 127.0.0.1:\(listener.port) (up to \(timeout) s)")
            let url = try await listener.redirect(timeout: timeout)
            let pairs = RequestURL(url)?.queryPairs ?? []
            Self.masking(pairs, narrate)("  ← redirect received: \(url)")
            return pairs
        }
        guard let pasted = await interaction.ask("Paste the URL your browser was sent to: ", secret: false)?
            .trimmingCharacters(in: " \t\r\n"), !pasted.isEmpty
        else { throw AuthError.cancelled("no redirect URL was given") }
        let query = pasted.firstIndex(of: "?").map { String(pasted[pasted.index(after: $0)...]) } ?? pasted
        let withoutFragment = query.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let pairs = PercentEncoding.decodePairs(withoutFragment)
        Self.masking(pairs, narrate)("  pasted redirect: \(pasted)")
        return pairs
    }

    /// Codes, verifiers and tokens in a redirect are short-lived credentials: masked like the rest.
    private static func masking(_ pairs: [(String, String)], _ narrate: TraceNarrator) -> TraceNarrator {
        narrate.adding(pairs.filter { ["code", "oauth_verifier", "oauth_token"].contains($0.0) }.map(\.1))
    }

    func close() async {
        await listener?.close()
    }
}
