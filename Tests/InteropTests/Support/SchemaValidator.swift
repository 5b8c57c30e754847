import Foundation
import TestSupport

/// Validates a document against Postman's official collection schema with python3 `jsonschema`.
enum SchemaValidator {
    static let schema = PostmanCorpus.folder.appendingPathComponent("schema/collection-v2.1.0.draft-07.json")

    static let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 module 'jsonschema' is missing: pip install jsonschema"); sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        document = json.load(open(sys.argv[2]))
        validator = jsonschema.Draft7Validator(schema)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        for error in errors[:5]:
            print("/".join(str(p) for p in error.path) + ": " + error.message[:300])
        sys.exit(1 if errors else 0)
        """

    /// - Returns: nil when valid, else the validator's messages.
    static func problems(_ text: String) throws -> String? {
        let folder = try PackagePaths.temporaryFolder("apish-schema")
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("collection.json")
        try Data(text.utf8).write(to: document)
        let result = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, schema.path, document.path])
        if result.status == 0 { return nil }
        return result.stdout + result.stderr
    }
}
