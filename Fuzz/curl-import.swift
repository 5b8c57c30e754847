import HTTPExchange
import Hurl
import Interop

/// A curl command as `apish import curl` takes it. An import must write a Hurl entry that parses, and
/// the request it sends, exported as `show curl` does and imported again, must be the same request.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCurlImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let command = FuzzInput(data, size).text
    guard let imported = try? CurlImporter.parse(command) else { return 0 }
    let hurl = HurlWriter.write(HurlFile(fileName: "import.hurl", entries: [imported.hurlEntry()]))
    do { _ = try HurlParser.parse(hurl, fileName: "import.hurl") } catch {
        fatalError("an imported curl command wrote Hurl that does not parse: \(error)\n\(hurl)")
    }
    guard let request = try? imported.httpRequest(readFile: { _ in fileBytes }) else { return 0 }
    let exported = CurlExporter.command(for: request)
    // A body that is not text (not UTF-8, or holding NUL) is exported as a pipeline from printf into curl.
    guard exported.hasPrefix("curl ") else { return 0 }
    let again: HTTPRequest
    do { again = try CurlImporter.parse(exported).httpRequest(readFile: { _ in fileBytes }) } catch {
        fatalError("an exported curl command does not import: \(error)\n\(exported)")
    }
    // The export spells out what the transport adds (`CurlExporter.transportDefaults`); nothing else may change.
    var expected = request
    for field in CurlExporter.transportDefaults where !expected.headers.contains(field.name) {
        expected.headers.add(field.name, field.value)
    }
    require(again == expected, "export then import changed the request\n\(exported)\n\(expected)\n\(again)")
    return 0
}

private let fileBytes = Array("name=from a file&n=1".utf8)
