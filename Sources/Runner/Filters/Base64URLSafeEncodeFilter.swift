import HTTPExchange

/// `base64UrlSafeEncode`: Base64 with the URL-safe alphabet (`-`, `_`) and no padding.
enum Base64URLSafeEncodeFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        .string(Base64.encodeURLSafe(try input.bytesForEncoding(arguments)))
    }
}
