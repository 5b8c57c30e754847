import JSON

/// Validates JSON instances against a JSON Schema (draft 2020-12, draft-04, or the OpenAPI 3.0 Schema Object).
///
/// The schema is indexed once: every `$id`, anchor and pattern, every `$ref` resolved (remote ones from
/// `documents`), so an unusable schema fails here rather than halfway through an instance. Numbers are
/// compared and divided exactly, on their literal text.
public struct SchemaValidator: Sendable {
    private let index: SchemaIndex
    private let entry: SchemaNode
    /// Whether `format` is checked (`date-time`, `email`, `uuid`, `ipv4`, …) rather than only annotated, which
    /// is all 2020-12 asks by default. A format the validator does not know is accepted either way.
    public var assertsFormat = false

    /// `document` holds the schema at `pointer` ("" = the document is the schema; `#/components/schemas/X`
    /// and `/components/schemas/X` both name a schema inside an OpenAPI document, whose `$ref`s then resolve
    /// against the whole document). `dialect` nil = from `$schema`, else 2020-12. `documents` maps absolute
    /// URIs to the documents remote references name.
    public init(document: JSONValue, pointer: String = "", dialect: SchemaDialect? = nil,
                baseURI: String? = nil, documents: [String: JSONValue] = [:]) throws(SchemaError) {
        var index = SchemaIndex(documents: documents, unknownMetaSchemaIsError: dialect == nil)
        let base = URIReference(baseURI ?? "").withoutFragment.text
        try index.addDocument(document, uri: base, rules: DialectRules(dialect: dialect ?? .draft2020_12),
                              dialectIsFixed: dialect != nil)
        let entryPointer = JSONPointer.percentDecoded(pointer.hasPrefix("#") ? String(pointer.dropFirst()) : pointer)
        guard let entry = try index.schema(at: entryPointer, inResource: base) else {
            throw SchemaError("no schema at \(pointer) in the document")
        }
        try index.resolvePendingReferences()
        self.index = index
        self.entry = entry
    }

    /// Every violation found, in schema order; empty when the instance is valid.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        let index = index, entry = entry, assertsFormat = assertsFormat
        let violations = StackGuard.run {
            // Made here, on the evaluation thread, whose stack the evaluator's guard measures.
            Evaluator(index: index, assertsFormat: assertsFormat).evaluate(entry, instance, Evaluator.Context()).violations
        }
        return violations ?? [SchemaViolation(instancePath: "", keyword: "depth", message: "no thread could be started to evaluate the instance")]
    }
}
