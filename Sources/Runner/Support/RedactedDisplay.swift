import HTTPExchange

extension Redactor {
    /// The redactor of one moment of a run: the run's secrets and the file's secret variables
    /// (`redact` captures, secret environment values).
    init(_ secrets: SecretRegistry, _ variables: VariableStore) {
        self.init(secrets: secrets.redactor.secrets.union(variables.secretValues))
    }

    /// How results and reports show a value: a secret string masked whole, JSON members under a
    /// credential name or holding a secret masked, the rest as `RunValue.display` shows it.
    func display(_ value: RunValue?) -> String {
        guard let value else { return "none" }
        guard let json = value.json, let masked = self.json(json) else { return value.display }
        return RunValue(json: masked).display
    }

    /// A predicate's expectation (`less than 300`, `contains "abc"`) with its value masked when the
    /// value is a secret.
    func expectation(_ text: String, value: RunValue?) -> String {
        guard let value else { return text }
        let masked = display(value)
        return masked == value.display ? text : text.replacing(value.display, with: masked)
    }
}
