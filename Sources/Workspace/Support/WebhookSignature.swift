import Crypto
import Foundation

/// The signature on a webhook delivery: HMAC-SHA256 with the webhook's secret over the
/// timestamp, a dot and the body (`TIMESTAMP.BODY`), sent as
/// `X-Cairn-Signature: sha256=HEX` beside `X-Cairn-Timestamp: EPOCH-SECONDS`. Signing the
/// timestamp binds the body to a moment, so an old delivery cannot be sent again later.
/// One scheme both ways: the server's webhook intake checks it, the delivery worker's http
/// channels (module Automation) sign with it.
public enum WebhookSignature {
    public static let signatureHeader = "X-Cairn-Signature"
    public static let timestampHeader = "X-Cairn-Timestamp"

    /// `sha256=HEX` for `body` signed at `timestamp` with `secret`.
    public static func sign(body: some DataProtocol, timestamp: Int64, secret: String) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` (`sha256=HEX`) is `body` signed at `timestamp` with `secret`; the
    /// check takes the same time however much of the signature is right.
    public static func isValid(signature: String, body: some DataProtocol, timestamp: Int64, secret: String)
        -> Bool
    {
        guard signature.hasPrefix("sha256="), let code = hexBytes(signature.dropFirst(7)), code.count == 32
        else { return false }
        var message = Data("\(timestamp).".utf8)
        message.append(contentsOf: body)
        return HMAC<SHA256>.isValidAuthenticationCode(
            code, authenticating: message, using: SymmetricKey(data: Data(secret.utf8)))
    }

    static func hexBytes(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
