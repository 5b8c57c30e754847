import JSON
import Testing

/// Deterministically generated documents exercise every token kind at many depths.
@Suite struct RandomDocumentTests {
    /// A small linear congruential generator, so failures reproduce.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces = ["a", "Zoë", "李", "🚀", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u0001", "\\u00e9", "\\ud83d\\ude80", " ", "\u{7F}"]
    static let numbers = ["0", "-0", "1", "-12", "1.50", "1e400", "-2.5E-3", "123456789012345678901234567890", "0.0"]
    static let blanks = ["", " ", "\n", "\t", "\r\n  "]

    static func document(_ generator: inout Generator, depth: Int) -> String {
        let blank = { (g: inout Generator) in blanks[g.next(blanks.count)] }
        switch depth > 6 ? generator.next(4) : generator.next(6) {
        case 0: return ["true", "false", "null"][generator.next(3)]
        case 1: return numbers[generator.next(numbers.count)]
        case 2, 3:
            return "\"" + (0..<generator.next(6)).map { _ in pieces[generator.next(pieces.count)] }.joined() + "\""
        case 4:
            let elements = (0..<generator.next(5)).map { _ in blank(&generator) + document(&generator, depth: depth + 1) + blank(&generator) }
            return "[" + blank(&generator) + elements.joined(separator: ",") + "]"
        default:
            let members = (0..<generator.next(5)).map { _ in
                blank(&generator) + "\"k\(generator.next(4))\"" + blank(&generator) + ":" + blank(&generator)
                    + document(&generator, depth: depth + 1) + blank(&generator)
            }
            return "{" + blank(&generator) + members.joined(separator: ",") + "}"
        }
    }

    @Test(arguments: 0..<40)
    func roundTripsAndReformatsLikeTheTree(_ seed: Int) throws {
        var generator = Generator(state: UInt64(seed) &* 0x9E3779B97F4A7C15)
        let text = Self.document(&generator, depth: 0)
        let value = try JSONValue.parse(text)
        #expect(try JSONValue.parse(value.serialized()) == value)
        #expect(try JSONValue.parse(value.serialized(style: .pretty)) == value)
        for style in [JSONStyle.compact, .pretty, JSONStyle.pretty.colored()] {
            var output: [UInt8] = []
            try JSONValue.reformat(Array(text.utf8), style: style, chunkSize: 64) { output.append(contentsOf: $0) }
            #expect(output == value.serializedBytes(style: style), "seed \(seed): \(text)")
        }
    }
}
