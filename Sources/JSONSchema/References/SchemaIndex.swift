import JSON

/// Every schema resource, location and anchor reachable from the schema being validated against,
/// built once when the validator is created; evaluation only looks things up.
struct SchemaIndex: Sendable {
    private(set) var resources: [String: SchemaNode] = [:]
    private(set) var locations: [String: SchemaNode] = [:]
    private(set) var anchors: [String: SchemaNode] = [:]
    /// `uri#name` of every `$dynamicAnchor`.
    private(set) var dynamicAnchors: Set<String> = []
    private(set) var patterns = PatternCache()
    /// Each `$ref`/`$dynamicRef` resolved statically, keyed by `referenceKey(_:base:)`.
    private(set) var references: [String: SchemaNode] = [:]

    private let documents: [String: JSONValue]
    /// False when the caller named the dialect: an unknown `$schema` then falls back to it instead of failing.
    private let unknownMetaSchemaIsError: Bool
    private var pendingReferences: [(reference: String, base: String, rules: DialectRules)] = []

    init(documents: [String: JSONValue], unknownMetaSchemaIsError: Bool) {
        var all = MetaSchemas.documents
        for (uri, document) in documents { all[URIReference(uri).withoutFragment.text] = document }
        self.documents = all
        self.unknownMetaSchemaIsError = unknownMetaSchemaIsError
    }

    static func referenceKey(_ reference: String, base: String) -> String {
        base + "\u{0}" + reference
    }

    /// Indexes a whole document as a schema resource named `uri`.
    /// `dialectIsFixed`: the caller chose the dialect, so the document's own `$schema` does not change it.
    mutating func addDocument(_ document: JSONValue, uri: String, rules: DialectRules, dialectIsFixed: Bool = false) throws(SchemaError) {
        try add(document, base: uri, rules: rules, locations: [(uri, "")], isDocumentRoot: true, dialectIsFixed: dialectIsFixed)
        if resources[uri] == nil { resources[uri] = locations[uri + "#"] }
    }

    /// The schema at `pointer` inside the resource `uri`, indexing it first when only the raw document knows it
    /// (a schema under `components/schemas` of an OpenAPI document, or under a keyword the walk does not follow).
    mutating func schema(at pointer: String, inResource uri: String) throws(SchemaError) -> SchemaNode? {
        if let known = locations[uri + "#" + pointer] { return known }
        guard let resource = resources[uri], let value = JSONPointer.resolve(pointer, in: resource.value) else { return nil }
        try add(value, base: uri, rules: resource.rules, locations: [(uri, pointer)], isDocumentRoot: false)
        return locations[uri + "#" + pointer]
    }

    /// Resolves every reference reachable so far, loading the documents they name, until none is left.
    mutating func resolvePendingReferences() throws(SchemaError) {
        while let pending = pendingReferences.popLast() {
            let key = Self.referenceKey(pending.reference, base: pending.base)
            if references[key] != nil { continue }
            guard let target = try resolve(pending.reference, base: pending.base, rules: pending.rules) else {
                let absolute = URIReference(pending.base).resolving(URIReference(pending.reference)).text
                throw SchemaError("$ref \"\(pending.reference)\" (\(absolute)) designates no schema")
            }
            references[key] = target
        }
    }

    /// The schema `reference` designates from a schema whose base URI is `base`.
    private mutating func resolve(_ reference: String, base: String, rules: DialectRules) throws(SchemaError) -> SchemaNode? {
        let target = URIReference(base).resolving(URIReference(reference))
        let resourceURI = target.withoutFragment.text
        if resources[resourceURI] == nil {
            guard let document = documents[resourceURI] else {
                throw SchemaError("$ref \"\(reference)\" names \(resourceURI), a document that is not available", missingDocument: resourceURI)
            }
            try addDocument(document, uri: resourceURI, rules: DialectRules(dialect: rules.dialect))
        }
        let fragment = JSONPointer.percentDecoded(target.fragment ?? "")
        if fragment.isEmpty { return resources[resourceURI] }
        if fragment.hasPrefix("/") { return try schema(at: fragment, inResource: resourceURI) }
        return anchors[resourceURI + "#" + fragment]
    }

    /// The resource `$dynamicRef` lands in when `anchor` is a dynamic anchor of `resourceURI`.
    func dynamicAnchor(_ anchor: String, in resourceURI: String) -> SchemaNode? {
        let key = resourceURI + "#" + anchor
        return dynamicAnchors.contains(key) ? anchors[key] : nil
    }

    private mutating func add(
        _ value: JSONValue, base inheritedBase: String, rules inheritedRules: DialectRules,
        locations inheritedLocations: [(uri: String, pointer: String)], isDocumentRoot: Bool, dialectIsFixed: Bool = false
    ) throws(SchemaError) {
        var base = inheritedBase
        var rules = inheritedRules
        var locations = inheritedLocations
        var anchorNames: [String] = []
        var dynamicAnchorNames: [String] = []
        let object = value.objectValue
        if let object {
            if rules.dialect != .openAPI30, !dialectIsFixed, let metaSchema = object["$schema"]?.stringValue {
                rules = try self.rules(forMetaSchema: metaSchema, otherwise: rules)
            }
            let refHidesSiblings = rules.dialect.refOverridesSiblings && object["$ref"] != nil
            if let keyword = rules.dialect.identifierKeyword, !refHidesSiblings, let id = object[keyword]?.stringValue {
                if rules.dialect != .draft2020_12, id.hasPrefix("#") {
                    anchorNames.append(String(id.dropFirst()))
                } else {
                    let resolved = URIReference(base).resolving(URIReference(id))
                    base = resolved.withoutFragment.text
                    locations.append((base, ""))
                    if let fragment = resolved.fragment, !fragment.isEmpty { anchorNames.append(fragment) }
                }
            }
            if rules.dialect == .draft2020_12 {
                if let anchor = object["$anchor"]?.stringValue { anchorNames.append(anchor) }
                if let anchor = object["$dynamicAnchor"]?.stringValue { dynamicAnchorNames.append(anchor) }
            }
        }
        let innermost = locations.last ?? (base, "")
        let node = SchemaNode(value: value, baseURI: base, rules: rules, location: innermost.uri + "#" + innermost.pointer)
        for location in locations where self.locations[location.uri + "#" + location.pointer] == nil {
            self.locations[location.uri + "#" + location.pointer] = node
        }
        if base != inheritedBase || isDocumentRoot, resources[base] == nil { resources[base] = node }
        for name in anchorNames + dynamicAnchorNames where anchors[base + "#" + name] == nil {
            anchors[base + "#" + name] = node
        }
        for name in dynamicAnchorNames { dynamicAnchors.insert(base + "#" + name) }
        guard let object else { return }

        if let pattern = object["pattern"]?.stringValue { try patterns.compile(pattern) }
        if let patternProperties = object["patternProperties"]?.objectValue {
            for pattern in patternProperties.keys { try patterns.compile(pattern) }
        }
        if let reference = object["$ref"]?.stringValue { pendingReferences.append((reference, base, rules)) }
        if rules.dialect == .draft2020_12, let reference = object["$dynamicRef"]?.stringValue {
            pendingReferences.append((reference, base, rules))
        }

        func descend(_ child: JSONValue, _ tokens: String...) throws(SchemaError) {
            guard child.objectValue != nil || (child.boolValue != nil && rules.dialect == .draft2020_12) else { return }
            let childLocations = locations.map { location in
                (uri: location.uri, pointer: tokens.reduce(location.pointer) { JSONPointer.appending($1, to: $0) })
            }
            try add(child, base: base, rules: rules, locations: childLocations, isDocumentRoot: false)
        }
        for keyword in SubschemaKeywords.single(rules.dialect) {
            if let child = object[keyword] { try descend(child, keyword) }
        }
        for keyword in SubschemaKeywords.maps(rules.dialect) {
            guard let members = object[keyword]?.objectValue else { continue }
            for member in members.uniqueMembers { try descend(member.value, keyword, member.key) }
        }
        for keyword in SubschemaKeywords.arrays(rules.dialect) {
            guard let elements = object[keyword]?.arrayValue else { continue }
            for (index, element) in elements.enumerated() { try descend(element, keyword, String(index)) }
        }
    }

    /// The rules a `$schema` URI stands for: a known dialect, or a custom 2020-12 meta-schema among the
    /// documents, whose `$vocabulary` says whether the validation keywords assert.
    private func rules(forMetaSchema uri: String, otherwise current: DialectRules) throws(SchemaError) -> DialectRules {
        if let dialect = SchemaDialect(metaSchemaURI: uri) { return DialectRules(dialect: dialect) }
        let metaSchemaURI = URIReference(uri).withoutFragment.text
        if let metaSchema = documents[metaSchemaURI]?.objectValue {
            var rules = DialectRules(dialect: .draft2020_12)
            if let parent = metaSchema["$schema"]?.stringValue, let dialect = SchemaDialect(metaSchemaURI: parent) {
                rules.dialect = dialect
            }
            if let vocabulary = metaSchema["$vocabulary"]?.objectValue {
                rules.assertsValidationVocabulary = vocabulary["https://json-schema.org/draft/2020-12/vocab/validation"] != nil
            }
            return rules
        }
        guard unknownMetaSchemaIsError else { return current }
        throw SchemaError("unsupported $schema \"\(uri)\": known dialects are 2020-12, draft-04 and openapi-3.0 (choose one with --dialect)")
    }
}
