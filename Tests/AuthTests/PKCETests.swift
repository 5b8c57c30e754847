import Auth
import Foundation
import Testing
import TestSupport

struct MissingData: Error, CustomStringConvertible {
    let description: String
}

@Suite struct PKCETests {
    struct Vectors {
        var valid: [(id: String, verifier: String, challenge: String)] = []
        var invalid: [(id: String, verifier: String)] = []

        init() throws {
            let url = PackagePaths.conformance.appendingPathComponent("pkce-vectors.json")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw MissingData(description: "cannot read \(url.path): the shared conformance data is missing")
            }
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for entry in try #require(root["valid"] as? [[String: Any]]) {
                valid.append((
                    try #require(entry["id"] as? String), try #require(entry["code_verifier"] as? String),
                    try #require(entry["expected_challenge_S256"] as? String)))
            }
            for entry in try #require(root["invalid_verifiers"] as? [[String: Any]]) {
                invalid.append((try #require(entry["id"] as? String), try #require(entry["code_verifier"] as? String)))
            }
        }
    }

    @Test func challengesMatchTheConformanceVectors() throws {
        let vectors = try Vectors()
        #expect(vectors.valid.count >= 5)
        for vector in vectors.valid {
            #expect(PKCE.challenge(for: vector.verifier) == vector.challenge, "\(vector.id)")
            #expect(PKCE.isValidVerifier(vector.verifier), "\(vector.id)")
            #expect(PKCE.verify(verifier: vector.verifier, challenge: vector.challenge), "\(vector.id)")
        }
    }

    @Test func malformedVerifiersAreRejected() throws {
        let vectors = try Vectors()
        #expect(vectors.invalid.count >= 6)
        for vector in vectors.invalid {
            #expect(!PKCE.isValidVerifier(vector.verifier), "\(vector.id)")
        }
    }

    @Test func freshVerifiersAreWellFormedAndDistinct() {
        let verifiers = (0..<50).map { _ in PKCE.makeVerifier() }
        #expect(verifiers.allSatisfy { PKCE.isValidVerifier($0) && $0.count == 43 })
        #expect(Set(verifiers).count == verifiers.count)
        #expect(!PKCE.verify(verifier: verifiers[0], challenge: PKCE.challenge(for: verifiers[1])))
    }
}
