import HTTPExchange

/// A curl command line that sends the same request: same method, URL, headers and body bytes.
public enum CurlCommandWriter {
    /// - Parameter masker: masks secrets and credentials; nil reveals them.
    public static func command(for request: HTTPRequest, masker: SecretMasker?) -> String {
        func mask(_ text: String) -> String { masker?.mask(text) ?? text }
        var parts = ["curl"]
        if request.method != "GET" || !request.body.isEmpty { parts += ["-X", request.method] }
        parts.append(CommandTokenizer.quote(mask(request.url)))
        for field in request.headers where field.name.lowercased() != "user-agent" || field.value != RequestSpec.userAgent {
            var value = field.value
            if masker != nil, ["authorization", "proxy-authorization", "cookie"].contains(field.name.lowercased()) {
                let scheme = value.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                value = scheme.isEmpty || scheme == value ? SecretMasker.mask : "\(scheme) \(SecretMasker.mask)"
            }
            parts += ["-H", CommandTokenizer.quote("\(field.name): \(mask(value))")]
        }
        switch request.body {
        case .empty: break
        case .bytes(let bytes):
            parts += ["--data-binary", CommandTokenizer.quote(mask(String(decoding: bytes, as: UTF8.self)))]
        case .form(let fields):
            for field in fields {
                parts += ["--data-urlencode", CommandTokenizer.quote("\(field.name)=\(mask(field.value))")]
            }
        case .multipart(let parts_):
            for part in parts_ {
                switch part.content {
                case .text(let value): parts += ["-F", CommandTokenizer.quote("\(part.name)=\(mask(value))")]
                case .file(let path, _, let type):
                    parts += ["-F", CommandTokenizer.quote("\(part.name)=@\(path)" + (type.map { ";type=\($0)" } ?? ""))]
                }
            }
        }
        return parts.joined(separator: " ")
    }
}
