import JSON
import Testing
@testable import Sandbox

@Suite("PHP-style bracketed parameters")
struct BracketParametersTests {
    private func decode(_ query: String) -> JSONValue {
        .object(BracketParameters.object(from: FormEncoding.pairs(query)))
    }

    @Test func nestedMapsListsAndScalars() throws {
        let value = decode("where%5B0%5D%5Bcol%5D=phone&where%5B0%5D%5Bexpr%5D=in&where%5B0%5D%5Bval%5D=444444444,888888888&tags[]=a&tags[]=b&q=x+y")
        #expect(value.serialized() == #"{"where":[{"col":"phone","expr":"in","val":"444444444,888888888"}],"tags":["a","b"],"q":"x y"}"#)
    }

    @Test func nonSequentialKeysStayAnObjectAndLaterValuesWin() {
        #expect(decode("a[x]=1&a[y]=2&a[x]=3").serialized() == #"{"a":{"x":"3","y":"2"}}"#)
        #expect(decode("ids[3]=a&ids[]=b").serialized() == #"{"ids":{"3":"a","4":"b"}}"#)
    }

    /// `[]` after the largest possible integer key used to overflow and stop the sandbox.
    @Test func appendingAfterTheLargestIntegerKeyDropsTheValueAsPHPDoes() {
        #expect(decode("a[9223372036854775807]=x&a[]=y&b[]=z").serialized() == #"{"a":{"9223372036854775807":"x"},"b":["z"]}"#)
    }

    @Test func aLeafReplacedByABranchKeepsItsPlace() {
        #expect(decode("a=1&b=2&a[c]=3&a[c][d]=4").serialized() == #"{"a":{"c":{"d":"4"}},"b":"2"}"#)
    }

    @Test func unclosedBracketsAndEmptyNamesArePlainOrDropped() {
        #expect(decode("a[b=1&=2&[c]=3").serialized() == #"{"a[b":"1"}"#)
    }

    @Test func keyPaths() {
        #expect(BracketParameters.keyPath("where[0][col]") == ["where", "0", "col"])
        #expect(BracketParameters.keyPath("tags[]") == ["tags", ""])
        #expect(BracketParameters.keyPath("plain") == ["plain"])
    }
}
