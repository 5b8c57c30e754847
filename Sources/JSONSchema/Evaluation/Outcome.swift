/// The instance members and elements a schema evaluated successfully, the annotations
/// `unevaluatedProperties` and `unevaluatedItems` read.
struct Evaluated {
    var properties: Set<String> = []
    var items: Set<Int> = []
    var allItems = false

    mutating func merge(_ other: Evaluated) {
        properties.formUnion(other.properties)
        items.formUnion(other.items)
        allItems = allItems || other.allItems
    }
}

/// What evaluating one schema against one instance location gives: its violations, and when there are
/// none, what it evaluated.
struct Outcome {
    var violations: [SchemaViolation] = []
    var evaluated = Evaluated()

    var isValid: Bool { violations.isEmpty }

    /// Takes in a subschema applied to the same instance location: its violations, and its annotations
    /// when it passed (a failing subschema's annotations are dropped).
    mutating func absorbInPlace(_ other: Outcome) {
        violations += other.violations
        if other.isValid { evaluated.merge(other.evaluated) }
    }

    /// Takes in a subschema applied to a member or element: only its violations concern this location.
    mutating func absorbChild(_ other: Outcome) {
        violations += other.violations
    }

    mutating func fail(_ path: String, _ keyword: String, _ message: String) {
        violations.append(SchemaViolation(instancePath: path, keyword: keyword, message: message))
    }
}
