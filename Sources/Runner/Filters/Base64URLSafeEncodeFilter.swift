import Foundation

/// `base64UrlSafeEncode`: Base64 with the URL-safe alphabet (`-`, `_`) and no padding.
enum Base64URLSafeEncodeFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        let standard = Data(try input.bytesForEncoding(arguments)).base64EncodedString()
        return .string(standard.replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: ""))
    }
}
