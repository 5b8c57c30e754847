/// The bytes an ``EntrySpool`` keeps for one ``EntryResult``: integers as 8 little-endian bytes,
/// texts as a length and their UTF-8, optionals behind a presence byte. The file name is the spool's.
enum EntryCoding {
    struct Encoder {
        private(set) var bytes: [UInt8] = []

        static func length(_ count: Int, to bytes: inout [UInt8]) {
            withUnsafeBytes(of: UInt32(count).littleEndian) { bytes += $0 }
        }

        mutating func entry(_ entry: EntryResult) {
            int(entry.index)
            int(entry.line)
            text(entry.method)
            text(entry.url)
            optional(entry.response) { encoder, response in
                encoder.text(response.version)
                encoder.int(response.status)
            }
            let (seconds, attoseconds) = entry.duration.components
            int(Int(seconds))
            int(Int(attoseconds))
            int(entry.captures.count)
            for capture in entry.captures {
                text(capture.name)
                int(capture.line)
                text(capture.value)
            }
            int(entry.asserts.count)
            for assert in entry.asserts {
                int(assert.line)
                text(assert.expression)
                text(assert.expected)
                text(assert.actual)
                bool(assert.passed)
                optional(assert.error) { $0.text($1) }
                bool(assert.isImplicit)
            }
            optional(entry.failure) { encoder, failure in
                encoder.text(failure.message)
                encoder.optional(failure.line) { $0.int($1) }
            }
            bool(entry.skipped)
            int(entry.retries)
        }

        private mutating func int(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { bytes += $0 }
        }

        private mutating func bool(_ value: Bool) {
            bytes.append(value ? 1 : 0)
        }

        private mutating func text(_ value: String) {
            Self.length(value.utf8.count, to: &bytes)
            bytes += value.utf8
        }

        private mutating func optional<Value>(_ value: Value?, _ encode: (inout Encoder, Value) -> Void) {
            bool(value != nil)
            if let value { encode(&self, value) }
        }
    }

    /// Reads what ``Encoder`` wrote, in the same order.
    struct Decoder {
        private let bytes: ArraySlice<UInt8>
        private var position: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            position = bytes.startIndex
        }

        static func length(_ bytes: ArraySlice<UInt8>) -> Int {
            Int(bytes.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        }

        mutating func entry(fileName: String) -> EntryResult {
            let index = int()
            let line = int()
            let method = text()
            let url = text()
            let response = optional { ResponseSummary(version: $0.text(), status: $0.int()) }
            let duration = Duration(secondsComponent: Int64(int()), attosecondsComponent: Int64(int()))
            let captures = (0..<int()).map { _ in CaptureResult(name: text(), line: int(), value: text()) }
            let asserts = (0..<int()).map { _ in
                AssertResult(line: int(), expression: text(), expected: text(), actual: text(), passed: bool(),
                             error: optional { $0.text() }, isImplicit: bool())
            }
            let failure = optional { RunFailure($0.text(), line: $0.optional { $0.int() }) }
            return EntryResult(fileName: fileName, index: index, line: line, method: method, url: url, response: response,
                               duration: duration, captures: captures, asserts: asserts, failure: failure, skipped: bool(),
                               retries: int())
        }

        private mutating func int() -> Int {
            defer { position += 8 }
            return Int(Int64(bitPattern: bytes[position..<position + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }))
        }

        private mutating func bool() -> Bool {
            defer { position += 1 }
            return bytes[position] != 0
        }

        private mutating func text() -> String {
            let count = Self.length(bytes[position..<position + 4])
            position += 4
            defer { position += count }
            return String(decoding: bytes[position..<position + count], as: UTF8.self)
        }

        private mutating func optional<Value>(_ decode: (inout Decoder) -> Value) -> Value? {
            bool() ? decode(&self) : nil
        }
    }
}
