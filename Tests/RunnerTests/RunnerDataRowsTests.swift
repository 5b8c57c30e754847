import Foundation
import Testing
@testable import Runner

@Suite struct RunnerDataRowsTests {
    @Test func csvFollowsRFC4180() throws {
        let records = try CSVRecords.parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\n", path: "t.csv")
        #expect(records == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["", "", ""]])
        #expect(throws: RunFailure.self) { try CSVRecords.parse("a\n\"open\n", path: "t.csv") }
    }

    @Test func csvValuesAreTypedAsVariablesAreAndBlankLinesAreNoRows() throws {
        let rows = try DataRows.csv("\u{FEFF}n,flag,text\n42,true,0042\n\n", path: "t.csv")
        #expect(rows.count == 1)
        #expect(rows[0]["n"] == .integer(42))
        #expect(rows[0]["flag"] == .bool(true))
        #expect(rows[0]["text"] == .string("0042"))
    }

    @Test func jsonRowsAreObjects() throws {
        let rows = try DataRows.json(#"[{"id": 1.50, "tags": ["a"]}, {}]"#, path: "t.json")
        #expect(rows.count == 2)
        #expect(rows[0]["id"]?.display == "1.50")
        #expect(rows[0]["tags"] == .list([.string("a")]))
        #expect(throws: RunFailure.self) { try DataRows.json("[1]", path: "t.json") }
        #expect(throws: RunFailure.self) { try DataRows.csv("a,a\n1,2\n", path: "t.csv") }
    }
}
