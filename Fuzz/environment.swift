import Workspace

/// An environment file (`environments/NAME.env`) as apish reads it; one that parses renders back to
/// text that parses to the same document, as editing it with `env set` relies on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEnvironment(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    guard var document = try? EnvironmentDocument(parsing: text, fileName: "fuzz.env") else { return 0 }
    let rendered = document.rendered()
    require((try? EnvironmentDocument(parsing: rendered, fileName: "fuzz.env")) == document,
        "a rendered environment does not read back the same\n\(rendered)\n\(document)\n\(String(describing: try? EnvironmentDocument(parsing: rendered, fileName: "fuzz.env")))")
    for section in [nil] + document.sections.map(Optional.some) {
        for entry in document.entries(in: section) { _ = entry.environmentVariable }
    }
    document.set(EnvironmentDocument.Entry(key: "baseUrl", value: "http://127.0.0.1:8181"))
    require((try? EnvironmentDocument(parsing: document.rendered(), fileName: "fuzz.env")) != nil,
        "an edited environment does not read back")
    return 0
}
