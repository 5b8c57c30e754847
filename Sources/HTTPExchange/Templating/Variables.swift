public protocol VariableResolving {
    func value(of name: String) -> String?
}

/// The variables a request expands with, in layers: the first layer that has a name wins.
/// Names of secret variables are kept so that output can mask their values where they are placed.
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

    /// The same variables with every secret's value replaced by the mask: expanding a template
    /// through them masks a secret exactly where its placeholder stood.
    public func maskingSecrets() -> Variables {
        overlaid(with: Dictionary(uniqueKeysWithValues: secretNames.map { ($0, Redactor.mask) }))
    }

    public var secretValues: [String] {
        secretNames.compactMap { value(of: $0) }
    }
}

extension Dictionary: VariableResolving where Key == String, Value == String {
    public func value(of name: String) -> String? { self[name] }
}
