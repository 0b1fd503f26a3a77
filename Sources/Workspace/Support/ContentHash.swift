import Crypto
import Foundation

/// The content hash of a journey version: SHA-256 of the canonical text's UTF-8 bytes, as
/// lowercase hex. Stored with every version, so the digest must never change.
enum ContentHash {
    static func sha256Hex(of text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
