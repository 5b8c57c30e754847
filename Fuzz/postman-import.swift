import Hurl
import Interop

/// A Postman collection as `apish import postman` reads it; every Hurl file an import writes must parse.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPostmanImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let imported = try? PostmanImporter.importCollection(Array(input.bytes)) else { return 0 }
    for file in imported.files {
        let text = file.text
        do { _ = try HurlParser.parse(text, fileName: file.path) } catch {
            fatalError("an imported collection wrote Hurl that does not parse: \(error)\n\(text)")
        }
    }
    return 0
}
