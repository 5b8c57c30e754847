import Foundation

/// A throw-away certificate for 127.0.0.1 and localhost, with its key: `cert.pem` and `key.pem` in `folder`,
/// for the TLS peers (made by openssl, valid for a day).
public enum SelfSignedCertificate {
    public static func make(in folder: URL) throws {
        let openssl = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", folder.appendingPathComponent("key.pem").path, "-out", folder.appendingPathComponent("cert.pem").path,
        ])
        guard openssl.status == 0 else { throw PeerServerError(message: "openssl failed: \(openssl.stderr)") }
    }
}
