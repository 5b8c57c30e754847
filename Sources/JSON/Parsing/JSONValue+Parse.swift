extension JSONValue {
    /// Nesting limit applied by `parse` and `reformat` unless told otherwise (jq's limit too).
    /// Parsing is iterative, but printing, comparing and hashing a value recurse once per level;
    /// 256 levels fit in a 512 KiB thread stack even in debug builds (tested).
    public static let defaultMaxDepth = 256

    /// Parses one JSON document from UTF-8 bytes (a leading byte order mark is skipped).
    public static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) -> JSONValue in
                var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
                return try parser.parseDocument()
            }
        }
        if let result { return try result.get() }
        return try parse(Array(bytes), maxDepth: maxDepth)
    }

    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> JSONValue in
                var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
                return try parser.parseDocument()
            }
        }
        return try result.get()
    }
}
