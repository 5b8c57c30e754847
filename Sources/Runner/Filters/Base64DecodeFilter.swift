import Foundation

/// `base64Decode`: standard Base64 text (padding optional) to bytes.
enum Base64DecodeFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        return .bytes(try Base64.decode(text, arguments))
    }
}

enum Base64 {
    static func decode(_ text: String, _ arguments: FilterArguments) throws(EvaluationError) -> [UInt8] {
        var padded = text.trimmingCharacters(in: " \t\r\n")
        while padded.count % 4 != 0 { padded += "=" }
        guard let data = Data(base64Encoded: padded) else {
            throw EvaluationError("\(arguments.filterText): \(RunValue.string(text).display) is not valid Base64")
        }
        return Array(data)
    }
}
