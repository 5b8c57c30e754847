import HTTPExchange
import Hurl
import JSON
import OpenAPI

/// Runs one entry: options, request, auth, exchange, captures, then implicit and explicit asserts,
/// retried as `[Options] retry` asks.
struct EntryRunner {
    let transport: any HTTPSending
    let configuration: RunConfiguration
    let fileName: String
    let directory: String?

    func run(_ entry: HurlEntry, index: Int, variables: inout VariableStore) async -> EntryResult {
        var result = EntryResult(fileName: fileName, index: index, line: entry.line, method: entry.request.method,
                                 url: entry.request.url.description, duration: .zero, captures: [], asserts: [],
                                 skipped: false, retries: 0)
        let options: EntryOptions
        do {
            options = try EntryOptions(entry.request, configuration: configuration, variables: &variables)
        } catch {
            result.failure = error
            return result
        }
        if options.skip {
            result.skipped = true
            return result
        }
        var attempt = 0
        while true {
            if options.delay > .zero { try? await Task.sleep(for: options.delay) }
            var attemptVariables = variables
            var outcome = await runOnce(entry, options: options, base: result, variables: &attemptVariables)
            if outcome.passed || attempt >= options.retry || Task.isCancelled {
                outcome.retries = attempt
                variables = attemptVariables
                return outcome
            }
            attempt += 1
            try? await Task.sleep(for: options.retryInterval)
        }
    }

    private func runOnce(_ entry: HurlEntry, options: EntryOptions, base: EntryResult, variables: inout VariableStore) async -> EntryResult {
        var result = base
        var redactor = Redactor(configuration.secrets, variables)
        var request: HTTPRequest
        let signer: (profile: String, authorizer: any RequestAuthorizer)?
        do throws(RunFailure) {
            request = try RequestBuilder(variables: variables, baseURL: configuration.baseURL, directory: directory,
                                         sessionCookies: configuration.cookieJar)
                .build(entry.request, user: options.user)
            configuration.secrets.registerCredentials(in: request)
            signer = try self.signer(for: entry, request: request)
        } catch {
            result.failure = RunFailure(redactor.fields(error.message), line: error.line ?? entry.line)
            return result
        }
        let clock = ContinuousClock()
        let start = clock.now
        let response: HTTPResponse
        do {
            let exchange = try await AuthorizedExchange.send(request, authorizer: signer?.authorizer, through: transport, options: options.send)
            request = exchange.request
            response = exchange.response
        } catch {
            result.url = redactor.url(request.url)
            result.duration = clock.now - start
            let named = error is AuthorizationError ? signer.map { "auth profile '\($0.profile)': " } ?? "" : ""
            result.failure = RunFailure(redactor.fields(named + String(describing: error)), line: entry.line)
            return result
        }
        redactor = Redactor(configuration.secrets, variables)
        result.url = redactor.url(request.url)
        result.response = ResponseSummary(response)
        result.duration = response.elapsed
        if let openAPI = configuration.openAPI, let check = Self.conformance(of: response, to: request, in: openAPI, line: entry.line, redactor: redactor) {
            result.asserts.append(check)
        }
        guard let spec = entry.response else { return result }

        for capture in spec.captures {
            let name = (try? variables.expand(capture.name)) ?? capture.name.description
            do throws(EvaluationError) {
                let value = try ResponseChecks.capture(capture, response: response, variables: variables)
                variables.set(name, value, secret: capture.redacted)
                redactor = Redactor(configuration.secrets, variables)
                result.captures.append(CaptureResult(name: name, line: capture.line, value: redactor.display(value)))
            } catch {
                result.failure = RunFailure("capture \(name): \(redactor.fields(error.message))", line: capture.line)
                return result
            }
        }
        let keepsPassed = configuration.keepsPassedEntries
        result.asserts += ImplicitAsserts(variables: variables, redactor: redactor).check(spec, response: response)
            .filter { keepsPassed || !$0.passed }
        for assert in spec.asserts {
            if let checked = ResponseChecks.check(
                assert, response: response, variables: variables, directory: directory, redactor: redactor, describingPasses: keepsPassed) {
                result.asserts.append(checked)
            }
        }
        return result
    }

    /// `--openapi`: the response checked against the description, as an implicit assert; nil when no
    /// operation of the description matches the request.
    static func conformance(
        of response: HTTPResponse, to request: HTTPRequest, in description: OpenAPIDescription, line: Int, redactor: Redactor
    ) -> AssertResult? {
        let expression = "conforms to the OpenAPI description"
        switch description.conformance(
            method: request.method, url: request.url, status: response.status, contentType: response.headers["Content-Type"], body: response.body)
        {
        case .conforms(let checked):
            return AssertResult(line: line, expression: expression, expected: checked, actual: "conforms", passed: true, isImplicit: true)
        case .violates(let checked, let problems):
            return AssertResult(line: line, expression: expression, expected: checked,
                                actual: redactor.fields(problems.joined(separator: "; ")), passed: false, isImplicit: true)
        case .undescribed:
            return nil
        }
    }

    /// The authorizer of the profile that signs the entry, by the one rule (`AuthPolicy`).
    private func signer(for entry: HurlEntry, request: HTTPRequest) throws(RunFailure) -> (profile: String, authorizer: any RequestAuthorizer)? {
        guard case .profile(let profile) = configuration.authPolicy.choose(named: entry.authProfile, for: request) else { return nil }
        guard let profiles = configuration.authProfiles else {
            throw RunFailure("auth profile '\(profile)' is named but no auth profiles are available here (run with --env NAME)", line: entry.line)
        }
        do {
            return (profile, try profiles.authorizer(forProfile: profile))
        } catch {
            throw RunFailure("auth profile '\(profile)': \(error)", line: entry.line)
        }
    }
}
