import JSON

/// JSON as apish reads response bodies and files: parse, then print in both styles and re-parse what was
/// printed, which must give the same value; the streaming reformatter must accept exactly what `parse` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let parsed = try? JSONValue.parse(input.bytes)
    var reformatted: [UInt8] = []
    let reformatAccepted = (try? JSONValue.reformat(input.bytes, style: .pretty) { reformatted += $0 }) != nil
    require(reformatAccepted == (parsed != nil), "reformat and parse disagree on validity")
    guard let value = parsed else { return 0 }
    require(reformatted == value.serializedBytes(style: .pretty), "reformat and parse print differently")
    for style in [JSONStyle.compact, .pretty] {
        let printed = value.serializedBytes(style: style)
        require((try? JSONValue.parse(printed)) == value, "printed JSON does not read back as the same value")
    }
    _ = value.serialized(style: JSONStyle.pretty.colored())
    return 0
}
