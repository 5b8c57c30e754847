import JSON

/// The keywords of one schema object applied to one instance location, in the order the specification
/// needs: references first, then assertions and applicators, `unevaluated*` last (they read what the
/// others evaluated).
struct KeywordEvaluation {
    let evaluator: Evaluator
    let node: SchemaNode
    let schema: JSONObject
    let instance: JSONValue
    let context: Context

    typealias Context = Evaluator.Context

    private var dialect: SchemaDialect { node.rules.dialect }
    private var path: String { context.instancePath }

    func run() -> Outcome {
        var outcome = Outcome()
        if let reference = schema["$ref"]?.stringValue {
            outcome.absorbInPlace(evaluator.follow(reference, keyword: "$ref", from: node, instance, context))
            if dialect.refOverridesSiblings { return outcome }
        }
        if dialect == .draft2020_12, let reference = schema["$dynamicRef"]?.stringValue {
            outcome.absorbInPlace(evaluator.follow(reference, keyword: "$dynamicRef", from: node, instance, context))
        }
        if node.rules.assertsValidationVocabulary {
            assertType(&outcome)
            assertEnumAndConst(&outcome)
            switch instance {
            case .number(let number): assertNumber(number, &outcome)
            case .string(let string): assertString(string, &outcome)
            case .array(let elements): assertArraySize(elements, &outcome)
            case .object(let object): assertObjectSize(object, &outcome)
            default: break
            }
        }
        applyCombinators(&outcome)
        switch instance {
        case .array(let elements): applyArrayKeywords(elements, &outcome)
        case .object(let object): applyObjectKeywords(object, &outcome)
        default: break
        }
        return outcome
    }

    private func subschema(_ value: JSONValue, _ tokens: String...) -> SchemaNode {
        let location = tokens.reduce(node.location) { JSONPointer.appending($1, to: $0) }
        if let indexed = evaluator.index.locations[location] { return indexed }
        return SchemaNode(value: value, baseURI: node.baseURI, rules: node.rules, location: location)
    }

    private func apply(_ schema: SchemaNode, to value: JSONValue, _ context: Context) -> Outcome {
        evaluator.evaluate(schema, value, context)
    }

    // MARK: Assertions

    private func assertType(_ outcome: inout Outcome) {
        guard let type = schema["type"] else { return }
        let allowed = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
        if allowed.contains(where: { Self.instance(instance, hasType: $0) }) { return }
        if dialect == .openAPI30, instance.isNull, schema["nullable"]?.boolValue == true { return }
        outcome.fail(path, "type", "expected \(allowed.joined(separator: " or ")), got \(Self.typeName(of: instance))")
    }

    static func instance(_ instance: JSONValue, hasType type: String) -> Bool {
        switch (type, instance) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string),
             ("array", .array), ("object", .object):
            true
        case ("integer", .number(let number)):
            number.isInteger
        default:
            false
        }
    }

    private static func typeName(of instance: JSONValue) -> String {
        if case .number(let number) = instance { return number.isInteger ? "integer" : "number" }
        return instance.kindName
    }

    private func assertEnumAndConst(_ outcome: inout Outcome) {
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(where: { $0.semanticallyEquals(instance) }) {
            let shown = allowed.prefix(5).map(\.description).joined(separator: ", ")
            outcome.fail(path, "enum", "not one of \(shown)\(allowed.count > 5 ? ", …" : "")")
        }
        if let constant = schema["const"], !constant.semanticallyEquals(instance) {
            outcome.fail(path, "const", "must equal \(Self.shortText(constant))")
        }
    }

    /// Schema values only: an instance's strings never appear in a message, since a response body may hold secrets.
    private static func shortText(_ value: JSONValue) -> String {
        let text = value.description
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    private func assertNumber(_ number: JSONNumber, _ outcome: inout Outcome) {
        if let divisor = schema["multipleOf"]?.numberValue, !Self.number(number, isMultipleOf: divisor) {
            outcome.fail(path, "multipleOf", "\(number) is not a multiple of \(divisor)")
        }
        let exclusiveBooleans = dialect != .draft2020_12
        if let maximum = schema["maximum"]?.numberValue {
            let exclusive = exclusiveBooleans && schema["exclusiveMaximum"]?.boolValue == true
            if maximum.isLess(than: number) || (exclusive && maximum.numericallyEquals(number)) {
                outcome.fail(path, exclusive ? "exclusiveMaximum" : "maximum",
                             "\(number) is greater than \(exclusive ? "or equal to " : "")\(maximum)")
            }
        }
        if let minimum = schema["minimum"]?.numberValue {
            let exclusive = exclusiveBooleans && schema["exclusiveMinimum"]?.boolValue == true
            if number.isLess(than: minimum) || (exclusive && minimum.numericallyEquals(number)) {
                outcome.fail(path, exclusive ? "exclusiveMinimum" : "minimum",
                             "\(number) is less than \(exclusive ? "or equal to " : "")\(minimum)")
            }
        }
        guard !exclusiveBooleans else { return }
        if let maximum = schema["exclusiveMaximum"]?.numberValue, !number.isLess(than: maximum) {
            outcome.fail(path, "exclusiveMaximum", "\(number) is not less than \(maximum)")
        }
        if let minimum = schema["exclusiveMinimum"]?.numberValue, !minimum.isLess(than: number) {
            outcome.fail(path, "exclusiveMinimum", "\(number) is not greater than \(minimum)")
        }
    }

    /// Exact decimal arithmetic; only a quotient too long to write out (`1e-99999` against `1e99999`)
    /// falls back to doubles.
    static func number(_ number: JSONNumber, isMultipleOf divisor: JSONNumber) -> Bool {
        if let exact = ExactDecimal(number).isMultiple(of: ExactDecimal(divisor)) { return exact }
        let quotient = number.doubleValue / divisor.doubleValue
        return quotient.isFinite && quotient.rounded(.towardZero) == quotient
    }

    private func assertString(_ string: String, _ outcome: inout Outcome) {
        let length = string.unicodeScalars.count
        if let maximum = schema["maxLength"]?.intValue, length > maximum {
            outcome.fail(path, "maxLength", "\(length) characters, more than \(maximum)")
        }
        if let minimum = schema["minLength"]?.intValue, length < minimum {
            outcome.fail(path, "minLength", "\(length) characters, fewer than \(minimum)")
        }
        if let pattern = schema["pattern"]?.stringValue, !evaluator.index.patterns.matches(pattern, string) {
            outcome.fail(path, "pattern", "does not match \(pattern)")
        }
        if evaluator.assertsFormat, let format = schema["format"]?.stringValue, !FormatChecks.isValid(string, format: format) {
            outcome.fail(path, "format", "not a valid \(format)")
        }
    }

    private func assertArraySize(_ elements: [JSONValue], _ outcome: inout Outcome) {
        if let maximum = schema["maxItems"]?.intValue, elements.count > maximum {
            outcome.fail(path, "maxItems", "\(elements.count) items, more than \(maximum)")
        }
        if let minimum = schema["minItems"]?.intValue, elements.count < minimum {
            outcome.fail(path, "minItems", "\(elements.count) items, fewer than \(minimum)")
        }
        if schema["uniqueItems"]?.boolValue == true {
            outer: for first in elements.indices {
                for second in elements.indices where second > first && elements[first].semanticallyEquals(elements[second]) {
                    outcome.fail(path, "uniqueItems", "items \(first) and \(second) are equal")
                    break outer
                }
            }
        }
    }

    private func assertObjectSize(_ object: JSONObject, _ outcome: inout Outcome) {
        let members = object.uniqueMembers
        if let maximum = schema["maxProperties"]?.intValue, members.count > maximum {
            outcome.fail(path, "maxProperties", "\(members.count) properties, more than \(maximum)")
        }
        if let minimum = schema["minProperties"]?.intValue, members.count < minimum {
            outcome.fail(path, "minProperties", "\(members.count) properties, fewer than \(minimum)")
        }
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            outcome.fail(path, "required", "missing property \"\(name)\"")
        }
        let dependencyKeyword = dialect == .draft2020_12 ? "dependentRequired" : "dependencies"
        for dependency in schema[dependencyKeyword]?.objectValue?.uniqueMembers ?? [:] where members[dependency.key] != nil {
            for name in dependency.value.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                outcome.fail(path, dependencyKeyword, "property \"\(dependency.key)\" requires property \"\(name)\"")
            }
        }
    }

    // MARK: Applicators

    private func applyCombinators(_ outcome: inout Outcome) {
        if let schemas = schema["allOf"]?.arrayValue {
            for (position, value) in schemas.enumerated() {
                outcome.absorbInPlace(apply(subschema(value, "allOf", String(position)), to: instance, context))
            }
        }
        if let schemas = schema["anyOf"]?.arrayValue {
            // Every branch runs: each passing one contributes annotations to unevaluated*.
            var anyPassed = false
            for (position, value) in schemas.enumerated() {
                let branch = apply(subschema(value, "anyOf", String(position)), to: instance, context)
                if branch.isValid {
                    anyPassed = true
                    outcome.absorbInPlace(branch)
                }
            }
            if !anyPassed { outcome.fail(path, "anyOf", "matches none of the \(schemas.count) alternatives") }
        }
        if let schemas = schema["oneOf"]?.arrayValue {
            var passing: [Int] = []
            var passed = Outcome()
            for (position, value) in schemas.enumerated() {
                let branch = apply(subschema(value, "oneOf", String(position)), to: instance, context)
                if branch.isValid {
                    passing.append(position)
                    passed = branch
                }
            }
            switch passing.count {
            case 1: outcome.absorbInPlace(passed)
            case 0: outcome.fail(path, "oneOf", "matches none of the \(schemas.count) alternatives")
            default: outcome.fail(path, "oneOf", "matches alternatives \(passing.map(String.init).joined(separator: ", ")); exactly one must match")
            }
        }
        if let negated = schema["not"], apply(subschema(negated, "not"), to: instance, context).isValid {
            outcome.fail(path, "not", "matches a schema it must not match")
        }
        if dialect == .draft2020_12, let condition = schema["if"] {
            let conditionOutcome = apply(subschema(condition, "if"), to: instance, context)
            if conditionOutcome.isValid {
                outcome.absorbInPlace(conditionOutcome)
                if let then = schema["then"] { outcome.absorbInPlace(apply(subschema(then, "then"), to: instance, context)) }
            } else if let otherwise = schema["else"] {
                outcome.absorbInPlace(apply(subschema(otherwise, "else"), to: instance, context))
            }
        }
        if case .object(let object) = instance {
            let members = object.uniqueMembers
            let keyword = dialect == .draft2020_12 ? "dependentSchemas" : "dependencies"
            for dependency in schema[keyword]?.objectValue?.uniqueMembers ?? [:] where members[dependency.key] != nil {
                guard dependency.value.arrayValue == nil else { continue }
                outcome.absorbInPlace(apply(subschema(dependency.value, keyword, dependency.key), to: instance, context))
            }
        }
    }

    private func applyArrayKeywords(_ elements: [JSONValue], _ outcome: inout Outcome) {
        var evaluated = Evaluated()
        var failed = false
        func check(_ schema: SchemaNode, _ position: Int) {
            let result = apply(schema, to: elements[position], context.child(position))
            failed = failed || !result.isValid
            outcome.absorbChild(result)
        }
        if dialect == .draft2020_12 {
            let prefix = schema["prefixItems"]?.arrayValue ?? []
            for position in prefix.indices where position < elements.count {
                check(subschema(prefix[position], "prefixItems", String(position)), position)
                evaluated.items.insert(position)
            }
            if let items = schema["items"] {
                let itemSchema = subschema(items, "items")
                for position in elements.indices.dropFirst(prefix.count) { check(itemSchema, position) }
                evaluated.allItems = true
            }
            if let contains = schema["contains"] {
                applyContains(subschema(contains, "contains"), elements, &evaluated, &outcome)
            }
        } else if let items = schema["items"] {
            if let tuple = items.arrayValue {
                for position in tuple.indices where position < elements.count {
                    check(subschema(tuple[position], "items", String(position)), position)
                }
                if let additional = schema["additionalItems"], elements.count > tuple.count {
                    if additional.boolValue == false {
                        outcome.fail(path, "additionalItems", "\(elements.count) items, at most \(tuple.count) allowed")
                    } else {
                        let additionalSchema = subschema(additional, "additionalItems")
                        for position in elements.indices.dropFirst(tuple.count) { check(additionalSchema, position) }
                    }
                }
            } else {
                let itemSchema = subschema(items, "items")
                for position in elements.indices { check(itemSchema, position) }
            }
        }
        if dialect == .draft2020_12, let unevaluated = schema["unevaluatedItems"] {
            evaluated.merge(outcome.evaluated)
            if !evaluated.allItems {
                let unevaluatedSchema = subschema(unevaluated, "unevaluatedItems")
                for position in elements.indices where !evaluated.items.contains(position) { check(unevaluatedSchema, position) }
                evaluated.allItems = true
            }
        }
        if !failed { outcome.evaluated.merge(evaluated) }
    }

    private func applyContains(_ contains: SchemaNode, _ elements: [JSONValue], _ evaluated: inout Evaluated, _ outcome: inout Outcome) {
        var matches = 0
        for position in elements.indices where apply(contains, to: elements[position], context.child(position)).isValid {
            matches += 1
            evaluated.items.insert(position)
        }
        let validation = node.rules.assertsValidationVocabulary
        let minimum = validation ? schema["minContains"]?.intValue ?? 1 : 1
        if matches < minimum {
            outcome.fail(path, schema["minContains"] == nil ? "contains" : "minContains",
                         matches == 0 ? "no item matches" : "\(matches) items match, fewer than \(minimum)")
        }
        if validation, let maximum = schema["maxContains"]?.intValue, matches > maximum {
            outcome.fail(path, "maxContains", "\(matches) items match, more than \(maximum)")
        }
    }

    private func applyObjectKeywords(_ object: JSONObject, _ outcome: inout Outcome) {
        var seen: Set<String> = []
        var members: [(key: String, value: JSONValue)] = []
        for member in object.members.reversed() where seen.insert(member.key).inserted { members.append(member) }
        members.reverse()

        var evaluated = Evaluated()
        var failed = false
        func check(_ schema: SchemaNode, _ member: (key: String, value: JSONValue)) {
            let result = apply(schema, to: member.value, context.child(member.key))
            failed = failed || !result.isValid
            outcome.absorbChild(result)
            evaluated.properties.insert(member.key)
        }
        let properties = schema["properties"]?.objectValue
        let patterns = schema["patternProperties"]?.objectValue?.keys ?? []
        for member in members {
            if let property = properties?[member.key] { check(subschema(property, "properties", member.key), member) }
            for pattern in patterns where evaluator.index.patterns.matches(pattern, member.key) {
                check(subschema(schema["patternProperties"]?[pattern] ?? true, "patternProperties", pattern), member)
            }
        }
        if let additional = schema["additionalProperties"] {
            let additionalSchema = subschema(additional, "additionalProperties")
            for member in members where properties?[member.key] == nil
                && !patterns.contains(where: { evaluator.index.patterns.matches($0, member.key) }) {
                if additional.boolValue == false {
                    outcome.fail(context.child(member.key).instancePath, "additionalProperties", "property \"\(member.key)\" is not allowed")
                    failed = true
                } else {
                    check(additionalSchema, member)
                }
            }
        }
        if let names = schema["propertyNames"] {
            let namesSchema = subschema(names, "propertyNames")
            for member in members {
                let result = apply(namesSchema, to: .string(member.key), context.child(member.key))
                failed = failed || !result.isValid
                outcome.absorbChild(result)
            }
        }
        if dialect == .draft2020_12, let unevaluated = schema["unevaluatedProperties"] {
            evaluated.merge(outcome.evaluated)
            let unevaluatedSchema = subschema(unevaluated, "unevaluatedProperties")
            for member in members where !evaluated.properties.contains(member.key) {
                if unevaluated.boolValue == false {
                    outcome.fail(context.child(member.key).instancePath, "unevaluatedProperties", "property \"\(member.key)\" is not allowed")
                    failed = true
                } else {
                    check(unevaluatedSchema, member)
                }
            }
        }
        if !failed { outcome.evaluated.merge(evaluated) }
    }
}
