import Hurl

/// A Hurl file as `apish run` reads it; one that parses must write back (``HurlWriter``) to text that
/// parses to the same file, since saving and exporting rely on that.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHurl(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    guard let file = try? HurlParser.parse(text, fileName: "fuzz.hurl") else { return 0 }
    let written = HurlWriter.write(file)
    let reread: HurlFile
    do { reread = try HurlParser.parse(written, fileName: "fuzz.hurl") } catch {
        fatalError("written Hurl does not parse: \(error)\n\(written)")
    }
    require(HurlWriter.write(reread) == written, "written Hurl does not write back the same")
    return 0
}
