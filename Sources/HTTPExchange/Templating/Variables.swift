public protocol VariableResolving {
    func value(of name: String) -> String?
}

/// The variables a request expands with, in layers: the first layer that has a name wins.
/// Values of secret variables are remembered so that output can mask them wherever they appear.
public struct Variables: VariableResolving, Sendable {
    public private(set) var layers: [[String: String]]
    public private(set) var secretNames: Set<String>

    public init(layers: [[String: String]] = [], secretNames: Set<String> = []) {
        self.layers = layers
        self.secretNames = secretNames
    }

    public func value(of name: String) -> String? {
        for layer in layers {
            if let value = layer[name] { return value }
        }
        return nil
    }

    /// Every name visible, for listing and completion.
    public var names: [String] {
        Set(layers.flatMap(\.keys)).sorted()
    }

    public func isSecret(_ name: String) -> Bool { secretNames.contains(name) }

    /// Adds a layer that takes precedence over the existing ones.
    public func overlaid(with layer: [String: String], secret: Bool = false) -> Variables {
        var copy = self
        copy.layers.insert(layer, at: 0)
        if secret { copy.secretNames.formUnion(layer.keys) }
        return copy
    }

    public var secretValues: [String] {
        secretNames.compactMap { value(of: $0) }.filter { $0.count >= 3 }
    }
}

extension Dictionary: VariableResolving where Key == String, Value == String {
    public func value(of name: String) -> String? { self[name] }
}

/// Replaces secret values in text meant for people or files (traces, reports, history).
public struct SecretMasker: Sendable {
    public static let mask = "••••••"
    public let secrets: [String]

    public init(secrets: [String]) {
        // Longest first, so that a secret containing another is masked whole.
        self.secrets = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    public func mask(_ text: String) -> String {
        secrets.reduce(text) { $0.replacing($1, with: SecretMasker.mask) }
    }
}

