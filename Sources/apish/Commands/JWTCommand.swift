import ArgumentParser
import Auth
import Foundation
import Transport

/// `apish jwt decode TOKEN|- [--jwks FILE|URL]`.
struct JWTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jwt",
        abstract: "Read JSON Web Tokens.",
        subcommands: [Decode.self]
    )

    struct Decode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decode",
            abstract: "Decode a JWT: header, claims, exp/iat/nbf as dates, and its signature checked with a JWKS.",
            discussion: """
                TOKEN is a compact JWT (header.claims.signature); '-' reads it from standard input, which \
                keeps it out of the shell's history and the process list. Claims are printed in the \
                issuer's order; the token and its signature are never printed. With --jwks the signature \
                is verified (RS256/384/512, PS*, ES256/384/512, EdDSA) against a JWK Set read from a file \
                or fetched from a URL. Exit status: 0 when the token is valid now (and verified, with \
                --jwks), 4 when it is expired, not yet valid or its signature does not verify, 1 when the \
                text is not a JWT, 3 when the key set cannot be read.
                """
        )

        @Argument(help: "The token, or '-' to read it from standard input.")
        var token: String

        @Option(help: ArgumentHelp("A JWK Set file or URL to verify the signature with.", valueName: "FILE|URL"))
        var jwks: String?

        func run() async throws {
            let text = token == "-"
                ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : token
            let transport = HTTPTransport()
            let report: JWTReport
            do {
                report = try await JWTInspection.report(token: text, keySet: jwks, sender: transport)
            } catch let error as JWTError {
                await transport.shutdown()
                if case .invalidKeySet = error { Self.fail(error.description, code: 3) }
                Self.fail(error.description, code: 1)
            } catch {
                await transport.shutdown()
                Self.fail("\(error)", code: 3)
            }
            await transport.shutdown()
            print(report.lines.joined(separator: "\n"))
            if !report.passes { throw ExitCode(4) }
        }

        private static func fail(_ message: String, code: Int32) -> Never {
            FileHandle.standardError.write(Data("apish jwt decode: \(message)\n".utf8))
            Foundation.exit(code)
        }
    }
}
