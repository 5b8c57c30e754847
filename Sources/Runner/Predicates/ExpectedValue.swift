import Foundation
import HTTPExchange
import Hurl
import JSON

/// The value on the right of a predicate, with templates expanded and files read.
enum ExpectedValue {
    static func resolve(_ value: HurlValue, variables: VariableStore, directory: String?) throws(EvaluationError) -> RunValue {
        switch value {
        case .string(let template), .oneline(let template):
            return .string(try QueryEvaluator.expand(template, variables))
        case .number(let literal):
            guard let number = JSONNumber(literal: literal) else { throw EvaluationError("invalid number \(literal)") }
            return .number(number)
        case .bool(let bool):
            return .bool(bool)
        case .null:
            return .null
        case .placeholder(let placeholder):
            return try EvaluationError.wrapping { () throws(RunFailure) in try variables.resolve(placeholder) }
        case .regex(let pattern):
            return .string(pattern)
        case .multiline(let multiline):
            if multiline.attributes.contains("novariable") { return .string(multiline.text) }
            return .string(try QueryEvaluator.expand(HurlTemplate.parse(raw: multiline.text), variables))
        case .base64(let text):
            guard let bytes = Base64.decode(text.filter { !$0.isWhitespace }, padding: .required) else {
                throw EvaluationError("invalid base64 value")
            }
            return .bytes(bytes)
        case .hex(let text):
            guard let bytes = Hex.decode(text) else { throw EvaluationError("invalid hex value") }
            return .bytes(bytes)
        case .file(let path):
            return .bytes(try FileSupport.read(try QueryEvaluator.expand(path, variables), directory: directory))
        }
    }
}

/// Files named in a Hurl file are relative to the folder of that file.
enum FileSupport {
    static func path(_ path: String, directory: String?) -> String {
        guard !path.hasPrefix("/"), let directory, !directory.isEmpty else { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    static func read(_ path: String, directory: String?) throws(EvaluationError) -> [UInt8] {
        let fullPath = self.path(path, directory: directory)
        guard let data = FileManager.default.contents(atPath: fullPath) else {
            throw EvaluationError("cannot read file \(fullPath)")
        }
        return Array(data)
    }
}
