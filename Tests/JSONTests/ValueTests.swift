import JSON
import Testing

@Suite struct ValueTests {
    @Test func objectSubscriptReplacesLastOrAppends() {
        var object = JSONObject([(key: "a", value: 1), (key: "b", value: 2), (key: "a", value: 3)])
        #expect(object["a"] == 3)
        object["a"] = 4
        #expect(object.members.map(\.value) == [1, 2, 4])
        object["c"] = 5
        #expect(object.keys == ["a", "b", "a", "c"])
        object.append(key: "b", value: 6)
        #expect(object["b"] == 6)
        #expect(object.count == 5)
        object["a"] = nil
        #expect(object.keys == ["b", "c", "b"])
        #expect(Array(object.map(\.key)) == ["b", "c", "b"])
    }

    @Test func accessors() throws {
        let value = try JSONValue.parse(#"{"a":[10,"x",true,null,{"k":1.5}]}"#)
        #expect(value["a"]?[0]?.intValue == 10)
        #expect(value["a"]?[-1]?["k"]?.doubleValue == 1.5)
        #expect(value["a"]?[1]?.stringValue == "x")
        #expect(value["a"]?[2]?.boolValue == true)
        #expect(value["a"]?[3]?.isNull == true)
        #expect(value["a"]?[5] == nil)
        #expect(value["missing"] == nil)
        #expect(value["a"]?["k"] == nil)
        #expect(value.kindName == "object")
    }

    @Test func literalsBuildValues() {
        let value: JSONValue = ["n": 1, "d": 2.5, "s": "x", "b": true, "z": .null, "a": [1, "2"]]
        #expect(value.serialized() == #"{"n":1,"d":2.5,"s":"x","b":true,"z":null,"a":[1,"2"]}"#)
    }

    @Test func structuralAndSemanticEquality() throws {
        let a = try JSONValue.parse(#"{"x":1,"y":[1.0]}"#)
        let b = try JSONValue.parse(#"{"y":[1],"x":1.00}"#)
        #expect(a != b)
        #expect(a.semanticallyEquals(b))
        #expect(!a.semanticallyEquals(try JSONValue.parse(#"{"x":1,"y":[2]}"#)))
        #expect(Set([a, a, b]).count == 2)
    }
}
