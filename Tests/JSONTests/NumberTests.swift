import JSON
import Testing

@Suite struct NumberTests {
    @Test(arguments: [
        "0", "-0", "1", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", "1.50", "0.000", "1e400", "-1E-400", "1.5e+10", "2E5", "10.0e-3",
    ])
    func literalRoundTripsByteForByte(_ literal: String) throws {
        let document = "[\(literal)]"
        let value = try JSONValue.parse(document)
        #expect(value.serialized() == document)
        #expect(value[0]?.numberValue?.literal == literal)
    }

    @Test(arguments: ["01", "+1", ".5", "1.", "1e", "1e+", "-", "--1", "0x10", "1.e3", "NaN", "Infinity", "", " 1"])
    func invalidLiteralsAreRejected(_ literal: String) {
        #expect(JSONNumber(literal: literal) == nil)
    }

    @Test func integerConversionIsExactOnly() throws {
        #expect(JSONNumber(literal: "9223372036854775807")?.intValue == Int.max)
        #expect(JSONNumber(literal: "9223372036854775808")?.intValue == nil)
        #expect(JSONNumber(literal: "1.20e1")?.intValue == 12)
        #expect(JSONNumber(literal: "1.5")?.intValue == nil)
        #expect(JSONNumber(literal: "1.0000000000000000001")?.intValue == nil)
        #expect(JSONNumber(literal: "-0.0")?.intValue == 0)
        #expect(JSONNumber(literal: "1e400")?.doubleValue == .infinity)
        #expect(JSONNumber(literal: "0.1")?.doubleValue == 0.1)
    }

    @Test func numericComparisonIgnoresSpelling() throws {
        let one = try #require(JSONNumber(literal: "1"))
        #expect(one.numericallyEquals(try #require(JSONNumber(literal: "1.0"))))
        #expect(one.numericallyEquals(try #require(JSONNumber(literal: "10e-1"))))
        #expect(!one.numericallyEquals(try #require(JSONNumber(literal: "1.0000000000000000001"))))
        #expect(try #require(JSONNumber(literal: "-0")).numericallyEquals(try #require(JSONNumber(literal: "0e5"))))
        #expect(one.isLess(than: try #require(JSONNumber(literal: "1.0000000000000000001"))))
        #expect(try #require(JSONNumber(literal: "-2")).isLess(than: try #require(JSONNumber(literal: "-1.5"))))
        let minusOneAndHalf = try #require(JSONNumber(literal: "-1.5"))
        #expect(!minusOneAndHalf.isLess(than: try #require(JSONNumber(literal: "-2"))))
        #expect(try #require(JSONNumber(literal: "99")).isLess(than: try #require(JSONNumber(literal: "1e2"))))
        #expect(!one.isLess(than: one))
    }

    @Test func numbersFromSwiftValues() {
        #expect(JSONNumber(42).literal == "42")
        #expect(JSONNumber(-7).literal == "-7")
        #expect(JSONNumber(2.0).literal == "2.0")
        #expect(JSONNumber(0.5).literal == "0.5")
        #expect(JSONNumber(1e20).literal == "1e+20")
        #expect(JSONNumber(-1.5e-7).literal == "-1.5e-07")
        for double in [2.0, 0.1, 1e20, -1.5e-7, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, -0.0] {
            let number = JSONNumber(double)
            #expect(JSONNumber(literal: number.literal) != nil, "\(number.literal) is not JSON")
            #expect(number.doubleValue == double)
        }
        #expect(JSONNumber(Double.infinity).doubleValue == .infinity)
        #expect(JSONNumber(literal: JSONNumber(1e300).literal) != nil)
    }
}
