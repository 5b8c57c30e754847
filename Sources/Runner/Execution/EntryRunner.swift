import HTTPExchange
import Hurl
import JSON

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
        var masker = masker(for: variables)
        var request: HTTPRequest
        do throws(RunFailure) {
            request = try RequestBuilder(variables: variables, baseURL: configuration.baseURL, directory: directory)
                .build(entry.request, user: options.user)
            // An entry names its profile; `--auth NAME` covers the others unless they authenticate
            // themselves ([BasicAuth], an Authorization header).
            let profile = entry.authProfile
                ?? (request.headers.contains("Authorization") ? nil : configuration.defaultAuthProfile)
            if let profile {
                guard let authorizer = configuration.authorizer else {
                    throw RunFailure("auth profile '\(profile)' is named but no auth profiles are available here", line: entry.line)
                }
                do {
                    request = try await authorizer.authorize(request, profile: profile)
                } catch {
                    throw RunFailure("auth profile '\(profile)': \(error)", line: entry.line)
                }
            }
        } catch {
            result.failure = RunFailure(masker.mask(error.message), line: error.line ?? entry.line)
            return result
        }
        result.url = masker.mask(request.url)
        result.request = request
        let clock = ContinuousClock()
        let start = clock.now
        let response: HTTPResponse
        do {
            response = try await transport.send(request, options: options.send)
        } catch {
            result.duration = clock.now - start
            result.failure = RunFailure(masker.mask(String(describing: error)), line: entry.line)
            return result
        }
        result.response = response
        result.duration = response.elapsed
        guard let spec = entry.response else { return result }

        for capture in spec.captures {
            let name = (try? variables.expand(capture.name)) ?? capture.name.description
            do throws(EvaluationError) {
                let value = try ResponseChecks.capture(capture, response: response, variables: variables)
                variables.set(name, value, secret: capture.redacted)
                masker = self.masker(for: variables)
                result.captures.append(CaptureResult(name: name, line: capture.line, value: masker.mask(value.display)))
            } catch {
                result.failure = RunFailure("capture \(name): \(masker.mask(error.message))", line: capture.line)
                return result
            }
        }
        result.asserts = ImplicitAsserts(variables: variables, masker: masker).check(spec, response: response)
        for assert in spec.asserts {
            result.asserts.append(
                ResponseChecks.check(assert, response: response, variables: variables, directory: directory, masker: masker))
        }
        return result
    }

    private func masker(for variables: VariableStore) -> SecretMasker {
        SecretMasker(secrets: configuration.secretValues + variables.secretValues)
    }
}
