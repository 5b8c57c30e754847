import HTTPExchange

/// HTTP Basic (RFC 7617) as apish sends it; `BasicCredentials` makes the header value.
public enum BasicAuthorization {
    /// The warning to show before Basic credentials travel unencrypted to another machine, or nil
    /// when the URL is https or loopback. Whoever shows it adds the "warning:" label.
    public static func insecureTransportWarning(for url: String) -> String? {
        guard let parsed = RequestURL(url), parsed.scheme == "http", !parsed.isLoopback else { return nil }
        return "sending Basic credentials over plain http to \(parsed.host): anyone on the path can read "
            + "the password (use https, or set allow_insecure = true on the profile to silence this)"
    }
}
