package dev.pryx.net;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A certificate authority made in memory for tests, as a company's internal CA or TLS inspection
 * proxy would be: a self-signed root (basic constraints CA, may sign certificates) that issues
 * server certificates for any names. No public root trusts it, which is the point: a client
 * trusts its servers only when given its PEM. Bouncy Castle's ASN.1 classes lay out the
 * certificates; the JDK makes the keys and signatures.
 */
public final class TestCa {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final char[] PASSWORD = "test".toCharArray();
    private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

    private final X509Certificate certificate;
    private final KeyPair keys;

    private TestCa(X509Certificate certificate, KeyPair keys) {
        this.certificate = certificate;
        this.keys = keys;
    }

    /** A root CA named {@code CN=<name>,O=Pryx Tests}, valid from an hour ago for a day. */
    public static TestCa create(String name) throws Exception {
        KeyPair keys = keyPair();
        // Most significant first, as real CAs encode it; shown (RFC 2253) as "CN=<name>,O=Pryx Tests".
        X500Name subject = new X500Name("O=Pryx Tests,CN=" + name);
        Extensions extensions = new Extensions(new Extension[] {
                new Extension(Extension.basicConstraints, true, new BasicConstraints(true).getEncoded()),
                new Extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign).getEncoded())});
        return new TestCa(sign(subject, subject, keys.getPublic().getEncoded(), extensions, keys.getPrivate()), keys);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** This CA's certificate as PEM text. */
    public String pem() {
        return pem(certificate);
    }

    /** A server certificate for these names (DNS names or IPv4 literals), issued by this CA. */
    public Server issue(String... names) throws Exception {
        KeyPair serverKeys = keyPair();
        List<GeneralName> altNames = new ArrayList<>();
        for (String n : names) {
            altNames.add(n.matches("[0-9.]+") ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
        }
        Extensions extensions = new Extensions(new Extension[] {
                new Extension(Extension.basicConstraints, true, new BasicConstraints(false).getEncoded()),
                new Extension(Extension.subjectAlternativeName, false,
                        new GeneralNames(altNames.toArray(new GeneralName[0])).getEncoded())});
        X509Certificate cert = sign(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=" + names[0]), serverKeys.getPublic().getEncoded(), extensions, keys.getPrivate());
        return new Server(cert, serverKeys, certificate);
    }

    /** A TLS server's identity: its certificate, its key, and the chain it presents. */
    public record Server(X509Certificate certificate, KeyPair keys, X509Certificate issuer) {
        /** For {@code MockWebServer.useHttps}: presents this certificate and its issuer. */
        public SSLSocketFactory socketFactory() throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", keys.getPrivate(), PASSWORD, new java.security.cert.Certificate[] {certificate, issuer});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context.getSocketFactory();
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X500Name issuer, X500Name subject, byte[] publicKey, Extensions extensions,
                                        PrivateKey signingKey) throws Exception {
        Instant now = Instant.now();
        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(SERIAL.incrementAndGet())));
        tbs.setSignature(ECDSA_SHA256);
        tbs.setIssuer(issuer);
        tbs.setSubject(subject);
        tbs.setStartDate(new Time(Date.from(now.minus(Duration.ofHours(1)))));
        tbs.setEndDate(new Time(Date.from(now.plus(Duration.ofDays(1)))));
        tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(publicKey));
        tbs.setExtensions(extensions);
        TBSCertificate body = tbs.generateTBSCertificate();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(signingKey);
        signer.update(body.getEncoded());
        byte[] der = new DERSequence(new ASN1Encodable[] {body, ECDSA_SHA256, new DERBitString(signer.sign())}).getEncoded();
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
