/// `base64UrlSafeDecode`: URL-safe Base64 (padding optional) to bytes.
enum Base64URLSafeDecodeFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        return .bytes(try Base64.decode(text.replacing("-", with: "+").replacing("_", with: "/"), arguments))
    }
}
