import HTTPExchange

/// A request typed in the shell: the first line is the URL, each further line one HTTPie item. Items are
/// parsed, then built into a request in the body mode the URL's first byte picks; `@file` items read the
/// same fixed bytes, and the request is masked for showing. A failure must be a typed error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPieItems(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (target, rest) = FuzzInput(data, size).firstLineAndRest
    var items: [RequestItem] = []
    for token in rest.split(separator: "\n") {
        guard let item = try? RequestItem.parse(String(token)) else { continue }
        items.append(item)
    }
    let mode: RequestSpec.BodyMode = switch target.utf8.first.map({ $0 % 3 }) {
    case 1: .form
    case 2: .multipart
    default: .json
    }
    let spec = RequestSpec(method: "POST", target: target, items: items, bodyMode: mode)
    let variables = Variables(layers: [["id": "7", "token": "s3cr3t", "baseUrl": "http://127.0.0.1:8181"]], secretNames: ["token"])
    if let request = try? spec.build(variables: variables, baseURL: "http://127.0.0.1:8181", readFile: { _ in fileBytes }) {
        // What `-v` shows of it.
        _ = Redactor(secrets: ["s3cr3t"]).request(request)
    }
    return 0
}

private let fileBytes = Array(#"{"from": "a file", "n": [1, 2]}"#.utf8)
