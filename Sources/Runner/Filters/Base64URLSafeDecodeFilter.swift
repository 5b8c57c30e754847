import Foundation
import HTTPExchange

/// `base64UrlSafeDecode`: URL-safe Base64 (padding optional) to bytes.
enum Base64URLSafeDecodeFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        guard let bytes = Base64.decodeURLSafe(text.trimmingCharacters(in: " \t\r\n")) else { throw arguments.notBase64(text) }
        return .bytes(bytes)
    }
}
