import Foundation
import HTTPExchange

/// `base64Decode`: standard Base64 text (padding optional) to bytes.
enum Base64DecodeFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        guard let bytes = Base64.decode(text.trimmingCharacters(in: " \t\r\n")) else { throw arguments.notBase64(text) }
        return .bytes(bytes)
    }
}

extension FilterArguments {
    func notBase64(_ text: String) -> EvaluationError {
        EvaluationError("\(filterText): \(RunValue.string(text).display) is not valid Base64")
    }
}
