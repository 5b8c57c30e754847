import HTTPExchange

/// Why a curl command could not be read; each case names what was wrong.
public enum CurlImportError: Error, Sendable, Equatable, CustomStringConvertible {
    case notCurl(String)
    case unterminatedQuote(String)
    case unknownOption(String)
    case missingArgument(String)
    case missingURL
    case invalidMethod(String)
    case invalidHeader(String)
    case invalidHeaderField(InvalidHeaderField)
    case unnamedFormField(String)
    case formFieldWithoutFile(String)
    case dataWithoutFile(option: String)
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .notCurl(let word): "not a curl command: it starts with '\(word)'"
        case .unterminatedQuote(let quote): "unterminated \(quote) quote in the curl command"
        case .unknownOption(let option): "unknown curl option '\(option)'"
        case .missingArgument(let option): "curl option '\(option)' needs a value"
        case .missingURL: "the curl command has no URL"
        case .invalidMethod(let method): "'\(method)' cannot be a request method: use letters only, such as GET or PROPFIND"
        case .invalidHeader(let header): "curl header '\(header)' has no ':' (write 'Name: value', or 'Name;' for an empty value)"
        case .unreadableFile(let path, let reason): "cannot read '\(path)' named in the curl command: \(reason)"
        case .invalidHeaderField(let field): "curl header: \(field)"
        case .unnamedFormField(let field): "curl form field '\(field)' has no name, which a Hurl multipart field needs: write -F name=content"
        case .formFieldWithoutFile(let field): "curl form field '\(field)' names no file: write -F name=@FILE or -F name=<FILE"
        case .dataWithoutFile(let option): "curl \(option) '@' names no file: write @FILE, or --data-raw '@' for the character itself"
        }
    }
}
