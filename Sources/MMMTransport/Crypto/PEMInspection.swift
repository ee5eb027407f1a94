import Foundation

/// A cheap look at PEM text before handing it to OpenSSL: which block it holds and whether it is encrypted.
struct PEMInspection {
    /// Whether a private key block (PKCS#8, encrypted PKCS#8 or PKCS#1) is present.
    let hasPrivateKeyBlock: Bool
    /// Whether the key needs a passphrase (encrypted PKCS#8, or legacy `Proc-Type: 4,ENCRYPTED` PKCS#1).
    let isEncrypted: Bool

    init(_ pem: Data) {
        // Only the ASCII armour lines matter; decoding as Latin-1 never fails.
        let text = String(decoding: pem, as: UTF8.self)
        let encryptedPKCS8 = text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        let plainPKCS8 = text.contains("-----BEGIN PRIVATE KEY-----")
        let pkcs1 = text.contains("-----BEGIN RSA PRIVATE KEY-----")
        hasPrivateKeyBlock = encryptedPKCS8 || plainPKCS8 || pkcs1
        isEncrypted = encryptedPKCS8 || (pkcs1 && text.contains("Proc-Type: 4,ENCRYPTED"))
    }
}
