import JSON

/// Applies schemas to instances: one recursive walk over the schema and the instance together.
struct Evaluator {
    let index: SchemaIndex
    let assertsFormat: Bool
    /// Made on the thread evaluation runs on (see `StackGuard.run`).
    let stack = StackGuard()

    struct Context {
        var instancePath = ""
        /// Base URIs of the resources entered so far, outermost first: where `$dynamicRef` looks for anchors.
        var dynamicScope: [String] = []
        /// `location instancePath` of every reference followed on the way here: a reference loop that makes no
        /// progress into the instance is reported, not followed for ever.
        var references: Set<String> = []

        func child(_ token: String) -> Context {
            var copy = self
            copy.instancePath = JSONPointer.appending(token, to: instancePath)
            return copy
        }

        func child(_ index: Int) -> Context { child(String(index)) }
    }

    func evaluate(_ node: SchemaNode, _ instance: JSONValue, _ context: Context) -> Outcome {
        var outcome = Outcome()
        let path = context.instancePath
        guard !stack.isExhausted else {
            outcome.fail(path, "depth", "the instance and schema nest too deeply to evaluate here (at \(node.location))")
            return outcome
        }
        switch node.value {
        case .bool(true):
            return outcome
        case .bool(false):
            outcome.fail(path, "false", "no value is allowed here")
            return outcome
        case .object(let schema):
            var context = context
            if context.dynamicScope.last != node.baseURI { context.dynamicScope.append(node.baseURI) }
            let keywords = KeywordEvaluation(evaluator: self, node: node, schema: schema, instance: instance, context: context)
            return keywords.run()
        default:
            // Not a schema: the walk never lands here for a schema it indexed, so this is data a pointer named.
            outcome.fail(path, "$ref", "\(node.location) is not a schema")
            return outcome
        }
    }

    func follow(_ reference: String, keyword: String, from node: SchemaNode, _ instance: JSONValue, _ context: Context) -> Outcome {
        guard var target = index.references[SchemaIndex.referenceKey(reference, base: node.baseURI)] else {
            var outcome = Outcome()
            outcome.fail(context.instancePath, keyword, "\"\(reference)\" designates no schema")
            return outcome
        }
        if keyword == "$dynamicRef" { target = dynamicTarget(of: reference, from: node, staticTarget: target, context) }
        let visit = target.location + " " + context.instancePath
        guard !context.references.contains(visit) else {
            var outcome = Outcome()
            outcome.fail(context.instancePath, keyword, "reference loop: \"\(target.location)\" is reached again without going deeper into the instance")
            return outcome
        }
        var inner = context
        inner.references.insert(visit)
        return evaluate(target, instance, inner)
    }

    /// A `$dynamicRef` whose static target carries the `$dynamicAnchor` it names lands instead in the outermost
    /// resource of the dynamic scope that has that dynamic anchor (2020-12 core §8.2.3.2).
    private func dynamicTarget(of reference: String, from node: SchemaNode, staticTarget: SchemaNode, _ context: Context) -> SchemaNode {
        let absolute = URIReference(node.baseURI).resolving(URIReference(reference))
        guard let anchor = absolute.fragment.map(JSONPointer.percentDecoded), !anchor.isEmpty, !anchor.hasPrefix("/"),
              index.dynamicAnchor(anchor, in: absolute.withoutFragment.text) != nil else { return staticTarget }
        for resource in context.dynamicScope {
            if let outermost = index.dynamicAnchor(anchor, in: resource) { return outermost }
        }
        return staticTarget
    }
}
